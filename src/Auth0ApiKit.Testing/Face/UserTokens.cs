namespace Auth0ApiKit.Testing;

/// <summary>The tokens of a user's sign-in: an access token and, with offline access, a refresh token.</summary>
public sealed class UserTokens
{
    internal UserTokens(FakeAccessToken accessToken, Secret? refreshToken)
    {
        AccessToken = accessToken;
        RefreshToken = refreshToken;
    }

    /// <summary>The access token.</summary>
    public FakeAccessToken AccessToken { get; }

    /// <summary>The refresh token, when the API allows offline access and <c>offline_access</c> was asked for.</summary>
    public Secret? RefreshToken { get; }

    /// <inheritdoc/>
    public override string ToString() => RefreshToken is null ? "UserTokens { access token }" : "UserTokens { access token, refresh token }";
}
