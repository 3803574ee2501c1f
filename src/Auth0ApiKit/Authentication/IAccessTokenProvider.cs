namespace Auth0ApiKit.Authentication;

/// <summary>
/// Gives access tokens for an audience (an API identifier, or the Management API's): cached until shortly before
/// they expire, fetched once for many concurrent callers. Implementations are thread-safe.
/// </summary>
public interface IAccessTokenProvider
{
    /// <summary>A token for <paramref name="audience"/>.</summary>
    /// <param name="audience">The API identifier the token is for.</param>
    /// <param name="forceRefresh">
    /// Skip the cached token and fetch a new one (after a 401, or a 403 <c>insufficient_scope</c>: new grants only
    /// show in new tokens). Concurrent forced refreshes still cause one fetch.
    /// </param>
    /// <param name="cancellationToken">Stops waiting; a fetch other callers wait for goes on.</param>
    ValueTask<AccessToken> GetTokenAsync(string audience, bool forceRefresh = false, CancellationToken cancellationToken = default);
}
