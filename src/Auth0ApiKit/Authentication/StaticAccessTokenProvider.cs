namespace Auth0ApiKit.Authentication;

/// <summary>
/// Always gives the same token, for every audience: for a token obtained elsewhere (a CI secret, the dashboard's
/// API Explorer). It cannot refresh; when the token expires, calls fail with 401.
/// </summary>
public sealed class StaticAccessTokenProvider : IAccessTokenProvider
{
    private readonly Secret _token;
    private readonly TimeProvider _timeProvider;

    /// <summary>Wraps a token.</summary>
    /// <param name="token">The access token.</param>
    /// <param name="options">Its clock (which dates the token); the system clock when <see langword="null"/>.</param>
    public StaticAccessTokenProvider(Secret token, StaticAccessTokenProviderOptions? options = null)
        : this(token, options, ComponentServices.Default)
    {
    }

    /// <summary>Wraps a token, dated on <paramref name="around"/>'s clock (a management client's) unless the options set one.</summary>
    internal StaticAccessTokenProvider(Secret token, StaticAccessTokenProviderOptions? options, ComponentServices around)
    {
        ArgumentNullException.ThrowIfNull(token);
        _token = token;
        _timeProvider = around.With(options).TimeProvider;
    }

    /// <inheritdoc />
    public ValueTask<AccessToken> GetTokenAsync(string audience, AccessToken? staleToken = null, CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        return ValueTask.FromResult(new AccessToken(_token, audience, now, DateTimeOffset.MaxValue, []));
    }
}
