using System.Globalization;
using Auth0ApiKit.Testing.Faults;

namespace Auth0ApiKit.Emulator.Admin;

/// <summary>
/// The range of every admin input, in one place (docs/emulator.md states them; the fault ranges are
/// <see cref="Fault"/>'s own): a call outside them answers 400 naming the field and the range, and changes nothing.
/// </summary>
internal static class AdminLimits
{
    /// <summary>The largest admin request body; a larger one gets 413.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The longest wait of a <c>slow</c> fault, in seconds.</summary>
    public const double MaxDelaySeconds = Fault.MaxDelaySeconds;

    /// <summary>
    /// The furthest <c>retryAfterSeconds</c> and <c>resetAfterSeconds</c> of a <c>rate_limited</c> fault, and the longest
    /// <c>periodSeconds</c> of a rate limit: one day.
    /// </summary>
    public const double MaxRateLimitSeconds = Fault.MaxRateLimitSeconds;

    /// <summary>The lowest status of a <c>proxy_html</c> fault: a proxy's error page is a client or server error.</summary>
    public const int MinProxyStatus = Fault.MinProxyStatus;

    /// <summary>The highest status of a <c>proxy_html</c> fault.</summary>
    public const int MaxProxyStatus = Fault.MaxProxyStatus;

    /// <summary>How many requests one scripted fault may strike, and the most requests a rate limit may allow.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>The earliest instant the clock may be set or moved to.</summary>
    public static readonly DateTimeOffset EarliestClock = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The latest instant the clock may be set or moved to: centuries past any lifetime a test moves the clock over, and
    /// millennia before <see cref="DateTimeOffset.MaxValue"/>, so that every expiry the tenant computes still fits.
    /// </summary>
    public static readonly DateTimeOffset LatestClock = new(3000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The clock's range as error messages state it.</summary>
    public static string ClockRange { get; } =
        $"from {EarliestClock.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} to {LatestClock.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
}
