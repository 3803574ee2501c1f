using System.Globalization;
using System.Net.Http.Headers;

namespace Auth0ApiKit;

/// <summary>
/// The rate-limit state Auth0 reported with a response: the headers <c>x-ratelimit-limit</c>,
/// <c>x-ratelimit-remaining</c>, <c>x-ratelimit-reset</c> (Unix seconds) and <c>Retry-After</c>.
/// Every part is optional: a proxy's answer or an endpoint without limits carries none of them.
/// </summary>
public sealed class Auth0RateLimit
{
    internal const string LimitHeader = "x-ratelimit-limit";
    internal const string RemainingHeader = "x-ratelimit-remaining";
    internal const string ResetHeader = "x-ratelimit-reset";

    /// <summary>Creates the state from its parts, for example to test code that handles rate-limited calls.</summary>
    /// <param name="limit">How many calls the current window allows.</param>
    /// <param name="remaining">How many calls are left in the current window.</param>
    /// <param name="reset">When the current window ends and calls are allowed again.</param>
    /// <param name="retryAfter">How long Auth0 asked to wait before the next call, measured from its answer.</param>
    public Auth0RateLimit(long? limit, long? remaining, DateTimeOffset? reset, TimeSpan? retryAfter)
    {
        Limit = limit;
        Remaining = remaining;
        Reset = reset;
        RetryAfter = retryAfter;
    }

    /// <summary>How many calls the current window allows (<c>x-ratelimit-limit</c>), when Auth0 said.</summary>
    public long? Limit { get; }

    /// <summary>How many calls are left in the current window (<c>x-ratelimit-remaining</c>), when Auth0 said.</summary>
    public long? Remaining { get; }

    /// <summary>When the current window ends, on Auth0's clock (<c>x-ratelimit-reset</c>), when Auth0 said.</summary>
    public DateTimeOffset? Reset { get; }

    /// <summary>
    /// How long Auth0 asked to wait (<c>Retry-After</c>, given in seconds or as an HTTP date), measured from its
    /// answer. A date is turned into a wait against the answer's <c>Date</c> header, so a skewed local clock does
    /// not change it; a date already past gives <see cref="TimeSpan.Zero"/>.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>A short description, for example <c>limit 30, remaining 0, resets at 2025-01-06T11:58:46Z</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>(4);
        if (Limit is { } limit)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"limit {limit}"));
        }

        if (Remaining is { } remaining)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"remaining {remaining}"));
        }

        if (Reset is { } reset)
        {
            parts.Add("resets at " + reset.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        if (RetryAfter is { } retryAfter)
        {
            parts.Add("retry after " + Durations.Format(retryAfter));
        }

        return parts.Count == 0 ? "no rate-limit headers" : string.Join(", ", parts);
    }

    /// <summary>
    /// Reads the rate-limit headers of <paramref name="response"/>; <see langword="null"/> when it carries none.
    /// Values that are not numbers are ignored rather than trusted.
    /// </summary>
    /// <param name="response">The answer.</param>
    /// <param name="timeProvider">The clock used only when a <c>Retry-After</c> date comes without a <c>Date</c> header.</param>
    internal static Auth0RateLimit? FromResponse(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var headers = response.Headers;
        var limit = ReadInteger(headers, LimitHeader);
        var remaining = ReadInteger(headers, RemainingHeader);
        var reset = ReadInteger(headers, ResetHeader) is { } seconds && seconds is >= 0 and <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        var retryAfter = ReadRetryAfter(headers, timeProvider);
        return limit is null && remaining is null && reset is null && retryAfter is null
            ? null
            : new Auth0RateLimit(limit, remaining, reset, retryAfter);
    }

    /// <summary>The moment of the answer on Auth0's clock: its <c>Date</c> header, else the local clock.</summary>
    internal static DateTimeOffset AnsweredAt(HttpResponseMessage response, TimeProvider timeProvider) =>
        response.Headers.Date ?? timeProvider.GetUtcNow();

    private const long MaxUnixSeconds = 253402300799; // 9999-12-31T23:59:59Z

    private static TimeSpan? ReadRetryAfter(HttpResponseHeaders headers, TimeProvider timeProvider)
    {
        RetryConditionHeaderValue? value;
        try
        {
            value = headers.RetryAfter;
        }
        catch (FormatException)
        {
            return null;
        }

        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - (headers.Date ?? timeProvider.GetUtcNow());
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static long? ReadInteger(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) &&
        long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
