using Auth0ApiKit.Apis;
using Auth0ApiKit.Roles;
using Auth0ApiKit.Tests.Apis;
using Auth0ApiKit.Tests.Validation;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Roles;

public class RoleDefinitionBuilderTests
{
    private static readonly ApiDefinition Orders = SampleApis.OrdersWithScopes();
    private static readonly ApiDefinition Billing = Api.Define("Billing").WithIdentifier("urn:billing").WithScope("read:invoices").WithScope("read:orders").Build();

    [Fact]
    public void Defines_a_role_with_a_description_and_permissions_named_by_API_and_scope()
    {
        var role = Role.Define("orders-admin").WithDescription("Manages orders").WithPermission(Orders, "write:orders").Build();

        role.Name.Should().Be("orders-admin");
        role.Description.Should().Be("Manages orders");
        role.Permissions.Should().Equal(new ApiPermission(SampleApis.Identifier, "write:orders"));
        role.Grants(new ApiPermission(SampleApis.Identifier, "write:orders")).Should().BeTrue();
        role.Grants(new ApiPermission(SampleApis.Identifier, "read:orders")).Should().BeFalse();
        role.ToString().Should().Be("Role 'orders-admin': [https://orders.example.com write:orders]");
    }

    [Fact]
    public void A_role_needs_neither_a_description_nor_permissions()
    {
        var role = Role.Define("viewer").ShouldBuild();

        role.Description.Should().BeNull();
        role.Permissions.Should().BeEmpty();
    }

    [Fact]
    public void Permissions_may_come_from_several_APIs_and_the_same_scope_value_counts_once_per_API()
    {
        var role = Role.Define("auditor").WithPermissions(Orders, ["read:orders"]).WithPermission(Billing, "read:orders").WithAllPermissions(Billing)
            .Validate();

        role.Select(e => (e.Path, e.Rule)).Should().Equal(("permissions[3].permission_name", RuleCodes.Duplicate));
        Role.Define("auditor").WithPermission(Orders, "read:orders").WithAllPermissions(Billing).ShouldBuild().Permissions.Should().Equal(
            new ApiPermission(SampleApis.Identifier, "read:orders"), new ApiPermission("urn:billing", "read:invoices"), new ApiPermission("urn:billing", "read:orders"));
    }

    [Fact]
    public void WithAllPermissions_grants_every_scope_the_API_defines_in_order_and_none_for_an_API_without_scopes()
    {
        Role.Define("admin").WithAllPermissions(Orders).ShouldBuild().Permissions.Select(p => p.Name).Should().Equal("read:orders", "write:orders");
        Role.Define("admin").WithAllPermissions(SampleApis.Orders().Build()).ShouldBuild().Permissions.Should().BeEmpty();
    }

    [Fact]
    public void The_name_must_not_be_empty_and_one_character_is_enough()
    {
        Role.Define(string.Empty).ShouldBeSingleError("name", RuleCodes.Required, RuleOrigin.Sdk, 1, "The role name must not be empty.");
        Role.Define("a").ShouldBuild().Name.Should().Be("a");
    }

    [Theory]
    [InlineData(" ", "1 character")]
    [InlineData("\t\n ", "3 characters")]
    public void A_name_of_white_space_only_is_refused_and_one_visible_character_is_enough(string name, string length)
    {
        Role.Define(name).ShouldBeSingleError("name", RuleCodes.Required, RuleOrigin.Sdk, 1, $"The role name is {length} of white space");
        Role.Define(name + "x").ShouldBuild();
    }

    [Fact]
    public void A_permission_the_API_does_not_define_is_refused_as_Auth0_refuses_it()
    {
        Role.Define("admin").WithPermissions(Orders, ["read:orders", "delete:orders"])
            .ShouldBeSingleError("permissions[1].permission_name", RuleCodes.UndefinedScope, RuleOrigin.Auth0, null,
                "'delete:orders' is not a scope of the API https://orders.example.com", "only scopes its API defines");
    }

    [Fact]
    public void Against_an_API_without_scopes_every_permission_is_undefined_and_the_message_says_so() =>
        Role.Define("admin").WithPermission(SampleApis.Orders().WithNoScopes().Build(), "read:orders")
            .ShouldBeSingleError("permissions[0].permission_name", RuleCodes.UndefinedScope, RuleOrigin.Auth0, null, "which defines no scopes");

    [Fact]
    public void Permission_names_compare_ordinally() =>
        Role.Define("admin").WithPermission(Orders, "READ:orders")
            .ShouldBeSingleError("permissions[0].permission_name", RuleCodes.UndefinedScope, RuleOrigin.Auth0, null, "'READ:orders'");

    [Fact]
    public void A_permission_granted_twice_is_refused_at_its_second_place()
    {
        Role.Define("admin").WithPermission(Orders, "read:orders").WithPermission(Orders, "write:orders").WithPermission(Orders, "read:orders")
            .ShouldBeSingleError("permissions[2].permission_name", RuleCodes.Duplicate, RuleOrigin.Sdk, null,
                "'read:orders' of the API https://orders.example.com is granted twice");
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var act = () => Role.Define("").WithPermission(Orders, "nope").WithPermission(Orders, "nope").Build();

        act.Should().Throw<DefinitionException>().Which.Errors.Select(e => (e.Path, e.Rule)).Should().Equal(
            ("name", RuleCodes.Required),
            ("permissions[0].permission_name", RuleCodes.UndefinedScope),
            ("permissions[1].permission_name", RuleCodes.UndefinedScope),
            ("permissions[1].permission_name", RuleCodes.Duplicate));
    }

    [Fact]
    public void Null_arguments_are_refused_where_they_are_given()
    {
        FluentActions.Invoking(() => Role.Define(null!)).Should().Throw<ArgumentNullException>();
        var builder = Role.Define("admin");
        FluentActions.Invoking(() => builder.WithDescription(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => builder.WithPermission(null!, "read:orders")).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => builder.WithPermission(Orders, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => builder.WithPermissions(Orders, ["read:orders", null!])).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new ApiPermission(null!, "x")).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Definitions_are_equal_with_the_same_name_description_and_permissions_in_any_order()
    {
        var one = Role.Define("admin").WithDescription("d").WithPermission(Orders, "read:orders").WithPermission(Orders, "write:orders").Build();
        var same = Role.Define("admin").WithDescription("d").WithPermission(Orders, "write:orders").WithPermission(Orders, "read:orders").Build();

        one.Should().Be(same);
        (one == same).Should().BeTrue();
        one.GetHashCode().Should().Be(same.GetHashCode());
        one.Should().NotBe(Role.Define("admin").WithPermission(Orders, "read:orders").WithPermission(Orders, "write:orders").Build());
        one.Should().NotBe(Role.Define("admin").WithDescription("d").WithPermission(Orders, "read:orders").Build());
        (one != Role.Define("Admin").WithDescription("d").WithAllPermissions(Orders).Build()).Should().BeTrue();
    }
}
