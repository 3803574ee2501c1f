using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Sync;

namespace Auth0ApiKit.Tests.Sync;

/// <summary>Pins the text and the JSON of a plan that holds every kind of change.</summary>
public sealed class PlanRenderingTests : IDisposable
{
    private const string Worker = "WorkerClientId0000000000000000001";
    private const string Reports = "ReportsClientId000000000000000002";
    private const string OldSecret = "old-payments-secret-0123456789ab";
    private const string NewSecret = "new-payments-secret-ba9876543210";
    private const string ShippingSecret = "shipping-secret-0123456789abcdef";

    private readonly SyncHarness _harness = new();

    public PlanRenderingTests()
    {
        var tenant = _harness.Tenant;
        tenant.Applications.Add(Application.Define("worker", ApplicationKind.MachineToMachine).Build(), Worker, new Secret("w"));
        tenant.Applications.Add(Application.Define("reports", ApplicationKind.MachineToMachine).Build(), Reports, new Secret("r"));
        tenant.Apis.Add(Api.Define("Payments API").WithIdentifier("https://payments.example.com").SignedWith(SigningAlgorithm.HS256)
            .WithSigningSecret(OldSecret).WithScope("read:payments", "Read").WithScope("admin:payments", "Administer").Build());
        tenant.Apis.Add(Catalog);
        tenant.Apis.Add(Api.Define("Billing API").WithIdentifier("https://billing.example.com").WithScope("read:billing").Build());
        tenant.Apis.Add(Api.Define("Inventory API").WithIdentifier("https://inventory.example.com/v1").Build());
        tenant.Apis.Add(Api.Define("Legacy API").WithIdentifier("https://legacy.example.com").WithScope("read").Build());
        tenant.Authorizations.Authorize(Worker, "https://payments.example.com", ["read:payments"]);
        tenant.Authorizations.Authorize(Worker, "https://catalog.example.com", ["read:catalog"]);
        tenant.Authorizations.Authorize(Reports, "https://catalog.example.com", ["read:catalog"]);
        tenant.Authorizations.Authorize(Worker, "https://billing.example.com", ["read:billing"]);
        tenant.Authorizations.Authorize(Worker, "https://legacy.example.com", ["read"]);
    }

    private static ApiDefinition Catalog { get; } = Api.Define("Catalog API").WithIdentifier("https://catalog.example.com")
        .WithScope("read:catalog").Build();

    public void Dispose() => _harness.Dispose();

    private static DesiredState Desired()
    {
        var shipping = Api.Define("Shipping API").WithIdentifier("https://shipping.example.com").SignedWith(SigningAlgorithm.HS256)
            .WithSigningSecret(ShippingSecret).TokensExpireAfter(TimeSpan.FromHours(2)).WebTokensExpireAfter(TimeSpan.FromHours(1))
            .AllowOfflineAccess().EnforcePolicies().WithTokenDialect(TokenDialect.Rfc9068Profile)
            .WithScope("read:shipments", "Read shipments").WithScope("ship").Build();
        var payments = Api.Define("Payments API").WithIdentifier("https://payments.example.com").WithSigningSecret(NewSecret)
            .TokensExpireAfter(TimeSpan.FromHours(1)).WebTokensExpireAfter(TimeSpan.FromMinutes(30)).WithScope("read:payments", "Read payments").WithScope("refund:payments", "Refund").Build();
        var billing = Api.Define("Billing API").WithIdentifier("https://billing.example.com").SignedWith(SigningAlgorithm.HS256)
            .WithScope("read:billing").Build();
        var inventory = Api.Define("Inventory API").WithIdentifier("https://inventory.example.com/v2").Build();
        var worker = ApplicationReference.ByClientId(Worker);
        return DesiredState.Create()
            .WithApis([shipping, payments, Catalog, billing, inventory])
            .WithAuthorizations([
                Authorization.For(shipping, ApplicationReference.ByName("worker")).WithAllScopes().Build(),
                Authorization.For(payments, worker).WithScopes(["read:payments", "refund:payments"]).Build(),
                Authorization.For(Catalog, worker).WithScope("read:catalog").Build(),
                Authorization.For(billing, worker).WithScope("read:billing").Build(),
            ])
            .Build();
    }

