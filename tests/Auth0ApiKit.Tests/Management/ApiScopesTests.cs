using Auth0ApiKit.Apis;
using Auth0ApiKit.Management;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Management;

public sealed class ApiScopesTests : IDisposable
{
    private const string Orders = "https://orders.example.com";
    private readonly InterceptingHandler _transport;
    private readonly ManagementScenario _scenario;
    private readonly TenantApi _orders;

    public ApiScopesTests()
    {
        InterceptingHandler? transport = null;
        _scenario = new ManagementScenario(configure: o => o.Transport = transport = new InterceptingHandler(o.Transport!));
        _transport = transport!;
        _orders = _scenario.Tenant.Apis.Add(Api.Define("Orders API").WithIdentifier(Orders)
            .WithScope("read:orders", "Read orders").WithScope("write:orders", "Write orders").Build());
    }

    public void Dispose() => _scenario.Dispose();

    private IReadOnlyList<Scope> TenantScopes => _scenario.Tenant.Apis.Find(Orders)!.Definition.Scopes!;

    [Fact]
    public async Task Add_appends_new_scopes_and_replaces_the_description_of_existing_ones()
    {
        var result = await _scenario.Apis.AddScopesAsync(Orders, [new Scope("delete:orders", "Delete orders"), new Scope("read:orders", "Read any order")]).Within();

        var expected = new[] { new Scope("write:orders", "Write orders"), new Scope("delete:orders", "Delete orders"), new Scope("read:orders", "Read any order") };
        result.Definition.Scopes.Should().BeEquivalentTo(expected);
        TenantScopes.Should().BeEquivalentTo(expected);
        _scenario.Calls("PATCH", $"resource-servers/{_orders.Id}").Should().ContainSingle().Which.RequestBody.Should().Be(
            """{"scopes":[{"value":"write:orders","description":"Write orders"},{"value":"delete:orders","description":"Delete orders"},{"value":"read:orders","description":"Read any order"}]}""");
    }

    [Fact]
    public async Task Remove_drops_the_scopes_with_those_values_and_ignores_unknown_ones()
    {
        var result = await _scenario.Apis.RemoveScopesAsync(Orders, ["write:orders", "no:such"]).Within();

        result.Definition.Scopes.Should().Equal(new Scope("read:orders", "Read orders"));
        TenantScopes.Should().Equal(new Scope("read:orders", "Read orders"));
        _scenario.Calls("PATCH", $"resource-servers/{_orders.Id}").Single().RequestBody.Should().Be(
            """{"scopes":[{"value":"read:orders","description":"Read orders"}]}""");
    }

    [Fact]
    public async Task Replace_writes_exactly_the_list_given_even_an_empty_one()
    {
        (await _scenario.Apis.ReplaceScopesAsync(Orders, []).Within()).Definition.Scopes.Should().BeEmpty();

        TenantScopes.Should().BeEmpty();
        _scenario.Calls("PATCH", $"resource-servers/{_orders.Id}").Single().RequestBody.Should().Be("""{"scopes":[]}""");
    }

    [Fact]
    public async Task A_scope_without_a_description_is_sent_without_one()
    {
        await _scenario.Apis.ReplaceScopesAsync(Orders, [new Scope("read:orders")]).Within();

        _scenario.Calls("PATCH", $"resource-servers/{_orders.Id}").Single().RequestBody.Should().Be("""{"scopes":[{"value":"read:orders"}]}""");
        TenantScopes.Should().Equal(new Scope("read:orders"));
    }

    [Fact]
    public async Task A_resulting_list_that_breaks_a_rule_is_refused_before_any_PATCH()
    {
        var act = () => _scenario.Apis.AddScopesAsync(Orders, [new Scope("read orders", "With a space"), new Scope(new string('s', 281))]).Within();

        var errors = (await act.Should().ThrowAsync<DefinitionException>()).Which.Errors;
        errors.Select(e => e.Path).Should().Equal("scopes[3].value", "scopes[2].value");
        errors.Select(e => e.Rule).Should().BeEquivalentTo([RuleCodes.ForbiddenCharacter, RuleCodes.MaxLength]);
        _scenario.ManagementCalls.Should().NotContain(c => c.StartsWith("PATCH", StringComparison.Ordinal));
        TenantScopes.Should().HaveCount(2);
    }

    [Fact]
    public async Task Changes_of_an_unknown_API_are_not_found()
    {
        var act = () => _scenario.Apis.AddScopesAsync("urn:nowhere", [new Scope("a")]).Within();

        await act.Should().ThrowAsync<Auth0NotFoundException>().WithMessage("*urn:nowhere*");
    }

    [Fact]
    public async Task Concurrent_changes_through_one_client_are_applied_one_at_a_time_so_none_is_lost()
    {
        var adds = Enumerable.Range(0, 20).Select(i => Task.Run(() => _scenario.Apis.AddScopesAsync(Orders, [new Scope($"scope:{i}")])));

        await Task.WhenAll(adds).Within();

        TenantScopes.Select(s => s.Value).Should().BeEquivalentTo(
            Enumerable.Range(0, 20).Select(i => $"scope:{i}").Append("read:orders").Append("write:orders"));
        _scenario.Calls("PATCH", $"resource-servers/{_orders.Id}").Should().HaveCount(20);
    }

    [Fact]
    public async Task A_writer_that_changes_the_scopes_right_after_the_PATCH_is_reported_as_a_lost_update()
    {
        using var other = _scenario.Tenant.CreateManagementClient();
        _transport.AfterResponse = async (request, _) =>
        {
            if (request.Method == HttpMethod.Patch)
            {
                _transport.AfterResponse = null;
                await other.Apis.ReplaceScopesAsync(Orders, [new Scope("theirs:only")]);
            }
        };

        var act = () => _scenario.Apis.AddScopesAsync(Orders, [new Scope("delete:orders")]).Within();

        var conflict = (await act.Should().ThrowAsync<Auth0ConcurrentChangeException>()).Which;
        conflict.Message.Should().Contain(Orders).And.Contain("changed by someone else");
        conflict.Target.Should().Be("api " + Orders, "the target is named as sync plans name it");
        conflict.StatusCode.Should().BeNull("no Auth0 answer reported the change: the SDK found it by reading back");
        TenantScopes.Should().Equal(new Scope("theirs:only"));
    }
}
