using Auth0ApiKit.Apis;
using Auth0ApiKit.Roles;
using Auth0ApiKit.Sync;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Sync;

/// <summary>Roles in a desired state: declared in code or JSON, and checked against the state's APIs.</summary>
public class DesiredStateRoleTests
{
    private static readonly ApiDefinition Orders = Api.Define("Orders API").WithIdentifier("https://orders.example.com")
        .WithScope("read:orders").WithScope("write:orders").Build();

    private static readonly ApiDefinition Billing = Api.Define("Billing API").WithIdentifier("https://billing.example.com")
        .WithScope("read:invoices").Build();

    [Fact]
    public void Roles_are_managed_only_when_declared_even_as_none()
    {
        var clerk = Role.Define("clerk").WithPermission(Orders, "read:orders").Build();

        var apisOnly = DesiredState.Create().WithApi(Orders).Build();
        var none = DesiredState.Create().WithApi(Orders).WithRoles([]).Build();
        var one = DesiredState.Create().WithApi(Orders).WithRole(clerk).Build();

        (apisOnly.ManagesRoles, apisOnly.Roles.Count).Should().Be((false, 0));
        (none.ManagesRoles, none.Roles.Count).Should().Be((true, 0));
        one.Roles.Should().Equal(clerk);
        one.ToString().Should().Be("Desired state: 1 APIs, 0 authorizations, 1 roles");
        apisOnly.ToString().Should().Be("Desired state: 1 APIs, 0 authorizations");
    }

    [Fact]
    public void A_role_name_twice_a_permission_of_an_api_not_in_the_state_and_a_scope_the_states_api_lacks_are_errors()
    {
        var wider = Orders.ToBuilder().WithScope("admin:orders").Build();
        var act = () => DesiredState.Create().WithApi(Orders)
            .WithRole(Role.Define("clerk").WithPermission(Orders, "read:orders").WithPermission(Billing, "read:invoices").Build())
            .WithRole(Role.Define("clerk").WithPermission(wider, "admin:orders").Build())
            .Build();

        var error = act.Should().Throw<DefinitionException>().Which;
        error.Errors.Select(e => (e.Path, e.Rule)).Should().Equal(
            ("roles[0].permissions[1].resource_server_identifier", RuleCodes.UnknownApi),
            ("roles[1].name", RuleCodes.Duplicate),
            ("roles[1].permissions[0].permission_name", RuleCodes.UndefinedScope));
        error.Errors[1].Message.Should().Be("The role 'clerk' is defined twice (roles[0] and roles[1]); define each role once.");
        error.Errors[2].Message.Should().Be("The permission 'admin:orders' of the role 'clerk' is not a scope of the API https://orders.example.com " +
            "in the desired state; a role may grant only scopes its API defines.");
    }

    [Fact]
    public void Json_roles_read_back_as_written_and_a_roles_key_declares_them()
    {
        var state = DesiredState.Create().WithApis([Orders, Billing])
            .WithRole(Role.Define("clerk").WithDescription("Reads").WithPermission(Orders, "read:orders").WithPermission(Billing, "read:invoices").Build())
            .Build();
        var json = DesiredStateJson.Write(state, new Dictionary<string, string>());

        json.Should().Contain("""
              "roles": [
                {
                  "name": "clerk",
                  "description": "Reads",
                  "permissions": [
                    {
                      "permission_name": "read:orders",
                      "resource_server_identifier": "https://orders.example.com"
                    },
            """.ReplaceLineEndings());
        var read = DesiredState.FromJson(json);
        read.ManagesRoles.Should().BeTrue();
        read.Roles.Should().Equal(state.Roles);
        DesiredState.FromJson("""{"apis":[],"roles":[]}""").ManagesRoles.Should().BeTrue();
        DesiredState.FromJson("""{"apis":[]}""").ManagesRoles.Should().BeFalse();
    }

    [Fact]
    public void Json_role_errors_name_the_field_at_its_position()
    {
        var act = () => DesiredState.FromJson("""
            {
              "apis": [{ "name": "Orders API", "identifier": "https://orders.example.com", "scopes": [{ "value": "read:orders" }] }],
              "roles": [
                { "name": "broken", "permissions": [{ "permission_name": "read:orders" }] },
                { "name": " ", "colour": "red", "permissions": [{ "resource_server_identifier": "https://orders.example.com", "permission_name": "read:orders" },
                                                                { "resource_server_identifier": "https://orders.example.com", "permission_name": "read:orders" }] },
                { "name": "reader", "permissions": [{ "resource_server_identifier": "https://orders.example.com", "permission_name": "write:orders" }] }
              ]
            }
            """);

        act.Should().Throw<DefinitionException>().Which.Errors.Select(e => (e.Path, e.Rule)).Should().Equal(
            ("roles[0].permissions[0].resource_server_identifier", RuleCodes.Required),
            ("roles[1].colour", RuleCodes.UnsupportedValue),
            ("roles[1].name", RuleCodes.Required),
            ("roles[1].permissions[1].permission_name", RuleCodes.Duplicate),
            ("roles[2].permissions[0].permission_name", RuleCodes.UndefinedScope));
    }
}
