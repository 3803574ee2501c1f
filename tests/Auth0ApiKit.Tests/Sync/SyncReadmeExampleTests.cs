using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Sync;

namespace Auth0ApiKit.Tests.Sync;

/// <summary>Keeps README's sync section true: its code, against a fake tenant, with the output it shows.</summary>
public sealed class SyncReadmeExampleTests : IDisposable
{
    private readonly SyncHarness _harness = new();

    public SyncReadmeExampleTests()
    {
        _harness.Tenant.Applications.Add(Application.Define("billing-worker", ApplicationKind.MachineToMachine).Build(),
            "Gd3nWq8Lh2Xc9Rv4Tm7Kp1Ys6Bf0Ja5E", new Secret("s"));
        _harness.Tenant.Apis.Add(Api.Define("Billing API").WithIdentifier("https://billing.example.com").WithScope("read:invoices").Build());
    }

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Defining_planning_applying_and_exporting_print_what_the_readme_shows()
    {
        var orders = Api.Define("Orders API")
            .WithIdentifier("https://orders.example.com")
            .TokensExpireAfter(TimeSpan.FromHours(2))
            .WithScope("read:orders", "Read orders")
            .Build();
        var billing = Api.Define("Billing API")
            .WithIdentifier("https://billing.example.com")
            .WithScope("read:invoices", "Read invoices")
            .Build();
        var desired = DesiredState.Create()
            .WithApis([orders, billing])
            .WithAuthorization(Authorization.For(orders, ApplicationReference.ByName("billing-worker")).WithScope("read:orders").Build())
            .Build();
        var sync = _harness.Sync;
        var lines = new List<string>();

        var plan = await _harness.PlanAsync(desired, new SyncOptions { Prune = false, AllowReplacement = false, MaxConcurrency = 4 });
        var result = await _harness.ApplyAsync(plan, new Lines(lines));
        var export = await _harness.RunAsync(() => sync.ExportAsync());

        plan.ToString().Should().Be("""
            Plan: 2 to create, 1 to update, 0 to replace, 0 to delete, 0 unchanged.

              + api https://orders.example.com (create)
                  name: "Orders API"
                  token_lifetime: 7200
                  scopes:
                    + read:orders "Read orders"

              ~ api https://billing.example.com (update)
                  scopes:
                    ~ read:invoices (none) -> "Read invoices"

              + authorization billing-worker (client Gd3nWq8Lh2Xc9Rv4Tm7Kp1Ys6Bf0Ja5E) -> https://orders.example.com (create)
                  scopes: [read:orders]
            """);
        result.Succeeded.Should().BeTrue();
        lines.Select(l => l[..6]).Should().Equal("[1/3] ", "[2/3] ", "[3/3] ");
        lines.Select(l => l[6..]).Should().BeEquivalentTo(
            "+ api https://orders.example.com (create): applied",
            "~ api https://billing.example.com (update): applied",
            "+ authorization billing-worker (client Gd3nWq8Lh2Xc9Rv4Tm7Kp1Ys6Bf0Ja5E) -> https://orders.example.com (create): applied");
        lines[^1].Should().StartWith("[3/3] + authorization", "authorizations follow their APIs");
        export.DesiredState.Apis.Select(a => a.Identifier).Should().Equal("https://billing.example.com", "https://orders.example.com");
        export.ToCSharp("TenantDefinitions", "MyCompany.Auth0").Should().Contain("namespace MyCompany.Auth0;");
        DesiredState.FromJson(export.ToJson()).Authorizations.Should().ContainSingle();
    }

    /// <summary>Collects the progress lines as <c>Console.WriteLine</c> would print them, without a synchronization context.</summary>
    private sealed class Lines(List<string> lines) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => lines.Add(value.ToString());
    }
}
