using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth0ApiKit.Testing.FluentAssertions;

/// <summary>The <c>Should()</c> entry points for Auth0ApiKit types.</summary>
public static class AssertionExtensions
{
    /// <summary>Assertions on an access token a fake tenant minted.</summary>
    public static AccessTokenAssertions Should(this FakeAccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new AccessTokenAssertions(new JsonWebToken(token.Value));
    }

    /// <summary>Assertions on a compact access token (<c>eyJ…</c>), such as one an <see cref="HttpClient"/> received.</summary>
    /// <exception cref="ArgumentException">The text is not a compact JWT.</exception>
    public static AccessTokenAssertions ShouldBeAccessToken(this string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            return new AccessTokenAssertions(new JsonWebToken(token));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            throw new ArgumentException("The text is not a compact JSON Web Token.", nameof(token), e);
        }
    }

    /// <summary>Assertions on a fake tenant.</summary>
    public static FakeTenantAssertions Should(this FakeTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return new FakeTenantAssertions(tenant);
    }
}
