using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Sync;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Sync;

public class DesiredStateTests
{
    private static readonly ApiDefinition Orders = Api.Define("Orders API").WithIdentifier("https://orders.example.com")
        .WithScope("read:orders", "Read orders").WithScope("write:orders", "Write orders").Build();

    private static readonly ApiDefinition Billing = Api.Define("Billing API").WithIdentifier("https://billing.example.com")
        .WithScope("read:billing").Build();

    [Fact]
    public void A_valid_state_keeps_its_apis_and_authorizations_in_order()
    {
        var grant = Authorization.For(Orders, ApplicationReference.ByName("worker")).WithScope("read:orders").Build();

        var state = DesiredState.Create().WithApis([Orders, Billing]).WithAuthorization(grant).Build();

        state.Apis.Should().Equal(Orders, Billing);
        state.Authorizations.Should().Equal(grant);
        state.ToString().Should().Be("Desired state: 2 APIs, 1 authorizations");
    }

    [Fact]
    public void Every_problem_of_the_whole_is_reported_at_once()
    {
        var ordersAgain = Orders.ToBuilder().Named("Orders again").Build();
        var worker = ApplicationReference.ByClientId("client-1");
        var stale = Authorization.For(Orders.ToBuilder().WithScope("admin:orders").Build(), worker).WithScope("admin:orders").Build();
        var toUnknownApi = Authorization.For(Api.WithIdentifier("https://unknown.example.com").Build(), worker).Build();
        var twice = Authorization.For(Billing, worker).WithScope("read:billing").Build();

        var act = () => DesiredState.Create()
            .WithApi(Orders).WithApi(Billing).WithApi(ordersAgain)
            .WithAuthorizations([stale, toUnknownApi, twice, twice])
            .Build();

        var error = act.Should().Throw<DefinitionException>().Which;
        error.DefinitionKind.Should().Be("desired state");
        error.Errors.Select(e => (e.Path, e.Rule)).Should().Equal(
            ("apis[2].identifier", RuleCodes.Duplicate),
            ("authorizations[0].scope[0]", RuleCodes.UndefinedScope),
            ("authorizations[1].audience", RuleCodes.UnknownApi),
            ("authorizations[3]", RuleCodes.Duplicate));
        error.Errors[0].Message.Should().Be(
            "The API https://orders.example.com is defined twice (apis[0] and apis[2]); define each API once.");
        error.Errors[1].Message.Should().Be(
            "The scope 'admin:orders' is not defined by the API https://orders.example.com in the desired state; " +
            "an application may be granted only the API's own scopes.");
    }

    [Fact]
    public void Granting_a_scope_of_an_api_whose_scopes_are_left_unset_is_an_error()
    {
        var unset = Api.WithIdentifier("https://unset.example.com").Build();
        var lenient = Api.WithIdentifier("https://unset.example.com").WithScope("read").Build();
        var grant = Authorization.For(lenient, ApplicationReference.ByClientId("c")).WithScope("read").Build();

        DesiredState.Create().WithApi(unset).WithAuthorization(grant).Validate()
            .Should().ContainSingle().Which.Message.Should().Contain("which leaves its scopes unset");
    }

    [Fact]
    public void Json_in_the_export_format_reads_back_into_the_same_state()
    {
        const string json = """
            {
              "apis": [
                { "name": "Orders API", "identifier": "https://orders.example.com", "token_lifetime": 7200,
                  "consent_policy": "transactional-authorization-with-mfa",
                  "scopes": [ { "value": "read:orders", "description": "Read orders" } ] }
              ],
              "authorizations": [
                { "client_id": "client-1", "application_name": "worker", "audience": "https://orders.example.com", "scope": [ "read:orders" ] }
              ]
            }
            """;

        var state = DesiredState.FromJson(json);

        state.Apis.Should().ContainSingle().Which.Should().Be(Api.Define("Orders API").WithIdentifier("https://orders.example.com")
            .TokensExpireAfter(TimeSpan.FromHours(2)).WithScope("read:orders", "Read orders")
            .WithAuth0Property("consent_policy", "\"transactional-authorization-with-mfa\"").Build());
        state.Authorizations.Should().ContainSingle().Which.ToString().Should().Be("client id client-1 -> https://orders.example.com [read:orders]");
    }

    [Fact]
    public void Json_with_broken_rules_unknown_or_read_only_fields_lists_every_problem()
    {
        const string json = """
            {
              "apis": [ { "id": "abc", "client_id": "linked", "identifier": "https://orders.example.com", "token_lifetime": 99999999,
                          "colour": "blue", "consent_policy": "sometimes" } ],
              "authorizations": [ { "audience": "https://orders.example.com" }, { "client_id": "c", "audience": "https://orders.example.com", "scope": ["x"] } ]
            }
            """;

        var error = FluentActions.Invoking(() => DesiredState.FromJson(json)).Should().Throw<DefinitionException>().Which;

        error.Errors.Select(e => (e.Path, e.Rule)).Should().Equal(
            ("apis[0].colour", RuleCodes.UnsupportedValue),
            ("apis[0].id", RuleCodes.UnsupportedValue),
            ("apis[0].client_id", RuleCodes.UnsupportedValue),
            ("apis[0].token_lifetime", RuleCodes.Maximum),
            ("apis[0].consent_policy", RuleCodes.UnsupportedValue),
            ("authorizations[0].client_id", RuleCodes.Required),
            ("authorizations[1].scope[0]", RuleCodes.UndefinedScope));
    }
}
