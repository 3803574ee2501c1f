using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Tests.Apis;
using Auth0ApiKit.Tests.Validation;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Applications;

public class AuthorizationDefinitionBuilderTests
{
    private static readonly ApiDefinition Orders = SampleApis.OrdersWithScopes();
    private static readonly ApplicationDefinition Worker = Application.Define("billing-worker", ApplicationKind.MachineToMachine).Build();

    [Fact]
    public void Authorizes_an_application_for_a_subset_of_the_APIs_scopes()
    {
        var grant = Authorization.For(Orders, Worker).WithScope("read:orders").Build();

        grant.Application.Should().Be(ApplicationReference.To(Worker));
        grant.ApiIdentifier.Should().Be(SampleApis.Identifier);
        grant.Scopes.Should().Equal("read:orders");
        grant.ToString().Should().Be("application 'billing-worker' -> https://orders.example.com [read:orders]");
    }

    [Fact]
    public void An_authorization_may_grant_no_scopes() =>
        Authorization.For(Orders, ApplicationReference.ByClientId("abc")).ShouldBuild().Scopes.Should().BeEmpty();

    [Fact]
    public void WithAllScopes_grants_every_scope_the_API_defines_in_order()
    {
        Authorization.For(Orders, Worker).WithAllScopes().ShouldBuild().Scopes.Should().Equal("read:orders", "write:orders");
        Authorization.For(SampleApis.Orders().Build(), Worker).WithAllScopes().ShouldBuild().Scopes.Should().BeEmpty();
    }

    [Fact]
    public void A_scope_the_API_does_not_define_is_refused_by_the_dashboard_rule()
    {
        Authorization.For(Orders, Worker).WithScopes(["read:orders", "delete:orders"])
            .ShouldBeSingleError("scope[1]", RuleCodes.UndefinedScope, RuleOrigin.Dashboard, null,
                "'delete:orders' is not defined by the API https://orders.example.com", "only the API's own scopes");
    }

    [Fact]
    public void Against_an_API_without_scopes_every_scope_is_undefined_and_the_message_says_so()
    {
        Authorization.For(SampleApis.Orders().WithNoScopes().Build(), Worker).WithScope("read:orders")
            .ShouldBeSingleError("scope[0]", RuleCodes.UndefinedScope, RuleOrigin.Dashboard, null, "which defines no scopes");
    }

    [Fact]
    public void Scope_values_compare_ordinally() =>
        Authorization.For(Orders, Worker).WithScope("READ:orders")
            .ShouldBeSingleError("scope[0]", RuleCodes.UndefinedScope, RuleOrigin.Dashboard, null, "'READ:orders'");

    [Fact]
    public void A_scope_granted_twice_is_refused()
    {
        Authorization.For(Orders, Worker).WithScope("read:orders").WithScope("write:orders").WithScope("read:orders")
            .ShouldBeSingleError("scope[2]", RuleCodes.Duplicate, RuleOrigin.Sdk, null, "'read:orders' is granted twice");
        Authorization.For(Orders, Worker).WithAllScopes().WithAllScopes().Validate()
            .Select(e => (e.Path, e.Rule)).Should().Equal(("scope[2]", RuleCodes.Duplicate), ("scope[3]", RuleCodes.Duplicate));
    }

    [Theory]
    [InlineData("spa", "single-page")]
    [InlineData("native", "native")]
    public void An_application_of_a_kind_without_client_credentials_cannot_be_authorized(string kind, string words)
    {
        var app = Application.Define("front-end", kind).Build();

        Authorization.For(Orders, app).WithScope("read:orders")
            .ShouldBeSingleError("client_id", RuleCodes.ClientCredentialsNotAllowed, RuleOrigin.Dashboard, null,
                $"The {words} application 'front-end' cannot use the client-credentials grant", "regular web and machine-to-machine");
    }