    [Fact]
    public async Task The_text_shows_every_kind_of_change_like_terraform_and_no_secret()
    {
        var plan = await _harness.PlanAsync(Desired(), new SyncOptions { Prune = true });

        plan.ToString().Should().Be("""
            Plan: 3 to create, 2 to update, 2 to replace, 4 to delete, 2 unchanged.
            Refused: 2 replacements (replacing an API invalidates every token it issued); plan again with SyncOptions.AllowReplacement to apply this plan.

              + api https://shipping.example.com (create)
                  name: "Shipping API"
                  signing_alg: "HS256"
                  signing_secret: (set)
                  token_lifetime: 7200
                  token_lifetime_for_web: 3600
                  allow_offline_access: true
                  enforce_policies: true
                  token_dialect: "rfc9068_profile"
                  scopes:
                    + read:shipments "Read shipments"
                    + ship

              ~ api https://payments.example.com (update)
                  signing_secret: (changed)
                  token_lifetime: 86400 -> 3600
                  token_lifetime_for_web: 7200 -> 1800
                  scopes:
                    ~ read:payments "Read" -> "Read payments"
                    + refund:payments "Refund"
                    - admin:payments

            -/+ api https://billing.example.com (replace, refused): the signing algorithm changes from RS256 to HS256, which cannot change in place
                  signing_alg: "RS256" -> "HS256"
                  name: "Billing API"
                  scopes:
                    + read:billing

            -/+ api https://inventory.example.com/v2 (replace, refused): it has the name of the API https://inventory.example.com/v1, whose identifier cannot change in place
                  identifier: "https://inventory.example.com/v1" -> "https://inventory.example.com/v2"
                  name: "Inventory API"

              - api https://legacy.example.com (delete)

              + authorization worker (client WorkerClientId0000000000000000001) -> https://shipping.example.com (create)
                  scopes: [read:shipments ship]

              ~ authorization worker (client WorkerClientId0000000000000000001) -> https://payments.example.com (update)
                  scopes: [read:payments] -> [read:payments refund:payments]

              + authorization worker (client WorkerClientId0000000000000000001) -> https://billing.example.com (create)
                  scopes: [read:billing]

              - authorization worker (client WorkerClientId0000000000000000001) -> https://billing.example.com (delete)

              - authorization reports (client ReportsClientId000000000000000002) -> https://catalog.example.com (delete)

              - authorization worker (client WorkerClientId0000000000000000001) -> https://legacy.example.com (delete)
            """);
    }

