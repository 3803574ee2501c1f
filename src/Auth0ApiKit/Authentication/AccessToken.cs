namespace Auth0ApiKit.Authentication;

/// <summary>An access token and what the token endpoint said about it. The token itself never shows in <see cref="ToString"/>.</summary>
/// <param name="Value">The token; <see cref="Secret.Reveal"/> it only to put it in an <c>Authorization</c> header.</param>
/// <param name="Audience">The audience it was requested for.</param>
/// <param name="ObtainedAt">When it was requested, on the provider's clock.</param>
/// <param name="ExpiresAt">When it expires, on the provider's clock (issue time plus <c>expires_in</c>).</param>
/// <param name="Scopes">The scopes granted (the token endpoint's <c>scope</c>, split on spaces).</param>
public sealed record AccessToken(Secret Value, string Audience, DateTimeOffset ObtainedAt, DateTimeOffset ExpiresAt, IReadOnlyList<string> Scopes)
{
    /// <summary>The audience, expiry and scopes; never the token.</summary>
    public override string ToString() => $"Access token for {Audience}, expires {ExpiresAt:u}, scopes [{string.Join(' ', Scopes)}]";
}
