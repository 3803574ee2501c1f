namespace Auth0ApiKit.Authentication;

/// <summary>
/// A cache of access tokens shared beyond one process (Redis through <c>IDistributedCache</c>, for example), so that
/// several instances of an app fetch one token between them. A provider treats every failure of the cache as a
/// miss: a cache that is down only costs a fetch.
/// </summary>
public interface IAccessTokenCache
{
    /// <summary>The token stored under <paramref name="key"/>, or <see langword="null"/>.</summary>
    ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="token"/> under <paramref name="key"/> until it expires.</summary>
    ValueTask SetAsync(string key, AccessToken token, CancellationToken cancellationToken);

    /// <summary>Forgets the token stored under <paramref name="key"/>.</summary>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken);
}
