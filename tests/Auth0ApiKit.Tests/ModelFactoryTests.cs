using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Sync;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Tests;

/// <summary>Read models are built by the model factory only; they compare by reference and never show a secret.</summary>
public sealed class ModelFactoryTests
{
    private static readonly ApiDefinition Orders = Api.Define("Orders API").WithIdentifier("https://orders.example.com").Build();
    private static readonly ApplicationDefinition Worker = Application.Define("billing-worker", ApplicationKind.MachineToMachine).Build();

    [Fact]
    public void Ids_left_out_are_generated_in_Auth0_shapes()
    {
        Auth0ModelFactory.TenantApi(Orders).Id.Should().MatchRegex("^[0-9a-f]{24}$");
        Auth0ModelFactory.TenantApplication(Worker).ClientId.Should().MatchRegex("^[A-Za-z0-9]{32}$");
        Auth0ModelFactory.TenantAuthorization("client", Orders.Identifier).Id.Should().MatchRegex("^cgr_[A-Za-z0-9]{16}$");
    }

    [Fact]
    public void Models_carry_what_they_were_given()
    {
        var api = Auth0ModelFactory.TenantApi(Orders, id: "5f0c8e1d2a3b4c5d6e7f8a9b", isSystem: true);
        var application = Auth0ModelFactory.TenantApplication(Worker, "client-1", new Secret("s3cret"));
        var authorization = Auth0ModelFactory.TenantAuthorization("client-1", Orders.Identifier, ["read:orders"], "cgr_0123456789abcdef");
        var access = Auth0ModelFactory.MachineToMachineAccess(application, authorization);

        (api.Id, api.IsSystem, api.Identifier, api.Definition).Should().Be(("5f0c8e1d2a3b4c5d6e7f8a9b", true, Orders.Identifier, Orders));
        (application.ClientId, application.Name, application.Kind).Should().Be(("client-1", "billing-worker", ApplicationKind.MachineToMachine));
        application.ClientSecret!.Reveal().Should().Be("s3cret");
        (authorization.Id, authorization.ClientId, authorization.ApiIdentifier).Should().Be(("cgr_0123456789abcdef", "client-1", Orders.Identifier));
        access.IsAuthorized.Should().BeTrue();
        access.Scopes.Should().Equal("read:orders");
        Auth0ModelFactory.MachineToMachineAccess(application).Scopes.Should().BeEmpty();
    }

    [Fact]
    public void A_test_report_passes_only_with_a_token_and_no_refusal_or_rejection()
    {
        var token = new AccessToken(new Secret("eyJ.token.value"), Orders.Identifier, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), ["read:orders"]);

        var passed = Auth0ModelFactory.ApiTestReport(Orders.Identifier, "client-1", token, claims: new Dictionary<string, string> { ["sub"] = "client-1@clients" });
        var refused = Auth0ModelFactory.ApiTestReport(Orders.Identifier, "client-1", refusal: "Unauthorized");
        var rejected = Auth0ModelFactory.ApiTestReport(Orders.Identifier, "client-1", token,
            validationFailure: AccessTokenValidationFailure.InvalidAudience, validationMessage: "not for this API");

        (passed.Passed, passed.Scopes.Count, passed.Claims["sub"]).Should().Be((true, 1, "client-1@clients"));
        (refused.Passed, refused.Token, refused.Refusal).Should().Be((false, null, "Unauthorized"));
        (rejected.Passed, rejected.ValidationFailure).Should().Be((false, AccessTokenValidationFailure.InvalidAudience));
        passed.ToString().Should().NotContain("eyJ.token.value", "a report never shows the token");
    }

    [Fact]
    public void A_page_fills_in_its_totals_from_its_items()
    {
        var page = Auth0ModelFactory.ResultPage(["a", "b"], start: 10);
        var middle = Auth0ModelFactory.ResultPage(["a", "b"], total: 30, start: 10, limit: 2);

        (page.Total, page.Start, page.Limit, page.HasMore).Should().Be((12, 10, 2, false));
        middle.HasMore.Should().BeTrue();
        middle.ToString().Should().Be("items 10 to 11 of 30");
    }

    [Fact]
    public void Sync_models_render_as_plan_lines()
    {
        var field = Auth0ModelFactory.FieldChange("token_lifetime", "86400", "7200");
        var secret = Auth0ModelFactory.FieldChange("signing_secret", isSecret: true);
        var scope = Auth0ModelFactory.ScopeChange(ChangeKind.Update, "read:orders", "Read", "Read orders");
        var change = Auth0ModelFactory.ApiChange(ChangeKind.Update, Orders.Identifier, desired: Orders, fields: [field], scopes: [scope]);
        var progress = Auth0ModelFactory.SyncProgress(Auth0ModelFactory.SyncStepResult(change), completed: 3, total: 12);
        var grant = Auth0ModelFactory.AuthorizationChange(ChangeKind.Create, "client-1", Orders.Identifier, ["read:orders"], applicationName: "worker");

        field.ToString().Should().Be("token_lifetime: 86400 -> 7200");
        secret.ToString().Should().Be("signing_secret: (changed)");
        scope.ToString().Should().Be("~ read:orders \"Read\" -> \"Read orders\"");
        progress.ToString().Should().Be("[3/12] ~ api https://orders.example.com (update): applied");
        (progress.Change, progress.Outcome).Should().Be((change, SyncStepOutcome.Applied));
        grant.AddedScopes.Should().Equal("read:orders");
        grant.Target.Should().Be("authorization worker (client client-1) -> https://orders.example.com");
    }

    [Fact]
    public void Read_models_compare_by_reference_so_list_members_never_make_a_false_equality()
    {
        var one = Auth0ModelFactory.TenantAuthorization("client-1", Orders.Identifier, ["read:orders"], "cgr_0123456789abcdef");
        var same = Auth0ModelFactory.TenantAuthorization("client-1", Orders.Identifier, ["read:orders"], "cgr_0123456789abcdef");

        one.Should().NotBe(same, "read models have no value equality");
        one.Should().BeEquivalentTo(same, "tests compare them member by member");
    }

    [Fact]
    public void No_read_model_shows_a_client_secret()
    {
        var secret = new Secret("the-client-secret-0123456789");
        var application = Auth0ModelFactory.TenantApplication(Worker, "client-1", secret);

        application.ToString().Should().Be("Application 'billing-worker' (non_interactive), client id client-1");
        Auth0ModelFactory.MachineToMachineAccess(application).ToString().Should().NotContain(secret.Reveal()).And.EndWith("not authorized");
    }
}
