using System.Diagnostics.CodeAnalysis;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// An access token as issued, with what the token endpoint returns next to it. <see cref="ToString"/> never
/// shows the token itself: it is a bearer credential.
/// </summary>
internal sealed class IssuedAccessToken
{
    internal IssuedAccessToken(string value, string audience, string subject, DateTimeOffset issuedAt, DateTimeOffset expiresAt, IReadOnlyList<string> scopes)
    {
        Value = value;
        Audience = audience;
        Subject = subject;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        Scopes = scopes;
    }

    /// <summary>The compact JWT, to send as <c>Authorization: Bearer {Value}</c>. Never log it.</summary>
    public string Value { get; }

    /// <summary>The token type: always <c>Bearer</c>.</summary>
    [SuppressMessage("Performance", "CA1822", Justification = "Part of the token as the token endpoint describes it.")]
    public string TokenType => "Bearer";

    /// <summary>The API the token is for (its identifier).</summary>
    public string Audience { get; }

    /// <summary>The token's <c>sub</c>.</summary>
    public string Subject { get; }

    /// <summary>When the token was issued (<c>iat</c>), to the second.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>When the token expires (<c>exp</c>), to the second.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The token's lifetime: the token endpoint's <c>expires_in</c>.</summary>
    public TimeSpan ExpiresIn => ExpiresAt - IssuedAt;

    /// <summary>The granted scopes, in the order of the <c>scope</c> claim.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Describes the token without revealing it.</summary>
    public override string ToString() =>
        $"Bearer token *** for {Audience}, subject {Subject}, scopes [{string.Join(' ', Scopes)}], expires {ExpiresAt:O}";
}
