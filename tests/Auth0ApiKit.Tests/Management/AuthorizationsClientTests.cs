using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Management;

public sealed class AuthorizationsClientTests : IDisposable
{
    private const string Orders = "https://orders.example.com";
    private readonly ManagementScenario _scenario = new();
    private readonly ApiDefinition _orders;
    private readonly FakeApplication _worker;

    public AuthorizationsClientTests()
    {
        _orders = _scenario.Tenant.Apis.Add(Api.Define("Orders API").WithIdentifier(Orders)
            .WithScope("read:orders").WithScope("write:orders").WithScope("delete:orders").Build()).Definition;
        _worker = _scenario.Tenant.Applications.AddMachineToMachine("billing-worker");
    }

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public async Task Authorize_grants_a_subset_of_the_API_scopes()
    {
        var granted = await _scenario.Authorizations.AuthorizeAsync(_worker.ClientId, Orders, ["read:orders", "write:orders"]).Within();

        granted.Id.Should().MatchRegex("^cgr_[A-Za-z0-9]{16}$");
        granted.ClientId.Should().Be(_worker.ClientId);
        granted.ApiIdentifier.Should().Be(Orders);
        granted.Scopes.Should().Equal("read:orders", "write:orders");
        _scenario.Tenant.Authorizations.Find(_worker.ClientId, Orders).Should().BeEquivalentTo(granted);
        _scenario.Calls("POST", "client-grants").Should().ContainSingle().Which.RequestBody.Should().Be(
            $$"""{"client_id":"{{_worker.ClientId}}","audience":"https://orders.example.com","scope":["read:orders","write:orders"]}""");
    }

    [Fact]
    public async Task Authorize_with_no_scopes_sends_an_empty_list()
    {
        var granted = await _scenario.Authorizations.AuthorizeAsync(_worker.ClientId, Orders, []).Within();

        granted.Scopes.Should().BeEmpty();
        _scenario.Calls("POST", "client-grants").Single().RequestBody.Should().EndWith("\"scope\":[]}");
    }

    [Fact]
    public async Task Authorize_refuses_a_scope_the_API_does_not_define_before_sending()
    {
        var act = () => _scenario.Authorizations.AuthorizeAsync(_worker.ClientId, Orders, ["read:orders", "admin:orders", "read:orders"]).Within();

        var errors = (await act.Should().ThrowAsync<DefinitionException>()).Which.Errors;
        errors.Select(e => (e.Path, e.Rule)).Should().Equal(("scope[1]", RuleCodes.UndefinedScope), ("scope[2]", RuleCodes.Duplicate));
        errors[0].Message.Should().Contain("admin:orders").And.Contain(Orders);
        _scenario.Calls("POST", "client-grants").Should().BeEmpty();
    }

    [Fact]
    public async Task Authorize_for_an_unknown_API_is_not_found_before_sending()
    {
        var act = () => _scenario.Authorizations.AuthorizeAsync(_worker.ClientId, "urn:nowhere", []).Within();

        await act.Should().ThrowAsync<Auth0NotFoundException>().WithMessage("*urn:nowhere*");
        _scenario.Calls("POST", "client-grants").Should().BeEmpty();
    }

    [Fact]
    public async Task Authorize_of_an_unknown_application_is_not_found()
    {
        var act = () => _scenario.Authorizations.AuthorizeAsync("0123456789abcdefABCDEF0123456789", Orders, ["read:orders"]).Within();

        (await act.Should().ThrowAsync<Auth0NotFoundException>()).Which.ErrorCode.Should().Be("inexistent_client");
    }

    [Fact]
    public async Task Authorize_adopts_an_existing_authorization_with_the_same_scopes_in_any_order()
    {
        var existing = _scenario.Tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["write:orders", "read:orders"]);

        var adopted = await _scenario.Authorizations.AuthorizeAsync(_worker.ClientId, Orders, ["read:orders", "write:orders"]).Within();

