namespace Auth0ApiKit.Testing;

/// <summary>The tokens of a user's sign-in: an access token and, with offline access, a refresh token.</summary>
/// <param name="AccessToken">The access token.</param>
/// <param name="RefreshToken">The refresh token, when the API allows offline access and <c>offline_access</c> was asked for.</param>
public sealed record UserTokens(FakeAccessToken AccessToken, Secret? RefreshToken);
