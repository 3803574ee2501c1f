using System.Collections.Concurrent;
using Auth0ApiKit.Tokens;
using Microsoft.Extensions.Logging;

namespace Auth0ApiKit.Authentication;

/// <summary>
/// Gives client-credentials tokens of one application, per audience: cached until shortly before expiry (on the
/// injected clock), fetched once however many callers ask at the same time, never caching a failure. Optionally
/// shares tokens with other processes through an <see cref="IAccessTokenCache"/>. Thread-safe; keep one per
/// (tenant, application).
/// </summary>
public sealed partial class ClientCredentialsTokenProvider : IAccessTokenProvider
{
    private readonly Auth0TokenClient _client;
    private readonly ClientCredentials _credentials;
    private readonly string _cacheKeyPrefix;
    private readonly AccessTokenCacheOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, AccessToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<AccessToken>>> _fetches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Secret> _rejected = new(StringComparer.Ordinal);

    /// <summary>Creates a provider for one application of one tenant.</summary>
    /// <param name="urls">The tenant (its issuer keys the shared cache).</param>
    /// <param name="client">The token endpoint client.</param>
    /// <param name="credentials">The application's credentials.</param>
    /// <param name="options">
    /// Refresh margin, shared cache, clock and where fetches and shared-cache failures are logged (never a token); the
    /// defaults when <see langword="null"/>.
    /// </param>
    public ClientCredentialsTokenProvider(TenantUrls urls, Auth0TokenClient client, ClientCredentials credentials, AccessTokenCacheOptions? options = null)
        : this(urls, client, credentials, options, ComponentServices.Default)
    {
    }

    /// <summary>Creates a provider whose unset clock and loggers come from <paramref name="around"/> (a management client's).</summary>
    internal ClientCredentialsTokenProvider(TenantUrls urls, Auth0TokenClient client, ClientCredentials credentials, AccessTokenCacheOptions? options,
        ComponentServices around)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(credentials);
        _options = options ?? new AccessTokenCacheOptions();
        _options.Validate();
        _client = client;
        _credentials = credentials;
        _cacheKeyPrefix = $"auth0apikit:token:{urls.Issuer}:{credentials.ClientId}:";
        var services = around.With(options);
        _timeProvider = services.TimeProvider;
        _logger = services.CreateLogger<ClientCredentialsTokenProvider>();
    }

    /// <summary>How many tokens this provider has fetched from the token endpoint (for diagnostics and tests).</summary>
    internal long FetchCount => Interlocked.Read(ref _fetchCount);

    private long _fetchCount;

    /// <inheritdoc />
    public ValueTask<AccessToken> GetTokenAsync(string audience, AccessToken? staleToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        if (staleToken is not null)
        {
            // Remembered so that a fetch already in flight for another caller does not hand it back from the shared cache.
            _rejected[audience] = staleToken.Value;
        }

        // The hit path allocates nothing: no closure, no state machine.
        return Cached(audience, staleToken) is { } cached
            ? ValueTask.FromResult(cached)
            : new ValueTask<AccessToken>(JoinOrStartFetchAsync(audience, staleToken, cancellationToken));
    }

    private async Task<AccessToken> JoinOrStartFetchAsync(string audience, AccessToken? staleToken, CancellationToken cancellationToken)
    {
        Lazy<Task<AccessToken>>? created = null;
        var fetch = _fetches.GetOrAdd(audience, a => created = new Lazy<Task<AccessToken>>(() => FetchAsync(a, staleToken, created!)));
        return await fetch.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The cached token when it is fresh and not the stale one (which it then drops), else <see langword="null"/>.</summary>
    private AccessToken? Cached(string audience, AccessToken? staleToken)
    {
        if (!_tokens.TryGetValue(audience, out var cached))
        {
            return null;
        }

        if (staleToken is not null && cached.Value.Equals(staleToken.Value))
        {
            _tokens.TryRemove(KeyValuePair.Create(audience, cached));
            return null;
        }

        return IsFresh(cached) ? cached : null;
    }

    private async Task<AccessToken> FetchAsync(string audience, AccessToken? staleToken, Lazy<Task<AccessToken>> self)
    {
        // The fetch is shared by every waiting caller: one caller cancelling must not fail the others, but the
        // fetch itself is bounded so that a hung endpoint or cache never holds every later caller.
        using var timeout = new CancellationTokenSource(_options.FetchTimeout, _timeProvider);
        try
        {
            // A caller that missed the cache just as an earlier fetch ended starts this one: that fetch's token serves.
            if (Cached(audience, staleToken) is { } justFetched)
            {
                return justFetched;
            }

            var shared = await FromSharedCacheAsync(audience, staleToken, timeout.Token).ConfigureAwait(false);
            var token = shared ?? await FetchFromEndpointAsync(audience, timeout.Token).ConfigureAwait(false);
            _tokens[audience] = token;
            return token;
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new Auth0TimeoutException(
                $"No token for {audience} arrived within {_options.FetchTimeout.TotalSeconds:0.###} s (AccessTokenCacheOptions.FetchTimeout).",
                _options.FetchTimeout, attempts: 1, e);
        }
        finally
        {
            _fetches.TryRemove(KeyValuePair.Create(audience, self));
        }
    }

    private async Task<AccessToken> FetchFromEndpointAsync(string audience, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _fetchCount);
        FetchingToken(_logger, _credentials.ClientId, audience);
        var token = await _client.RequestClientCredentialsTokenAsync(_credentials, audience, cancellationToken).ConfigureAwait(false);
        if (_options.SharedCache is { } cache)
        {
            try
            {
                await cache.SetAsync(_cacheKeyPrefix + audience, token, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A shared cache that fails only costs other processes a fetch.
            catch (Exception e)
#pragma warning restore CA1031
            {
                SharedCacheFailed(_logger, "store", e.GetType().Name);
            }
        }

        return token;
    }

    private async Task<AccessToken?> FromSharedCacheAsync(string audience, AccessToken? staleToken, CancellationToken cancellationToken)
    {
        if (_options.SharedCache is not { } cache)
        {
            return null;
        }

        var key = _cacheKeyPrefix + audience;
        try
        {
            var token = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (token is null)
            {
                return null;
            }

            if ((staleToken is not null && token.Value.Equals(staleToken.Value)) ||
                (_rejected.TryGetValue(audience, out var rejected) && token.Value.Equals(rejected)))
            {
                await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
                return null;
            }

            return IsFresh(token) ? token : null;
        }
#pragma warning disable CA1031 // A shared cache that is down is a miss, never a failure.
        catch (Exception e)
#pragma warning restore CA1031
        {
            SharedCacheFailed(_logger, "read", e.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// Whether a token is still worth handing out: not within the refresh margin of its expiry. The margin is
    /// <see cref="AccessTokenCacheOptions.RefreshBeforeExpiry"/>, but at most half the token's lifetime, so that a
    /// short-lived token is still reused for half its life.
    /// </summary>
    private bool IsFresh(AccessToken token)
    {
        var margin = TimeSpan.FromTicks(Math.Min(_options.RefreshBeforeExpiry.Ticks, (token.ExpiresAt - token.ObtainedAt).Ticks / 2));
        return _timeProvider.GetUtcNow() < token.ExpiresAt - margin;
    }

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Fetching a client-credentials token for client {ClientId} and audience {Audience}.")]
    private static partial void FetchingToken(ILogger logger, string clientId, string audience);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The shared token cache failed to {Operation} a token ({ExceptionType}); fetching instead.")]
    private static partial void SharedCacheFailed(ILogger logger, string operation, string exceptionType);
}
