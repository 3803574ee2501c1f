using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth0ApiKit.AspNetCore.Tests;

/// <summary>How the requirements read claims, whatever built the identity.</summary>
public sealed class RequirementTests
{
    [Theory]
    [InlineData("read:orders write:orders", true)]
    [InlineData("  write:orders   read:orders ", true)]
    [InlineData("read:orders", false)]
    [InlineData("read:orders write:orders:all", false)]
    [InlineData("", false)]
    public async Task Scopes_are_split_on_spaces_and_all_must_be_granted(string scope, bool expected)
    {
        var user = User(new Claim("scope", scope));

        (await Allows(new ScopeRequirement(["read:orders", "write:orders"]), user)).Should().Be(expected);
    }

    [Fact]
    public async Task Scopes_of_several_scope_claims_add_up()
    {
        var user = User(new Claim("scope", "read:orders"), new Claim("scope", "write:orders"));

        (await Allows(new ScopeRequirement(["read:orders", "write:orders"]), user)).Should().BeTrue();
    }

    [Fact]
    public async Task Each_string_permissions_claim_is_one_permission_and_nothing_is_parsed_as_an_array()
    {
        var several = User(new Claim("permissions", "read:orders"), new Claim("permissions", "delete:orders"));
        var jsonTyped = User(new Claim("permissions", """["read:orders","delete:orders"]""", JsonClaimValueTypes.JsonArray));
        var stringLookingLikeArray = User(new Claim("permissions", """ ["read:orders", "delete:orders"] """));
        var partial = User(new Claim("permissions", "read:orders"));
        var requirement = new PermissionRequirement(["read:orders", "delete:orders"]);

        (await Allows(requirement, several)).Should().BeTrue();
        (await Allows(requirement, jsonTyped)).Should().BeFalse("token handlers split Auth0's array into one string claim per permission");
        (await Allows(requirement, stringLookingLikeArray)).Should().BeFalse("a string claim is never parsed as an array");
        (await Allows(requirement, partial)).Should().BeFalse();
    }

    [Fact]
    public async Task A_permission_that_merely_looks_like_json_is_taken_as_it_is()
    {
        var user = User(new Claim("permissions", "[legacy]"));

        (await Allows(new PermissionRequirement(["[legacy]"]), user)).Should().BeTrue();
    }

    [Fact]
    public async Task Claims_of_unauthenticated_identities_do_not_count()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("scope", "read:orders"), new Claim("permissions", "read:orders")]));

        (await Allows(new ScopeRequirement(["read:orders"]), user)).Should().BeFalse();
        (await Allows(new PermissionRequirement(["read:orders"]), user)).Should().BeFalse();
    }

    [Fact]
    public async Task The_permissions_claim_is_not_read_for_scopes_nor_the_reverse()
    {
        (await Allows(new ScopeRequirement(["read:orders"]), User(new Claim("permissions", "read:orders")))).Should().BeFalse();
        (await Allows(new PermissionRequirement(["read:orders"]), User(new Claim("scope", "read:orders")))).Should().BeFalse();
    }

    [Theory]
    [InlineData(new string[0], "*at least one scope*")]
    [InlineData(new[] { "read:orders", "" }, "*index 1*")]
    [InlineData(new[] { "read:orders write:orders" }, "*index 0*white space*")]
    public void A_requirement_that_could_never_be_met_is_refused(string[] scopes, string message)
    {
        FluentActions.Invoking(() => new ScopeRequirement(scopes)).Should().Throw<ArgumentException>().WithMessage(message).WithParameterName(nameof(scopes));
        FluentActions.Invoking(() => new AuthorizationPolicyBuilder().RequirePermission(scopes)).Should().Throw<ArgumentException>()
            .WithParameterName("permissions");
    }

    [Fact]
    public void Requirements_describe_themselves()
    {
        new ScopeRequirement(["read:orders", "write:orders"]).ToString().Should().Contain("read:orders and write:orders");
        new AuthorizationPolicyBuilder().RequirePermission("delete:orders").Build().Requirements.Should().ContainSingle()
            .Which.Should().BeOfType<PermissionRequirement>().Which.Permissions.Should().Equal("delete:orders");
    }

    private static ClaimsPrincipal User(params Claim[] claims) => new(new ClaimsIdentity(claims, authenticationType: "Bearer"));

    private static async Task<bool> Allows(IAuthorizationRequirement requirement, ClaimsPrincipal user)
    {
        var context = new AuthorizationHandlerContext([requirement], user, resource: null);
        await ((IAuthorizationHandler)requirement).HandleAsync(context).WaitAsync(Bound);
        return context.HasSucceeded;
    }
}
