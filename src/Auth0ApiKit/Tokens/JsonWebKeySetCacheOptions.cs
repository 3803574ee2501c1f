namespace Auth0ApiKit.Tokens;

/// <summary>
/// How a <see cref="JsonWebKeySetCache"/> fetches and keeps a tenant's signing keys, and its clock and loggers
/// (<see cref="Auth0ComponentOptions"/>).
/// </summary>
public sealed class JsonWebKeySetCacheOptions : Auth0ComponentOptions
{
    /// <summary>
    /// How long fetched keys are used before the key set is fetched again, so that keys the tenant stopped publishing
    /// stop working. The refresh runs in the background: the cached keys serve while it runs, and for as long as
    /// refreshes fail. Default 1 hour; from 1 second to 30 days, and at least <see cref="MinimumRefreshInterval"/>.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The least time from the end of one fetch to the start of the next: tokens with unknown <c>kid</c>s, or an
    /// endpoint that fails or hangs, cause at most one fetch per interval. Default 1 minute; from 1 second to
    /// <see cref="RefreshInterval"/>, and longer than <see cref="FetchTimeout"/>.
    /// </summary>
    public TimeSpan MinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long one fetch may take, the response body included, measured on the cache's <see cref="Auth0ComponentOptions.TimeProvider"/>:
    /// the longest a token with an unknown <c>kid</c> waits. Default 10 seconds; from 1 millisecond to 5 minutes, and
    /// shorter than <see cref="MinimumRefreshInterval"/>.
    /// </summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest key set accepted, in bytes. Default 64 KiB (Auth0's has two keys in about 4 KiB); from 1 KiB to 16 MiB.</summary>
    public int MaximumResponseSize { get; set; } = 64 * 1024;

    /// <summary>Checks every setting against its range, then the settings against each other.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range, or two cannot work together; the message names them and the rule.</exception>
    internal void Validate()
    {
        CheckRange(RefreshInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30), nameof(RefreshInterval));
        CheckRange(MinimumRefreshInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30), nameof(MinimumRefreshInterval));
        CheckRange(FetchTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(5), nameof(FetchTimeout));
        if (MaximumResponseSize is < 1024 or > 16 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumResponseSize), MaximumResponseSize,
                $"{nameof(JsonWebKeySetCacheOptions)}.{nameof(MaximumResponseSize)} must be from 1 KiB to 16 MiB.");
        }

        if (MinimumRefreshInterval > RefreshInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumRefreshInterval), MinimumRefreshInterval,
                $"{Name(nameof(MinimumRefreshInterval))} ({MinimumRefreshInterval}) must not be longer than {Name(nameof(RefreshInterval))} " +
                $"({RefreshInterval}): the keys could not be refreshed as often as the refresh interval asks.");
        }

        if (FetchTimeout >= MinimumRefreshInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(FetchTimeout), FetchTimeout,
                $"{Name(nameof(FetchTimeout))} ({FetchTimeout}) must be shorter than {Name(nameof(MinimumRefreshInterval))} " +
                $"({MinimumRefreshInterval}): a token with an unknown kid may wait for a fetch up to the timeout, which must stay " +
                "short beside the pause between fetches.");
        }
    }

    internal JsonWebKeySetCacheOptions Clone() => (JsonWebKeySetCacheOptions)MemberwiseClone();

    private static string Name(string property) => nameof(JsonWebKeySetCacheOptions) + "." + property;

    private static void CheckRange(TimeSpan value, TimeSpan minimum, TimeSpan maximum, string name)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{Name(name)} must be from {minimum} to {maximum}.");
        }
    }
}
