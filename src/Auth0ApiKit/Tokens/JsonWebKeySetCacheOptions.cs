namespace Auth0ApiKit.Tokens;

/// <summary>How a <see cref="JsonWebKeySetCache"/> fetches and keeps a tenant's signing keys.</summary>
public sealed class JsonWebKeySetCacheOptions
{
    /// <summary>
    /// How long fetched keys are trusted before the key set is fetched again, so that keys the tenant stopped
    /// publishing stop working. Default 1 hour; from 1 second to 30 days.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The least time between two fetches: a token with an unknown <c>kid</c>, or an endpoint that fails, causes
    /// at most one fetch per interval. Default 1 minute; from 1 second to <see cref="RefreshInterval"/>.
    /// </summary>
    public TimeSpan MinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one fetch may take, measured on the cache's <see cref="TimeProvider"/>. Default 10 seconds; from 1 millisecond to 5 minutes.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest key set accepted, in bytes. Default 64 KiB (Auth0's has two keys in about 4 KiB); from 1 KiB to 16 MiB.</summary>
    public int MaximumResponseSize { get; set; } = 64 * 1024;

    /// <summary>Checks every setting against its range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range; the message names it.</exception>
    internal void Validate()
    {
        CheckRange(RefreshInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30), nameof(RefreshInterval));
        CheckRange(MinimumRefreshInterval, TimeSpan.FromSeconds(1), RefreshInterval, nameof(MinimumRefreshInterval));
        CheckRange(FetchTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(5), nameof(FetchTimeout));
        if (MaximumResponseSize is < 1024 or > 16 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumResponseSize), MaximumResponseSize,
                $"{nameof(JsonWebKeySetCacheOptions)}.{nameof(MaximumResponseSize)} must be from 1 KiB to 16 MiB.");
        }
    }

    internal JsonWebKeySetCacheOptions Clone() => (JsonWebKeySetCacheOptions)MemberwiseClone();

    private static void CheckRange(TimeSpan value, TimeSpan minimum, TimeSpan maximum, string name)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{nameof(JsonWebKeySetCacheOptions)}.{name} must be from {minimum} to {maximum}.");
        }
    }
}
