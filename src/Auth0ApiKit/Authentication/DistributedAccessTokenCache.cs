using System.Text.Json;
using Auth0ApiKit.Wire;
using Microsoft.Extensions.Caching.Distributed;

namespace Auth0ApiKit.Authentication;

/// <summary>
/// Shares access tokens between processes through an <see cref="IDistributedCache"/> (Redis in production), so that
/// several instances of an app fetch one token between them. Each entry expires when its token does.
/// </summary>
/// <remarks>
/// <para><b>Protect the tokens at rest.</b> Without an <see cref="IAccessTokenProtector"/> a token is stored as
/// readable JSON: anyone who can read the cache (its server, a replica, a backup, a memory dump) can call your APIs, or
/// the Management API, with it until it expires. Give a protector whose keys every sharing process has (ASP.NET Core
/// Data Protection with a shared key ring), or keep the cache as private as the client secret.</para>
/// <para>A provider treats every failure of the cache as a miss, so a cache that is down only costs a fetch; an
/// entry that cannot be decrypted (keys rotated away) or read fails the same way and is replaced after the fetch.</para>
/// </remarks>
public sealed class DistributedAccessTokenCache : IAccessTokenCache
{
    private readonly IDistributedCache _cache;
    private readonly IAccessTokenProtector? _protector;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the cache.</summary>
    /// <param name="cache">Where entries are kept.</param>
    /// <param name="protector">Encrypts entries; <see langword="null"/> stores tokens readable (see the remarks).</param>
    /// <param name="options">Its clock (the token provider's), to turn a token's expiry into the entry's time to live; the system clock by default.</param>
    public DistributedAccessTokenCache(IDistributedCache cache, IAccessTokenProtector? protector = null, DistributedAccessTokenCacheOptions? options = null)
        : this(cache, protector, options, ComponentServices.Default)
    {
    }

    /// <summary>Creates the cache on <paramref name="around"/>'s clock (a registration's) unless the options set one.</summary>
    internal DistributedAccessTokenCache(IDistributedCache cache, IAccessTokenProtector? protector, DistributedAccessTokenCacheOptions? options,
        ComponentServices around)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        _protector = protector;
        _timeProvider = around.With(options).TimeProvider;
    }

    /// <inheritdoc />
    public async ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var stored = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var json = _protector is null ? stored : _protector.Unprotect(stored);
        var entry = JsonSerializer.Deserialize(json, CachedAccessTokenJsonContext.Default.CachedAccessTokenDto);
        return entry is { Version: CachedAccessTokenDto.CurrentVersion, Token.Length: > 0 }
            ? new AccessToken(new Secret(entry.Token), entry.Audience, entry.ObtainedAt, entry.ExpiresAt, entry.Scopes ?? [])
            : null;
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(string key, AccessToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(token);
        var timeToLive = token.ExpiresAt - _timeProvider.GetUtcNow();
        if (timeToLive <= TimeSpan.Zero)
        {
            return;
        }

        var entry = new CachedAccessTokenDto(CachedAccessTokenDto.CurrentVersion, token.Value.Reveal(), token.Audience, token.ObtainedAt, token.ExpiresAt,
            token.Scopes);
        var json = JsonSerializer.SerializeToUtf8Bytes(entry, CachedAccessTokenJsonContext.Default.CachedAccessTokenDto);
        var stored = _protector is null ? json : _protector.Protect(json);
        await _cache.SetAsync(key, stored, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = timeToLive }, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
    }
}