        adopted.Should().BeEquivalentTo(existing);
        _scenario.Calls("POST", "client-grants").Single().Status.Should().Be(409);
    }

    [Fact]
    public async Task Concurrent_identical_authorizations_make_one_grant_and_all_succeed()
    {
        var calls = Enumerable.Range(0, 5).Select(_ => Task.Run(() => _scenario.Authorizations.AuthorizeAsync(_worker.ClientId, Orders, ["read:orders"])));

        var granted = await Task.WhenAll(calls).Within();

        granted.Select(g => g.Id).Distinct().Should().ContainSingle();
        _scenario.Tenant.Authorizations.All.Where(g => g.ApiIdentifier == Orders).Should().ContainSingle();
    }

    [Fact]
    public async Task Authorize_reports_a_conflict_with_an_existing_authorization_of_other_scopes()
    {
        _scenario.Tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders"]);

        var act = () => _scenario.Authorizations.AuthorizeAsync(_worker.ClientId, Orders, ["read:orders", "write:orders"]).Within();

        (await act.Should().ThrowAsync<Auth0ConflictException>()).Which.ServiceMessage.Should()
            .Be($"A client grant already exists between {_worker.ClientId} and {Orders}");
        _scenario.Tenant.Authorizations.Find(_worker.ClientId, Orders)!.Scopes.Should().Equal("read:orders");
    }

    [Fact]
    public async Task Change_scopes_sends_only_the_scopes()
    {
        var existing = _scenario.Tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders"]);

        var changed = await _scenario.Authorizations.ChangeScopesAsync(_worker.ClientId, Orders, ["write:orders", "delete:orders"]).Within();

        changed.Id.Should().Be(existing.Id);
        changed.Scopes.Should().Equal("write:orders", "delete:orders");
        _scenario.Calls("PATCH", $"client-grants/{existing.Id}").Should().ContainSingle()
            .Which.RequestBody.Should().Be("""{"scope":["write:orders","delete:orders"]}""");
    }

    [Fact]
    public async Task Change_scopes_refuses_an_undefined_scope_and_an_application_that_is_not_authorized()
    {
        _scenario.Tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders"]);
        var other = _scenario.Tenant.Applications.AddMachineToMachine("other");

        var undefined = () => _scenario.Authorizations.ChangeScopesAsync(_worker.ClientId, Orders, ["read:invoices"]).Within();
        var notAuthorized = () => _scenario.Authorizations.ChangeScopesAsync(other.ClientId, Orders, ["read:orders"]).Within();

        await undefined.Should().ThrowAsync<DefinitionException>();
        await notAuthorized.Should().ThrowAsync<Auth0NotFoundException>().WithMessage($"*{other.ClientId}*{Orders}*");
        _scenario.ManagementCalls.Should().NotContain(c => c.StartsWith("PATCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoke_is_idempotent()
    {
        var existing = _scenario.Tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders"]);

        (await _scenario.Authorizations.RevokeAsync(_worker.ClientId, Orders).Within()).Should().BeTrue();
        (await _scenario.Authorizations.RevokeAsync(_worker.ClientId, Orders).Within()).Should().BeFalse();

        _scenario.Tenant.Authorizations.Find(_worker.ClientId, Orders).Should().BeNull();
        _scenario.Calls("DELETE", $"client-grants/{existing.Id}").Should().ContainSingle();
    }

    [Fact]
    public async Task Get_and_list_filter_by_application_and_API()
    {
        _scenario.Tenant.Apis.Add(Api.WithIdentifier("urn:other").WithScope("read:other").Build());
        var other = _scenario.Tenant.Applications.AddMachineToMachine("other");
        _scenario.Tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders"]);
        _scenario.Tenant.Authorizations.Authorize(_worker.ClientId, "urn:other", ["read:other"]);
        _scenario.Tenant.Authorizations.Authorize(other.ClientId, Orders, []);

        var ofWorker = await _scenario.Authorizations.ListAsync(clientId: _worker.ClientId).ToListWithinAsync();
        var forOrders = await _scenario.Authorizations.ListAsync(apiIdentifier: Orders).ToListWithinAsync();
        var all = await _scenario.Authorizations.ListAsync().ToListWithinAsync();

        ofWorker.Select(a => a.ApiIdentifier).Should().BeEquivalentTo([Orders, "urn:other"], "Auth0 lists grants in id order, not creation order");
        forOrders.Select(a => a.ClientId).Should().BeEquivalentTo([_worker.ClientId, other.ClientId], "Auth0 lists grants in id order, not creation order");
        all.Should().HaveCount(4, "the management application's authorization counts too");
        (await _scenario.Authorizations.GetAsync(other.ClientId, "urn:other").Within()).Should().BeNull();
        (await _scenario.Authorizations.GetAsync(other.ClientId, Orders).Within())!.Scopes.Should().BeEmpty();
    }

    [Fact]
    public async Task List_page_reports_the_totals_of_applications_authorizations_only()
    {
        var other = _scenario.Tenant.Applications.AddMachineToMachine("other");
        _scenario.Tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders"]);
        _scenario.Tenant.Authorizations.Authorize(other.ClientId, Orders, []);

        var forOrders = await _scenario.Authorizations.ListPageAsync(0, 1, apiIdentifier: Orders).Within();
        var ofOther = await _scenario.Authorizations.ListPageAsync(0, 10, clientId: other.ClientId).Within();

        forOrders.Total.Should().Be(2);
        forOrders.Items.Should().ContainSingle().Which.ApiIdentifier.Should().Be(Orders);
        forOrders.HasMore.Should().BeTrue();
        ofOther.Items.Should().ContainSingle().Which.ClientId.Should().Be(other.ClientId);
        ofOther.Total.Should().Be(1);
        _scenario.Calls("GET", "client-grants").Should().OnlyContain(e => e.PathAndQuery.Contains("subject_type=client", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_follows_checkpoints_lazily()
    {
        for (var i = 0; i < 120; i++)
        {
            _scenario.Tenant.Authorizations.Authorize(_scenario.Tenant.Applications.AddMachineToMachine($"app {i}").ClientId, Orders, []);
        }

        var first = await _scenario.Authorizations.ListAsync(apiIdentifier: Orders).ToListWithinAsync(100);
        _scenario.Calls("GET", "client-grants").Should().HaveCount(1);
        var all = await _scenario.Authorizations.ListAsync(apiIdentifier: Orders).ToListWithinAsync();

        first.Should().HaveCount(100);
        all.Should().HaveCount(120);
        all.Select(a => a.Id).Should().OnlyHaveUniqueItems();
        _scenario.Calls("GET", "client-grants").Should().HaveCount(3);
    }

    [Fact]
    public async Task Apply_authorizes_the_application_named_by_client_id()
    {
        var definition = Authorization.For(_orders, ApplicationReference.ByClientId(_worker.ClientId)).WithScope("read:orders").Build();

        var granted = await _scenario.Authorizations.ApplyAsync(definition).Within();

        granted.ClientId.Should().Be(_worker.ClientId);
        granted.Scopes.Should().Equal("read:orders");
        _scenario.Calls("GET", "clients").Should().BeEmpty("no name needs resolving");
    }

    [Fact]
    public async Task Apply_resolves_a_unique_application_name()
    {
        var definition = Authorization.For(_orders, Application.Define("billing-worker", ApplicationKind.MachineToMachine).Build())
            .WithAllScopes().Build();

        var granted = await _scenario.Authorizations.ApplyAsync(definition).Within();

        granted.ClientId.Should().Be(_worker.ClientId);
        granted.Scopes.Should().Equal("read:orders", "write:orders", "delete:orders");
    }

    [Fact]
    public async Task Apply_refuses_a_name_that_several_applications_have()
    {
        _scenario.Tenant.Applications.AddMachineToMachine("billing-worker");
        var definition = Authorization.For(_orders, ApplicationReference.ByName("billing-worker")).Build();

        var act = () => _scenario.Authorizations.ApplyAsync(definition).Within();

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("2 applications are named 'billing-worker'*client id*");
        _scenario.Calls("POST", "client-grants").Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_refuses_a_name_no_application_has()
    {
        var definition = Authorization.For(_orders, ApplicationReference.ByName("nobody")).Build();

        var act = () => _scenario.Authorizations.ApplyAsync(definition).Within();

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("No application is named 'nobody'*");
        _scenario.Calls("POST", "client-grants").Should().BeEmpty();
    }
}
