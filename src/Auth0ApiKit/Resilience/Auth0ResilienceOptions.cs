using System.Globalization;
using Auth0ApiKit.Management;

namespace Auth0ApiKit.Resilience;

/// <summary>
/// How the SDK retries and times out its calls to Auth0 (<see cref="Auth0ResilienceHandler"/>), and on which clock and
/// meter (<see cref="Auth0ComponentOptions"/>; under a management client, those left unset here are the client's). The
/// defaults follow Auth0's own SDKs: 2 retries of 408, 429 and 5xx answers, waiting for <c>Retry-After</c>, else until
/// <c>x-ratelimit-reset</c>, else exponentially from 1 s, never more than 60 s.
/// </summary>
/// <remarks>
/// The handler reads these values once, when it is created, and checks them then (an
/// <see cref="ArgumentOutOfRangeException"/> names the property and its range).
/// <para>
/// <b>One retry layer.</b> An application whose <see cref="HttpClient"/>s already carry a resilience handler (for
/// example <c>AddStandardResilienceHandler()</c> of Microsoft.Extensions.Http.Resilience) should keep only one of
/// the two: either set <see cref="Enabled"/> to <see langword="false"/> here, so that its handler owns retries and
/// timeouts (it should then not retry <c>POST</c> requests after a timeout or a 5xx, or a create may happen twice,
/// and it must time calls out, since the SDK's <see cref="HttpClient"/> has an infinite
/// <see cref="HttpClient.Timeout"/>), or remove that handler from the SDK's named client.
/// </para>
/// </remarks>
public sealed class Auth0ResilienceOptions : Auth0ComponentOptions
{
    private const int MaxRetriesLimit = 10;

    private static readonly TimeSpan LongestDelay = TimeSpan.FromHours(1);
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromHours(24);

    /// <summary>
    /// Whether the SDK retries and times out its calls at all. Default <see langword="true"/>. Set it to
    /// <see langword="false"/> only when another handler of the same <see cref="HttpClient"/> does both (see the
    /// remarks of <see cref="Auth0ResilienceOptions"/>); the handler then passes every request through untouched.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How many times a failed call is retried, in addition to the first attempt. Default 2; range 0 to 10. 0 turns retries off and keeps the timeouts.
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// The first wait of the exponential backoff used when Auth0 said nothing about when to retry: 1, 2, 4, ... times
    /// this value, each with up to 10% jitter either way. Default 1 s; range 0 to <see cref="MaxDelay"/>.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait of the exponential backoff. Default 60 s; range <see cref="BaseDelay"/> to 1 hour.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest wait Auth0 may ask for (through <c>Retry-After</c>, or <c>x-ratelimit-reset</c> on a 429) that the
    /// SDK sits out before retrying. A 429 asking for more fails at once with an
    /// <see cref="Auth0RateLimitedException"/> that tells when to retry; any other answer asking for more is
    /// returned as it is. A wait that would outlast the <see cref="TotalTimeout"/> counts as too long as well.
    /// Default 60 s; range 0 to 1 hour.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one attempt may take until its answer's headers arrive; an attempt that takes longer is cancelled
    /// and, when a retry is allowed, retried. Default 30 s; range 10 ms to 24 hours; <see langword="null"/> for none.
    /// </summary>
    public TimeSpan? AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a call may take in all, attempts and waits between them included; it then fails with an
    /// <see cref="Auth0TimeoutException"/>. Default 100 s (the default <see cref="HttpClient.Timeout"/>, which the
    /// SDK sets to infinite because it runs on the real clock); range 10 ms to 24 hours, and not shorter than
    /// <see cref="AttemptTimeout"/>; <see langword="null"/> for none.
    /// </summary>
    public TimeSpan? TotalTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The source of jitter, a number in [0, 1); <see cref="Random.Shared"/> when not set. Tests fix it.</summary>
    internal Func<double>? Jitter { get; set; }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first property out of its range.</summary>
    /// <param name="parameterName">The name of the parameter that carried these options.</param>
    internal void Validate(string parameterName)
    {
        if (Problems().FirstOrDefault() is { Property: not null } problem)
        {
            throw new ArgumentOutOfRangeException(parameterName, problem.Value, $"{nameof(Auth0ResilienceOptions)}.{problem.Message}");
        }
    }

    /// <summary>
    /// Every property out of its range, each with a sentence that starts with the property's name
    /// (<c>MaxRetries must be between 0 and 10; it is 11.</c>): the one list of rules behind <see cref="Validate"/> and
    /// the options validation of <see cref="Auth0ManagementClientOptions.Resilience"/>.
    /// </summary>
    internal IEnumerable<(string Property, object? Value, string Message)> Problems()
    {
        var checks = new (bool Valid, string Property, object? Value, string Range)[]
        {
            (MaxRetries is >= 0 and <= MaxRetriesLimit, nameof(MaxRetries), MaxRetries, $"between 0 and {MaxRetriesLimit}"),
            (MaxDelay >= TimeSpan.Zero && MaxDelay <= LongestDelay, nameof(MaxDelay), MaxDelay, "between 0 and 1 hour"),
            (BaseDelay >= TimeSpan.Zero && BaseDelay <= MaxDelay, nameof(BaseDelay), BaseDelay, $"between 0 and {nameof(MaxDelay)} ({MaxDelay})"),
            (MaxRateLimitWait >= TimeSpan.Zero && MaxRateLimitWait <= LongestDelay, nameof(MaxRateLimitWait), MaxRateLimitWait, "between 0 and 1 hour"),
            (AttemptTimeout is null || IsTimeout(AttemptTimeout.Value), nameof(AttemptTimeout), AttemptTimeout, "null or between 10 ms and 24 hours"),
            (TotalTimeout is null || IsTimeout(TotalTimeout.Value), nameof(TotalTimeout), TotalTimeout, "null or between 10 ms and 24 hours"),
            (TotalTimeout is null || AttemptTimeout is null || TotalTimeout >= AttemptTimeout, nameof(TotalTimeout), TotalTimeout,
                $"not shorter than {nameof(AttemptTimeout)} ({AttemptTimeout})"),
        };

        return checks.Where(c => !c.Valid).Select(c => (c.Property, c.Value,
            string.Create(CultureInfo.InvariantCulture, $"{c.Property} must be {c.Range}; it is {c.Value ?? "null"}.")));
    }

    private static bool IsTimeout(TimeSpan value) => value >= ShortestTimeout && value <= LongestTimeout;
}
