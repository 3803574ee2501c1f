using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Net.Http.Headers;
using Auth0ApiKit.Management;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// A tenant's RS256 signing keys, fetched from its JWKS (<c>{issuer}.well-known/jwks.json</c>) and cached: refreshed
/// every <see cref="JsonWebKeySetCacheOptions.RefreshInterval"/> (so removed keys stop working) and when a token names
/// an unknown <c>kid</c>, at most once per <see cref="JsonWebKeySetCacheOptions.MinimumRefreshInterval"/> after the
/// previous fetch ended, with a single fetch in flight however many callers wait for it.
/// </summary>
/// <remarks>
/// A <c>kid</c> in the cache never waits for a fetch: when the keys are due for a refresh, the caller that notices
/// starts one and goes on with the cached keys while it runs. Only an unknown <c>kid</c> waits for a fetch, at most
/// <see cref="JsonWebKeySetCacheOptions.FetchTimeout"/> (connecting, the headers and the body together, even with a
/// handler or body stream that ignores cancellation) or until the caller cancels. A fetch that fails (the endpoint is
/// down, slow, redirects, answers an error, too much or not a key set) keeps the keys fetched before, for as long as fetches keep
/// failing: a key is dropped only by a key set fetched without it, so an outage of the endpoint never rejects tokens
/// signed with a key Auth0 still published when last asked (watch <see cref="LastFetchedAt"/> and
/// <see cref="LastFailure"/>, and the warning logged on each failure). The body is capped at
/// <see cref="JsonWebKeySetCacheOptions.MaximumResponseSize"/> and only RSA signing keys are taken. Time, timeouts
/// included, runs on the injected <see cref="TimeProvider"/>. One cache serves every API of a tenant; it is thread-safe.
/// </remarks>
public sealed class JsonWebKeySetCache
{
    private static readonly FrozenDictionary<string, SecurityKey[]> NoKeys = FrozenDictionary<string, SecurityKey[]>.Empty;

    private readonly HttpClient _httpClient;
    private readonly JsonWebKeySetCacheOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Snapshot _snapshot = new(NoKeys, FetchedAt: null, FetchEndedAt: null, Failure: null);
    private Task<Snapshot>? _fetch;

    /// <summary>Creates a cache for the key set at <paramref name="jwksUri"/>.</summary>
    /// <param name="httpClient">The client that fetches the key set; the cache does not dispose it.</param>
    /// <param name="jwksUri">The key set's absolute URL, usually <see cref="TenantUrls.JwksUri"/>.</param>
    /// <param name="options">
    /// How to fetch and keep keys, the clock for refreshes and timeouts, and where fetches and their failures are
    /// logged; the defaults when <see langword="null"/>. Read once.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="jwksUri"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="jwksUri"/> is not an absolute https URL, or plain http on a host that is not loopback.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public JsonWebKeySetCache(HttpClient httpClient, Uri jwksUri, JsonWebKeySetCacheOptions? options = null)
        : this(httpClient, jwksUri, options, ComponentServices.Default)
    {
    }

    /// <summary>Creates a cache whose unset clock and loggers come from <paramref name="around"/> (a container's, a scheme's).</summary>
    internal JsonWebKeySetCache(HttpClient httpClient, Uri jwksUri, JsonWebKeySetCacheOptions? options, ComponentServices around)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(jwksUri);
        if (!TenantUrls.IsHttpsOrLoopbackHttp(jwksUri))
        {
            throw new ArgumentException("The JWKS URL must be an absolute https URL (plain http only on a loopback host).", nameof(jwksUri));
        }

