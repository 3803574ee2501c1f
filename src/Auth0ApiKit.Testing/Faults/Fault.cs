using System.Globalization;

namespace Auth0ApiKit.Testing.Faults;

/// <summary>When a fault strikes relative to the change a request makes.</summary>
public enum FaultTiming
{
    /// <summary>The tenant answers with the fault and changes nothing.</summary>
    BeforeCommit = 0,

    /// <summary>The tenant makes the change, then answers with the fault: the client cannot tell that it succeeded.</summary>
    AfterCommit = 1,
}

/// <summary>
/// A failure the fake tenant can answer with instead of a normal response: Auth0's rate limiting, server errors,
/// slowness, time-outs, dropped connections and bodies a client cannot read.
/// </summary>
public sealed class Fault
{
    private Fault(FaultKind kind, int status, TimeSpan? retryAfter, TimeSpan? resetAfter, TimeSpan delay, FaultTiming timing)
    {
        Kind = kind;
        Status = status;
        RetryAfter = retryAfter;
        ResetAfter = resetAfter;
        Delay = delay;
        Timing = timing;
    }

    internal FaultKind Kind { get; }

    /// <summary>The HTTP status the fault answers with (0 for faults that give no answer).</summary>
    public int Status { get; }

    /// <summary>The <c>Retry-After</c> a rate-limit fault sends, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How far in the future a rate-limit fault's <c>x-ratelimit-reset</c> lies, if it sends one.</summary>
    public TimeSpan? ResetAfter { get; }

    /// <summary>How long a delay fault waits (on the tenant's <see cref="TimeProvider"/>) before answering normally.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Whether the fault strikes before or after the tenant commits the request's change.</summary>
    public FaultTiming Timing { get; }

    /// <summary>The longest wait of <see cref="Slow"/>, in seconds: five minutes.</summary>
    internal const int MaxDelaySeconds = 300;

    /// <summary>The furthest <c>Retry-After</c> and <c>x-ratelimit-reset</c> of <see cref="RateLimited"/>, in seconds: one day.</summary>
    internal const int MaxRateLimitSeconds = 86_400;

    /// <summary>The lowest status of <see cref="ProxyHtml"/>: a proxy's error page is a client or server error.</summary>
    internal const int MinProxyStatus = 400;

    /// <summary>The highest status of <see cref="ProxyHtml"/>.</summary>
    internal const int MaxProxyStatus = 599;

    /// <summary>429 with Auth0's body and rate-limit headers; <c>Retry-After</c> and <c>x-ratelimit-reset</c> when given.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative or over a day.</exception>
    public static Fault RateLimited(TimeSpan? retryAfter = null, TimeSpan? resetAfter = null)
    {
        CheckSeconds(retryAfter, MaxRateLimitSeconds, nameof(retryAfter));
        CheckSeconds(resetAfter, MaxRateLimitSeconds, nameof(resetAfter));
        return new(FaultKind.Status, 429, retryAfter, resetAfter, TimeSpan.Zero, FaultTiming.BeforeCommit);
    }

    /// <summary>A 5xx (or 408) answer with Auth0's error body.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not 408 or 500-599.</exception>
    public static Fault ServerError(int status = 500)
    {
        if (status != 408 && status is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A server fault answers 408 or 500-599.");
        }

        return new(FaultKind.Status, status, null, null, TimeSpan.Zero, FaultTiming.BeforeCommit);
    }

    /// <summary>503 Service Unavailable with Auth0's error body.</summary>
    public static Fault ServiceUnavailable() => ServerError(503);

    /// <summary>Waits <paramref name="delay"/> on the tenant's clock, then answers normally.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative or over five minutes.</exception>
    public static Fault Slow(TimeSpan delay)
    {
        CheckSeconds(delay, MaxDelaySeconds, nameof(delay));
        return new(FaultKind.Delay, 0, null, null, delay, FaultTiming.BeforeCommit);
    }

    /// <summary>
    /// Never answers: the request waits until the caller cancels it (or, as a safety net, until ten minutes pass
    /// on the tenant's clock, when it gets a 504).
    /// </summary>
    public static Fault Timeout() => new(FaultKind.Timeout, 504, null, null, TimeSpan.Zero, FaultTiming.BeforeCommit);

    /// <summary>The connection drops: the caller gets an <see cref="HttpRequestException"/> and no answer.</summary>
    public static Fault DropConnection() => new(FaultKind.Drop, 0, null, null, TimeSpan.Zero, FaultTiming.BeforeCommit);

    /// <summary>
    /// An answer whose JSON body is cut off halfway: a 200 before the change is committed; after commit, the real
    /// answer's status with its body cut.
    /// </summary>
    public static Fault MalformedBody() => new(FaultKind.Malformed, 200, null, null, TimeSpan.Zero, FaultTiming.BeforeCommit);

    /// <summary>An HTML error page from a proxy in front of the tenant.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not 400-599.</exception>
    public static Fault ProxyHtml(int status = 502)
    {
        if (status is < MinProxyStatus or > MaxProxyStatus)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, $"A proxy's error page answers {MinProxyStatus}-{MaxProxyStatus}.");
        }

        return new(FaultKind.Html, status, null, null, TimeSpan.Zero, FaultTiming.BeforeCommit);
    }

    private static void CheckSeconds(TimeSpan? wait, int maxSeconds, string name)
    {
        if (wait is { } value && (value < TimeSpan.Zero || value > TimeSpan.FromSeconds(maxSeconds)))
        {
            throw new ArgumentOutOfRangeException(name, value, $"It must be from 0 to {maxSeconds} seconds.");
        }
    }

    /// <summary>The same fault, striking after the tenant has committed the change.</summary>
    public Fault AfterCommit() => new(Kind, Status, RetryAfter, ResetAfter, Delay, FaultTiming.AfterCommit);

    /// <summary>What the fault does, such as <c>429 (retry after 2 s) after commit</c>.</summary>
    public override string ToString()
    {
        var text = Kind switch
        {
            FaultKind.Status when RetryAfter is { } wait => string.Create(CultureInfo.InvariantCulture, $"{Status} (retry after {wait.TotalSeconds} s)"),
            FaultKind.Status => Status.ToString(CultureInfo.InvariantCulture),
            FaultKind.Delay => string.Create(CultureInfo.InvariantCulture, $"delay {Delay.TotalSeconds} s"),
            FaultKind.Timeout => "timeout",
            FaultKind.Drop => "dropped connection",
            FaultKind.Malformed => "malformed body",
            _ => string.Create(CultureInfo.InvariantCulture, $"{Status} HTML from a proxy"),
        };
        return Timing == FaultTiming.AfterCommit ? text + " after commit" : text;
    }
}

/// <summary>What a fault does.</summary>
internal enum FaultKind
{
    Status,
    Delay,
    Timeout,
    Drop,
    Malformed,
    Html,
}