    [Fact]
    public void An_application_whose_grant_types_leave_out_client_credentials_cannot_be_authorized()
    {
        var web = Application.Define("web", ApplicationKind.RegularWeb).WithGrantTypes([GrantType.AuthorizationCode]).Build();

        Authorization.For(Orders, web)
            .ShouldBeSingleError("client_id", RuleCodes.ClientCredentialsNotAllowed, RuleOrigin.Dashboard, null, "The regular web application 'web'");
        Authorization.For(Orders, Application.Define("web", ApplicationKind.RegularWeb).Build()).ShouldBuild();
    }

    [Fact]
    public void An_application_named_by_client_id_or_name_is_not_checked_for_its_grant_types()
    {
        Authorization.For(Orders, ApplicationReference.ByClientId("abc123")).WithScope("read:orders").ShouldBuild();
        Authorization.For(Orders, ApplicationReference.ByName("front-end")).WithScope("read:orders").ShouldBuild();
    }

    [Fact]
    public void Every_broken_rule_is_listed()
    {
        var spa = Application.Define("front-end", ApplicationKind.SinglePage).Build();

        var thrown = Authorization.For(Orders, spa).WithScopes(["nope", "nope"])
            .Invoking(b => b.Build()).Should().Throw<DefinitionException>().Which;

        thrown.DefinitionKind.Should().Be("authorization");
        thrown.Errors.Select(e => (e.Path, e.Rule)).Should().Equal(
            ("client_id", RuleCodes.ClientCredentialsNotAllowed),
            ("scope[0]", RuleCodes.UndefinedScope),
            ("scope[1]", RuleCodes.UndefinedScope),
            ("scope[1]", RuleCodes.Duplicate));
        thrown.Message.Should().StartWith("The authorization definition breaks 4 rules:");
    }

    [Fact]
    public void Equal_authorizations_are_equal_and_hash_alike()
    {
        var grant = Authorization.For(Orders, Worker).WithScope("read:orders").Build();
        var same = Authorization.For(Orders, Application.Define("billing-worker", ApplicationKind.MachineToMachine).Build()).WithScope("read:orders").Build();

        grant.Should().Be(same);
        (grant == same).Should().BeTrue();
        grant.GetHashCode().Should().Be(same.GetHashCode());
        grant.Should().NotBe(Authorization.For(Orders, Worker).WithScope("write:orders").Build());
        grant.Should().NotBe(Authorization.For(Orders, Worker).WithAllScopes().Build());
        grant.Should().NotBe(Authorization.For(Orders, ApplicationReference.ByClientId("abc")).WithScope("read:orders").Build());
        (grant != Authorization.For(Orders.ToBuilder().WithIdentifier("urn:other").Build(), Worker).WithScope("read:orders").Build()).Should().BeTrue();
        Authorization.For(Orders, Worker).WithScopes(["write:orders", "read:orders"]).Build()
            .Should().NotBe(Authorization.For(Orders, Worker).WithAllScopes().Build(), "the order of scopes counts");
    }

    [Fact]
    public void Null_arguments_are_refused_at_once()
    {
        FluentActions.Invoking(() => Authorization.For(null!, Worker)).Should().Throw<ArgumentNullException>().WithParameterName("api");
        FluentActions.Invoking(() => Authorization.For(Orders, (ApplicationReference)null!)).Should().Throw<ArgumentNullException>().WithParameterName("application");
        FluentActions.Invoking(() => Authorization.For(Orders, (ApplicationDefinition)null!)).Should().Throw<ArgumentNullException>().WithParameterName("definition");
        FluentActions.Invoking(() => Authorization.For(Orders, Worker).WithScope(null!)).Should().Throw<ArgumentNullException>().WithParameterName("scope");
        FluentActions.Invoking(() => Authorization.For(Orders, Worker).WithScopes(null!)).Should().Throw<ArgumentNullException>().WithParameterName("scopes");

        var builder = Authorization.For(Orders, Worker).WithScope("read:orders");
        FluentActions.Invoking(() => builder.WithScopes(["write:orders", null!])).Should().Throw<ArgumentNullException>().WithParameterName("scopes");
        builder.Build().Scopes.Should().Equal(["read:orders"], "a list with a null adds none of its scopes");
    }
}
