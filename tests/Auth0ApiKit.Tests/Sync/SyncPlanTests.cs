using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Sync;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Sync;

/// <summary>The planning rules, each against a fake tenant read through the management client.</summary>
public sealed class SyncPlanTests : IDisposable
{
    private static readonly ApiDefinition Orders = Api.Define("Orders API").WithIdentifier("https://orders.example.com")
        .WithScope("read:orders", "Read orders").WithScope("write:orders", "Write orders").Build();

    private readonly SyncHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private Task<SyncPlan> PlanAsync(DesiredStateBuilder desired, SyncOptions? options = null) => _harness.PlanAsync(desired.Build(), options);

    [Fact]
    public async Task A_missing_api_and_authorization_are_created_with_the_application_found_by_name()
    {
        var worker = _harness.Tenant.Applications.AddMachineToMachine("worker");

        var plan = await PlanAsync(DesiredState.Create().WithApi(Orders)
            .WithAuthorization(Authorization.For(Orders, ApplicationReference.ByName("worker")).WithScope("read:orders").Build()));

        var api = plan.ApiChanges.Should().ContainSingle().Subject;
        api.Kind.Should().Be(ChangeKind.Create);
        api.Fields.Should().BeEquivalentTo([Auth0ModelFactory.FieldChange("name", null, "Orders API")], o => o.WithStrictOrdering());
        api.Scopes.Select(s => s.ToString()).Should().Equal("+ read:orders \"Read orders\"", "+ write:orders \"Write orders\"");
        var grant = plan.AuthorizationChanges.Should().ContainSingle().Subject;
        (grant.Kind, grant.ClientId, grant.ApplicationName, grant.ApiIdentifier).Should().Be((ChangeKind.Create, worker.ClientId, "worker", Orders.Identifier));
        grant.AddedScopes.Should().Equal("read:orders");
    }

    [Fact]
    public async Task A_setting_the_desired_state_leaves_unset_is_not_a_difference()
    {
        _harness.Tenant.Apis.Add(Orders.ToBuilder().TokensExpireAfter(TimeSpan.FromHours(3)).AllowOfflineAccess().EnforcePolicies()
            .WithTokenDialect(TokenDialect.AccessTokenAuthz).Build());

        var plan = await PlanAsync(DesiredState.Create().WithApi(Api.Define("Orders API").WithIdentifier(Orders.Identifier).Build()));

        plan.IsEmpty.Should().BeTrue();
        plan.ApiChanges.Single().Kind.Should().Be(ChangeKind.Unchanged);
    }

    [Fact]
    public async Task Fields_that_differ_are_listed_old_to_new_with_defaults_as_the_old_values()
    {
        _harness.Tenant.Apis.Add(Orders);
        var desired = Orders.ToBuilder().Named("Orders").TokensExpireAfter(TimeSpan.FromHours(2)).AllowOfflineAccess(false)
            .AllowSkippingUserConsent().Build();

        var api = (await PlanAsync(DesiredState.Create().WithApi(desired))).ApiChanges.Single();

        api.Kind.Should().Be(ChangeKind.Update);
        api.Fields.Select(f => f.ToString()).Should().Equal(
            "name: \"Orders API\" -> \"Orders\"",
            "token_lifetime: 86400 -> 7200",
            "skip_consent_for_verifiable_first_party_clients: false -> true");
    }

