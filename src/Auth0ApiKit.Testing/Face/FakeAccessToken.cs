using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Testing;

/// <summary>
/// An access token a fake tenant minted for a test (<see cref="FakeTenantTokens.ForApplication"/>,
/// <see cref="UserTokens.AccessToken"/>), with what the token endpoint returns next to it. Send
/// <see cref="Value"/> to the API under test; <see cref="ToString"/> never shows the token itself.
/// </summary>
public sealed class FakeAccessToken
{
    private readonly IssuedAccessToken _issued;

    internal FakeAccessToken(IssuedAccessToken issued) => _issued = issued;

    /// <summary>The compact JWT, to send as <c>Authorization: Bearer {Value}</c>.</summary>
    public string Value => _issued.Value;

    /// <summary>The token type: always <c>Bearer</c>.</summary>
    public string TokenType => _issued.TokenType;

    /// <summary>The API the token is for (its identifier).</summary>
    public string Audience => _issued.Audience;

    /// <summary>The token's <c>sub</c>: <c>{client_id}@clients</c> for an application, the user id for a user.</summary>
    public string Subject => _issued.Subject;

    /// <summary>When the token was issued (<c>iat</c>, on the tenant's clock), to the second.</summary>
    public DateTimeOffset IssuedAt => _issued.IssuedAt;

    /// <summary>When the token expires (<c>exp</c>), to the second.</summary>
    public DateTimeOffset ExpiresAt => _issued.ExpiresAt;

    /// <summary>The token's lifetime: the token endpoint's <c>expires_in</c>.</summary>
    public TimeSpan ExpiresIn => _issued.ExpiresIn;

    /// <summary>The granted scopes, in the order of the <c>scope</c> claim.</summary>
    public IReadOnlyList<string> Scopes => _issued.Scopes;

    /// <summary>Describes the token without revealing it.</summary>
    public override string ToString() => _issued.ToString();
}