    [Fact]
    public async Task The_json_holds_every_entry_with_its_fields_and_no_secret()
    {
        var plan = await _harness.PlanAsync(Desired(), new SyncOptions { Prune = true });

        plan.ToJson().Should().Be("""
            {
              "summary": {
                "create": 3,
                "update": 2,
                "replace": 2,
                "delete": 4,
                "unchanged": 2,
                "refused": 2
              },
              "options": {
                "prune": true,
                "allowReplacement": false,
                "maxConcurrency": 4
              },
              "changes": [
                {
                  "resource": "api",
                  "action": "create",
                  "identifier": "https://shipping.example.com",
                  "fields": [
                    {
                      "field": "name",
                      "after": "Shipping API"
                    },
                    {
                      "field": "signing_alg",
                      "after": "HS256"
                    },
                    {
                      "field": "signing_secret",
                      "secret": true
                    },
                    {
                      "field": "token_lifetime",
                      "after": "7200"
                    },
                    {
                      "field": "token_lifetime_for_web",
                      "after": "3600"
                    },
                    {
                      "field": "allow_offline_access",
                      "after": "true"
                    },
                    {
                      "field": "enforce_policies",
                      "after": "true"
                    },
                    {
                      "field": "token_dialect",
                      "after": "rfc9068_profile"
                    }
                  ],
                  "scopes": [
                    {
                      "action": "create",
                      "value": "read:shipments",
                      "after": "Read shipments"
                    },
                    {
                      "action": "create",
                      "value": "ship"
                    }
                  ]
                },
                {
                  "resource": "api",
                  "action": "update",
                  "identifier": "https://payments.example.com",
                  "fields": [
                    {
                      "field": "signing_secret",
                      "secret": true
                    },
                    {
                      "field": "token_lifetime",
                      "before": "86400",
                      "after": "3600"
                    },
                    {
                      "field": "token_lifetime_for_web",
                      "before": "7200",
                      "after": "1800"
                    }
                  ],
                  "scopes": [
                    {
                      "action": "update",
                      "value": "read:payments",
                      "before": "Read",
                      "after": "Read payments"
                    },
                    {
                      "action": "create",
                      "value": "refund:payments",
                      "after": "Refund"
                    },
                    {
                      "action": "delete",
                      "value": "admin:payments",
                      "before": "Administer"
                    }
                  ]
                },
                {
                  "resource": "api",
                  "action": "unchanged",
                  "identifier": "https://catalog.example.com"
                },
                {
                  "resource": "api",
                  "action": "replace",
                  "refused": true,
                  "identifier": "https://billing.example.com",
                  "reason": "the signing algorithm changes from RS256 to HS256, which cannot change in place",
                  "fields": [
                    {
                      "field": "signing_alg",
                      "before": "RS256",
                      "after": "HS256"
                    },
                    {
                      "field": "name",
                      "after": "Billing API"
                    }
                  ],
                  "scopes": [
                    {
                      "action": "create",
                      "value": "read:billing"
                    }
                  ]
                },
                {
                  "resource": "api",
                  "action": "replace",
                  "refused": true,
                  "identifier": "https://inventory.example.com/v2",
                  "replaces": "https://inventory.example.com/v1",
                  "reason": "it has the name of the API https://inventory.example.com/v1, whose identifier cannot change in place",
                  "fields": [
                    {
                      "field": "identifier",
                      "before": "https://inventory.example.com/v1",
                      "after": "https://inventory.example.com/v2"
                    },
                    {
                      "field": "name",
                      "after": "Inventory API"
                    }
                  ]
                },
                {
                  "resource": "api",
                  "action": "delete",
                  "identifier": "https://legacy.example.com"
                },
                {
                  "resource": "authorization",
                  "action": "create",
                  "clientId": "WorkerClientId0000000000000000001",
                  "application": "worker",
                  "audience": "https://shipping.example.com",
                  "after": [
                    "read:shipments",
                    "ship"
                  ]
                },
                {
                  "resource": "authorization",
                  "action": "update",
                  "clientId": "WorkerClientId0000000000000000001",
                  "application": "worker",
                  "audience": "https://payments.example.com",
                  "before": [
                    "read:payments"
                  ],
                  "after": [
                    "read:payments",
                    "refund:payments"
                  ]
                },
                {
                  "resource": "authorization",
                  "action": "unchanged",
                  "clientId": "WorkerClientId0000000000000000001",
                  "application": "worker",
                  "audience": "https://catalog.example.com",
                  "before": [
                    "read:catalog"
                  ],
                  "after": [
                    "read:catalog"
                  ]
                },
                {
                  "resource": "authorization",
                  "action": "create",
                  "clientId": "WorkerClientId0000000000000000001",
                  "application": "worker",
                  "audience": "https://billing.example.com",
                  "after": [
                    "read:billing"
                  ]
                },
                {
                  "resource": "authorization",
                  "action": "delete",
                  "clientId": "WorkerClientId0000000000000000001",
                  "application": "worker",
                  "audience": "https://billing.example.com",
                  "before": [
                    "read:billing"
                  ]
                },
                {
                  "resource": "authorization",
                  "action": "delete",
                  "clientId": "ReportsClientId000000000000000002",
                  "application": "reports",
                  "audience": "https://catalog.example.com",
                  "before": [
                    "read:catalog"
                  ]
                },
                {
                  "resource": "authorization",
                  "action": "delete",
                  "clientId": "WorkerClientId0000000000000000001",
                  "application": "worker",
                  "audience": "https://legacy.example.com",
                  "before": [
                    "read"
                  ]
                }
              ]
            }
            """);
    }

    [Fact]
    public async Task An_allowed_replacement_is_not_marked_refused_and_an_empty_plan_says_so()
    {
        var options = new SyncOptions { Prune = true, AllowReplacement = true };
        var plan = await _harness.PlanAsync(Desired(), options);

        plan.ToString().Split(Environment.NewLine)[0].Should().Be("Plan: 3 to create, 2 to update, 2 to replace, 4 to delete, 2 unchanged.");
        plan.ToString().Should().Contain(
            "-/+ api https://billing.example.com (replace): the signing algorithm changes from RS256 to HS256, which cannot change in place");
        await _harness.ApplyAsync(plan);
        var empty = await _harness.PlanAsync(Desired(), options);
        empty.ToString().Should().Be("No changes: the tenant matches the desired state (9 unchanged).");
        empty.ToJson().Should().Contain("\"unchanged\": 9").And.NotContain("\"create\": 1");
    }

    [Fact]
    public async Task No_rendering_ever_holds_a_signing_secret()
    {
        var plan = await _harness.PlanAsync(Desired(), new SyncOptions { Prune = true, AllowReplacement = true });
        var result = await _harness.ApplyAsync(plan);

        string[] renderings = [plan.ToString(), plan.ToJson(), result.ToString(), .. plan.Changes.Select(c => c.ToString()),
            .. plan.ApiChanges.SelectMany(c => c.Fields).Select(f => f.ToString()), .. result.Steps.Select(s => s.ToString())];
        foreach (var secret in new[] { OldSecret, NewSecret, ShippingSecret })
        {
            renderings.Should().AllSatisfy(r => r.Should().NotContain(secret));
        }
    }
}