    [Fact]
    public async Task Scopes_compare_as_a_set_keyed_by_value_and_a_new_description_is_an_update()
    {
        _harness.Tenant.Apis.Add(Orders);
        var reordered = Api.Define("Orders API").WithIdentifier(Orders.Identifier)
            .WithScope("write:orders", "Write orders").WithScope("read:orders", "Read orders").Build();
        var changed = Api.Define("Orders API").WithIdentifier(Orders.Identifier)
            .WithScope("read:orders", "Read every order").WithScope("cancel:orders").Build();

        (await PlanAsync(DesiredState.Create().WithApi(reordered))).IsEmpty.Should().BeTrue();
        var api = (await PlanAsync(DesiredState.Create().WithApi(changed))).ApiChanges.Single();

        api.Kind.Should().Be(ChangeKind.Update);
        api.Fields.Should().BeEmpty();
        api.Scopes.Should().BeEquivalentTo(
            [
                Auth0ModelFactory.ScopeChange(ChangeKind.Update, "read:orders", "Read orders", "Read every order"),
                Auth0ModelFactory.ScopeChange(ChangeKind.Create, "cancel:orders", null, null),
                Auth0ModelFactory.ScopeChange(ChangeKind.Delete, "write:orders", "Write orders", null),
            ], o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_signing_secret_counts_only_when_set_and_its_value_never_shows()
    {
        const string Secret = "the-old-signing-secret-0123456789";
        const string Other = "a-new-signing-secret-9876543210xyz";
        var hs256 = Api.Define("Signed").WithIdentifier("https://signed.example.com").SignedWith(SigningAlgorithm.HS256);
        _harness.Tenant.Apis.Add(hs256.WithSigningSecret(Secret).Build());

        var unset = await PlanAsync(DesiredState.Create().WithApi(Api.Define("Signed").WithIdentifier("https://signed.example.com").Build()));
        var same = await PlanAsync(DesiredState.Create().WithApi(hs256.WithSigningSecret(Secret).Build()));
        var other = await PlanAsync(DesiredState.Create().WithApi(hs256.WithSigningSecret(Other).Build()));

        unset.IsEmpty.Should().BeTrue();
        same.IsEmpty.Should().BeTrue();
        other.ApiChanges.Single().Fields.Should().BeEquivalentTo([Auth0ModelFactory.FieldChange("signing_secret", null, null, isSecret: true)], o => o.WithStrictOrdering());
        other.ToString().Should().Contain("signing_secret: (changed)").And.NotContain(Other).And.NotContain(Secret);
        other.ToJson().Should().Contain("\"secret\": true").And.NotContain(Other).And.NotContain(Secret);
        other.ApiChanges.Single().ToString().Should().NotContain(Other);
    }

    [Fact]
    public async Task Another_signing_algorithm_needs_a_replacement_which_is_refused_unless_allowed()
    {
        _harness.Tenant.Apis.Add(Orders);
        var desired = DesiredState.Create().WithApi(Orders.ToBuilder().SignedWith(SigningAlgorithm.HS256).Build()).Build();
        var version = _harness.Tenant.StateVersion;

        var refused = await _harness.PlanAsync(desired);
        var allowed = await _harness.PlanAsync(desired, new SyncOptions { AllowReplacement = true });

        var change = refused.ApiChanges.Single();
        (change.Kind, change.IsRefused, refused.CanApply).Should().Be((ChangeKind.Replace, true, false));
        change.Reason.Should().Be("the signing algorithm changes from RS256 to HS256, which cannot change in place");
        change.Fields[0].Should().BeEquivalentTo(Auth0ModelFactory.FieldChange("signing_alg", "RS256", "HS256"));
        await FluentActions.Awaiting(() => _harness.ApplyAsync(refused)).Should().ThrowAsync<InvalidOperationException>()
            .WithMessage("*AllowReplacement*nothing was applied*");
        _harness.Tenant.StateVersion.Should().Be(version);
        (allowed.ApiChanges.Single().IsRefused, allowed.CanApply).Should().Be((false, true));
    }

    [Fact]
    public async Task An_api_whose_identifier_changed_is_found_by_its_unique_name_and_replaced()
    {
        _harness.Tenant.Apis.Add(Orders);
        var moved = Orders.ToBuilder().WithIdentifier("https://orders.example.org").Build();

        var change = (await PlanAsync(DesiredState.Create().WithApi(moved))).ApiChanges.Single();

        (change.Kind, change.IsRefused, change.Before!.Identifier).Should().Be((ChangeKind.Replace, true, Orders.Identifier));
        change.Fields[0].ToString().Should().Be("identifier: \"https://orders.example.com\" -> \"https://orders.example.org\"");
    }

    [Fact]
    public async Task Only_pruning_deletes_and_system_apis_and_their_authorizations_are_never_touched()
    {
        var worker = _harness.Tenant.Applications.AddMachineToMachine("worker");
        var legacy = _harness.Tenant.Apis.Add(Api.Define("Legacy").WithIdentifier("https://legacy.example.com").WithScope("read").Build());
        _harness.Tenant.Authorizations.Authorize(worker.ClientId, legacy.Identifier, ["read"]);
        _harness.Tenant.Authorizations.Authorize(worker.ClientId, _harness.Tenant.Apis.System.Identifier, ["read:clients"]);
        var desired = DesiredState.Create().WithApi(Orders);

        var kept = await PlanAsync(desired);
        var pruned = await PlanAsync(desired, new SyncOptions { Prune = true });

        kept.Changes.Select(c => c.ToString()).Should().Equal("+ api https://orders.example.com (create)");
        pruned.Changes.Select(c => c.ToString()).Should().Equal(
            "+ api https://orders.example.com (create)",
            "- api https://legacy.example.com (delete)",
            $"- authorization worker (client {worker.ClientId}) -> https://legacy.example.com (delete)");
    }

    [Fact]
    public async Task Authorizations_match_on_client_and_api_and_compare_their_scopes_as_a_set()
    {
        var worker = _harness.Tenant.Applications.AddMachineToMachine("worker");
        _harness.Tenant.Apis.Add(Orders);
        _harness.Tenant.Authorizations.Authorize(worker.ClientId, Orders.Identifier, ["write:orders", "read:orders"]);
        var byId = ApplicationReference.ByClientId(worker.ClientId);

        var same = await PlanAsync(DesiredState.Create().WithApi(Orders)
            .WithAuthorization(Authorization.For(Orders, byId).WithScopes(["read:orders", "write:orders"]).Build()));
        var fewer = await PlanAsync(DesiredState.Create().WithApi(Orders)
            .WithAuthorization(Authorization.For(Orders, byId).WithScope("read:orders").Build()));

        same.IsEmpty.Should().BeTrue();
        var change = fewer.AuthorizationChanges.Single();
        (change.Kind, change.RemovedScopes.Single(), change.AddedScopes.Count).Should().Be((ChangeKind.Update, "write:orders", 0));
    }

    [Fact]
    public async Task Applications_must_exist_and_a_name_must_be_unique_in_the_tenant()
    {
        _harness.Tenant.Applications.AddMachineToMachine("twin");
        _harness.Tenant.Applications.AddMachineToMachine("twin");
        var desired = DesiredState.Create().WithApi(Orders).WithAuthorizations([
            Authorization.For(Orders, ApplicationReference.ByClientId("no-such-client")).Build(),
            Authorization.For(Orders, ApplicationReference.ByName("nobody")).Build(),
            Authorization.For(Orders, ApplicationReference.ByName("twin")).Build(),
        ]);

        var error = (await FluentActions.Awaiting(() => PlanAsync(desired)).Should().ThrowAsync<DefinitionException>()).Which;

        error.Errors.Select(e => (e.Path, e.Rule)).Should().Equal(
            ("authorizations[0].client_id", RuleCodes.UnknownApplication),
            ("authorizations[1].client_id", RuleCodes.UnknownApplication),
            ("authorizations[2].client_id", RuleCodes.AmbiguousApplication));
        error.Errors[2].Message.Should().Be("2 applications of the tenant are named 'twin'; refer to the one you mean by client id.");
    }

    [Fact]
    public async Task A_system_api_in_the_desired_state_and_rules_against_current_values_fail_the_plan()
    {
        _harness.Tenant.Apis.Add(Orders.ToBuilder().TokensExpireAfter(TimeSpan.FromHours(1)).Build());
        var system = Api.WithIdentifier(_harness.Tenant.Apis.System.Identifier).Build();
        var longerWeb = Api.WithIdentifier(Orders.Identifier).WebTokensExpireAfter(TimeSpan.FromHours(2)).Build();

        var error = (await FluentActions.Awaiting(() => PlanAsync(DesiredState.Create().WithApi(system).WithApi(longerWeb)))
            .Should().ThrowAsync<DefinitionException>()).Which;

        error.Errors.Select(e => (e.Path, e.Rule)).Should().Equal(
            ("apis[0].identifier", RuleCodes.SystemApi),
            ("apis[1].token_lifetime_for_web", RuleCodes.NotAboveOtherField));
    }
}