        _options = options?.Clone() ?? new JsonWebKeySetCacheOptions();
        _options.Validate();
        _httpClient = httpClient;
        JwksUri = jwksUri;
        var services = around.With(options);
        _timeProvider = services.TimeProvider;
        _logger = services.CreateLogger<JsonWebKeySetCache>();
    }

    /// <summary>The URL of the key set.</summary>
    public Uri JwksUri { get; }

    /// <summary>The key ids of the cached keys (empty before the first successful fetch).</summary>
    public IReadOnlyCollection<string> KeyIds => Volatile.Read(ref _snapshot).Keys.Keys;

    /// <summary>When the keys were last fetched successfully, or <see langword="null"/>.</summary>
    public DateTimeOffset? LastFetchedAt => Volatile.Read(ref _snapshot).FetchedAt;

    /// <summary>Why the last fetch failed, or <see langword="null"/> when it succeeded (or none was made). Never holds key material.</summary>
    public string? LastFailure => Volatile.Read(ref _snapshot).Failure;

    /// <summary>
    /// The RS256 verification key with this key id: a cached one at once (starting a refresh it does not wait for when
    /// the keys are due for one); an unknown one after fetching the key set, unless the last fetch ended less than the
    /// minimum refresh interval ago.
    /// </summary>
    /// <returns>The key, or <see langword="null"/> when the tenant does not publish it (or its key set cannot be fetched).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keyId"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled while waiting for a fetch.</exception>
    public async ValueTask<SecurityKey?> GetSigningKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var lookup = await FindAsync(keyId, cancellationToken).ConfigureAwait(false);
        return lookup.Keys?[0];
    }

    /// <summary>
    /// Looks a key id up: a cached one at once (starting a refresh in the background when the keys are due for one),
    /// an unknown one after a fetch when one may be made; the answer tells an unknown key from keys that cannot be had.
    /// </summary>
    internal ValueTask<KeyLookup> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var now = _timeProvider.GetUtcNow();
        if (snapshot.Keys.TryGetValue(keyId, out var keys))
        {
            if (IsFresh(snapshot, now) || !CanFetch(snapshot, now) || Volatile.Read(ref _fetch) is not null)
            {
                return new ValueTask<KeyLookup>(new KeyLookup(keys, snapshot));
            }

            // Due for a refresh: start one and do not wait for it, the cached key serves meanwhile. A refresh that
            // ended at once (an in-memory handler) already counts.
            _ = JoinOrStartFetch();
            return new ValueTask<KeyLookup>(Find(Volatile.Read(ref _snapshot), keyId));
        }

        return CanFetch(snapshot, now)
            ? FetchThenFindAsync(keyId, cancellationToken)
            : new ValueTask<KeyLookup>(Find(snapshot, keyId));
    }

    /// <summary>The cached keys with this key id, without fetching; for IdentityModel's synchronous key resolver.</summary>
    internal SecurityKey[] GetCached(string? keyId) =>
        keyId is not null && Volatile.Read(ref _snapshot).Keys.TryGetValue(keyId, out var keys) ? keys : [];

    private static KeyLookup Find(Snapshot snapshot, string keyId) =>
        new(snapshot.Keys.TryGetValue(keyId, out var keys) ? keys : null, snapshot);

    /// <summary>Whether the keys were fetched less than the refresh interval ago.</summary>
    private bool IsFresh(Snapshot snapshot, DateTimeOffset now) =>
        snapshot.FetchedAt is { } fetchedAt && now - fetchedAt < _options.RefreshInterval;

    /// <summary>Whether a fetch may start: none was made yet, or the last one ended at least the minimum interval ago.</summary>
    private bool CanFetch(Snapshot snapshot, DateTimeOffset now) =>
        snapshot.FetchEndedAt is not { } endedAt || now - endedAt >= _options.MinimumRefreshInterval;

    private async ValueTask<KeyLookup> FetchThenFindAsync(string keyId, CancellationToken cancellationToken)
    {
        if (JoinOrStartFetch() is not { } fetch)
        {
            return Find(Volatile.Read(ref _snapshot), keyId);
        }

        var snapshot = await fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Find(snapshot, keyId);
    }

    /// <summary>
    /// The fetch in flight, else a new one when the minimum interval since the last one has passed, else
    /// <see langword="null"/>. A new fetch runs on the calling thread up to its first wait, and ends within the fetch timeout.
    /// </summary>
    private Task<Snapshot>? JoinOrStartFetch()
    {
        TaskCompletionSource<Snapshot> owner;
        lock (_gate)
        {
            if (_fetch is not null)
            {
                return _fetch;
            }

            if (!CanFetch(_snapshot, _timeProvider.GetUtcNow()))
            {
                return null;
            }

            owner = new TaskCompletionSource<Snapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _fetch, owner.Task);
        }

        _ = FetchAndPublishAsync(owner);
        return owner.Task;
    }

    /// <summary>Runs one fetch outside the lock, publishes its outcome and hands it to every waiter. Never throws.</summary>
    private async Task FetchAndPublishAsync(TaskCompletionSource<Snapshot> owner)
    {
        FrozenDictionary<string, SecurityKey[]>? keys = null;
        string? failure = null;
        using (var timeout = new CancellationTokenSource(_options.FetchTimeout, _timeProvider))
        {
            var fetch = FetchKeysAsync(timeout.Token);
            try
            {
                // WaitAsync: a handler or body stream that ignores the token still cannot hold the fetch past its timeout.
                keys = await fetch.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                failure = string.Create(CultureInfo.InvariantCulture, $"no answer within {_options.FetchTimeout.TotalSeconds} s");
                _ = fetch.ContinueWith(static abandoned => abandoned.Exception, CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            catch (KeySetUnavailableException e)
            {
                failure = e.Message;
            }
#pragma warning disable CA1031 // Any failure of a fetch is reported the same way: the cached keys stay.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = "the fetch failed unexpectedly (" + e.GetType().Name + ")";
            }
        }

        var previous = Volatile.Read(ref _snapshot);
        var endedAt = _timeProvider.GetUtcNow();
        Snapshot next;
        if (keys is not null)
        {
            next = new Snapshot(keys, endedAt, endedAt, Failure: null);
        }
        else
        {
            TokensLog.KeySetFetchFailed(_logger, JwksUri, failure!, previous.Keys.Count);
            next = previous with { FetchEndedAt = endedAt, Failure = failure };
        }

        lock (_gate)
        {
            Volatile.Write(ref _snapshot, next);
            Volatile.Write(ref _fetch, null);
        }

        owner.SetResult(next);
    }

    private async Task<FrozenDictionary<string, SecurityKey[]>> FetchKeysAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, JwksUri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (Redirect(response) is { } redirect)
            {
                throw new KeySetUnavailableException(redirect + "; Auth0 never redirects its key set");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new KeySetUnavailableException(string.Create(CultureInfo.InvariantCulture,
                    $"the endpoint answered {(int)response.StatusCode} ({response.StatusCode})"));
            }

            if (response.Content.Headers.ContentLength > _options.MaximumResponseSize)
            {
                throw TooLarge();
            }

            var body = ArrayPool<byte>.Shared.Rent(_options.MaximumResponseSize + 1);
            try
            {
                // The body is read under the same token as the headers: a body that stalls ends with the fetch timeout.
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    var length = await stream.ReadAtLeastAsync(body.AsMemory(0, _options.MaximumResponseSize + 1), _options.MaximumResponseSize + 1,
                        throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                    if (length > _options.MaximumResponseSize)
                    {
                        throw TooLarge();
                    }

                    var keys = JsonWebKeySetReader.Read(body.AsSpan(0, length), out var ignored);
                    TokensLog.KeySetFetched(_logger, JwksUri, keys.Count, ignored);
                    return keys;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(body);
            }
        }
        catch (HttpRequestException e)
        {
            throw new KeySetUnavailableException($"the request failed ({e.HttpRequestError})");
        }
        catch (FormatException e)
        {
            throw new KeySetUnavailableException(e.Message);
        }
    }

    /// <summary>
    /// How the response redirects, or was reached by a handler that followed a redirect; <see langword="null"/> when it
    /// comes from the JWKS URL itself. Names the target's scheme, host and port only.
    /// </summary>
    private string? Redirect(HttpResponseMessage response)
    {
        if (Redirects.IsRedirect(response.StatusCode))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the endpoint answered {(int)response.StatusCode} ({response.StatusCode}), a redirect{To(response.Headers.Location)}");
        }

        return response.RequestMessage?.RequestUri is { } reached && reached != JwksUri ? "the request was redirected" + To(reached) : null;
    }

    private string To(Uri? target) => Redirects.Origin(target, JwksUri) is { } origin ? " to " + origin : string.Empty;

    private KeySetUnavailableException TooLarge() =>
        new(string.Create(CultureInfo.InvariantCulture, $"the key set is larger than {_options.MaximumResponseSize} bytes"));

    /// <summary>What the cache knows at one moment: the keys, when they were fetched, when the last fetch ended and why it failed.</summary>
    internal sealed record Snapshot(FrozenDictionary<string, SecurityKey[]> Keys, DateTimeOffset? FetchedAt, DateTimeOffset? FetchEndedAt, string? Failure);

    /// <summary>The answer to a key id: the keys, or none along with whether any key set could be had at all.</summary>
    internal readonly record struct KeyLookup(SecurityKey[]? Keys, Snapshot Snapshot)
    {
        /// <summary>Whether no key set has ever been fetched, so that no key id could be found.</summary>
        public bool KeysUnavailable => Snapshot.FetchedAt is null;
    }

    private sealed class KeySetUnavailableException(string reason) : Exception(reason);
}
