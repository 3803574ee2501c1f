namespace Auth0ApiKit.Authentication;

/// <summary>
/// Gives access tokens for an audience (an API identifier, or the Management API's): cached until shortly before
/// they expire, fetched once for many concurrent callers. Implementations are thread-safe.
/// </summary>
public interface IAccessTokenProvider
{
    /// <summary>A token for <paramref name="audience"/>.</summary>
    /// <param name="audience">The API identifier the token is for.</param>
    /// <param name="staleToken">
    /// A token the caller found rejected (a 401, or a 403 <c>insufficient_scope</c>: new grants only show in new
    /// tokens). If it is still the cached one, it is dropped and a new one fetched; if another caller has already
    /// replaced it, the replacement is returned without a second fetch.
    /// </param>
    /// <param name="cancellationToken">Stops waiting; a fetch other callers wait for goes on.</param>
    ValueTask<AccessToken> GetTokenAsync(string audience, AccessToken? staleToken = null, CancellationToken cancellationToken = default);
}
