using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>Password hashes: salted PBKDF2, kept apart from the user rows, checked in constant time, never shown.</summary>
public class UserStoreTests
{
    private const string Password = "Correct-Horse-7";

    [Fact]
    public void A_password_verifies_only_for_its_user_and_only_itself()
    {
        var store = new UserStore();
        store.Add(new UserDto { UserId = "auth0|a", Email = "a@example.com" }, PasswordHash.Create(Password));
        store.Add(new UserDto { UserId = "auth0|b", Email = "b@example.com" });

        store.VerifyPassword("auth0|a", Password).Should().BeTrue();
        store.VerifyPassword("auth0|a", Password + " ").Should().BeFalse();
        store.VerifyPassword("auth0|b", Password).Should().BeFalse("a user added without a password has none");
        store.VerifyPassword("auth0|nobody", Password).Should().BeFalse();
        store.Contains("auth0|a").Should().BeTrue();
        store.FindByEmail("A@EXAMPLE.COM")!.UserId.Should().Be("auth0|a");
    }

    [Fact]
    public void Two_hashes_of_one_password_differ_by_their_salt_and_show_neither()
    {
        var first = PasswordHash.Create(Password);
        var second = PasswordHash.Create(Password);

        first.Matches(Password).Should().BeTrue();
        second.Matches(Password).Should().BeTrue();
        first.ToString().Should().Be(second.ToString()).And.NotContain(Password);
        PasswordHash.Iterations.Should().BeGreaterThanOrEqualTo(1_000);
    }
}
