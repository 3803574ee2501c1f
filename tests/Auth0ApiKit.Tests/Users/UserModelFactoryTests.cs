using System.Text.Json;
using Auth0ApiKit.Roles;

namespace Auth0ApiKit.Tests.Users;

/// <summary>The model factory's user read models: Auth0's defaults and id shape where left out.</summary>
public sealed class UserModelFactoryTests
{
    [Fact]
    public void A_tenant_user_defaults_as_Auth0_does_and_shows_only_its_id()
    {
        var user = Auth0ModelFactory.TenantUser("ann@example.com");

        user.UserId.Should().MatchRegex("^auth0\\|[0-9a-f]{24}$");
        (user.Name, user.Nickname, user.EmailVerified).Should().Be(("ann@example.com", "ann", false));
        user.ToString().Should().Be($"user {user.UserId}").And.NotContain("ann@");
    }

    [Fact]
    public void A_tenant_user_carries_what_it_was_given()
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var user = Auth0ModelFactory.TenantUser("ann@example.com", "auth0|abc", emailVerified: true, name: "Ann", nickname: "annie",
            picture: "https://example.com/a.png", createdAt: at, appMetadata: JsonElement.Parse("""{"plan":"gold"}"""));

        (user.UserId, user.Name, user.Nickname, user.Picture, user.CreatedAt, user.UpdatedAt).Should().Be(
            ("auth0|abc", "Ann", "annie", "https://example.com/a.png", at, at));
        user.EmailVerified.Should().BeTrue();
        user.AppMetadata!.Value.GetProperty("plan").GetString().Should().Be("gold");
    }

    [Fact]
    public void A_user_permission_is_direct_unless_sources_say_otherwise()
    {
        var read = new ApiPermission("https://orders.example.com", "read:orders");
        var role = Auth0ModelFactory.TenantRole("orders-admin", id: "rol_0123456789abcdef");

        Auth0ModelFactory.UserPermission(read).IsDirect.Should().BeTrue();
        var throughRole = Auth0ModelFactory.UserPermission(read, [Auth0ModelFactory.PermissionSource(role)], "Read orders", "Orders API");
        throughRole.IsDirect.Should().BeFalse();
        (throughRole.Description, throughRole.ApiName, throughRole.ToString()).Should().Be(("Read orders", "Orders API", "https://orders.example.com read:orders"));
        throughRole.Sources.Single().ToString().Should().Be("role 'orders-admin' (id rol_0123456789abcdef)");
        Auth0ModelFactory.PermissionSource().ToString().Should().Be("direct");
    }
}
