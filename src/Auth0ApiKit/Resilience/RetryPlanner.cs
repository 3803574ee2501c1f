using System.Net;
using Polly;
using Polly.Timeout;

namespace Auth0ApiKit.Resilience;

/// <summary>What to do after an attempt.</summary>
internal enum RetryVerdict
{
    /// <summary>Return the answer, or throw the failure, as it is (also what no decision at all means).</summary>
    Stop,

    /// <summary>Retry after <see cref="RetryDecision.Delay"/> (when a retry is left).</summary>
    Retry,

    /// <summary>Fail at once with an <see cref="Auth0RateLimitedException"/>: Auth0 asked for a wait longer than allowed.</summary>
    RejectRateLimited,
}

/// <summary>The verdict on one attempt.</summary>
/// <param name="Verdict">What to do.</param>
/// <param name="Delay">How long to wait before the retry.</param>
/// <param name="Cause">A short token for metrics: the status code, <c>timeout</c>, or the transport error's name.</param>
/// <param name="Explanation">Why it stopped, as a sentence for an exception message; empty when there is nothing to say.</param>
internal readonly record struct RetryDecision(RetryVerdict Verdict, TimeSpan Delay, string Cause, string Explanation)
{
    public static RetryDecision Stop(string cause, string explanation = "") => new(RetryVerdict.Stop, TimeSpan.Zero, cause, explanation);
}

/// <summary>
/// Decides, after each attempt, whether and when to retry. Pure apart from the clock and the jitter source, so that
/// every rule can be tested on its own:
/// <list type="number">
/// <item>Retried: 429 and 408 (Auth0 did not act on the request), a connection that could not be opened; and, when
/// the request allows retrying after an ambiguous failure, 5xx (but 501 and 505), a timed-out attempt and a
/// connection lost after sending.</item>
/// <item>The wait: <c>Retry-After</c> (seconds or an HTTP date, taken against the answer's <c>Date</c>), else on
/// a 429 until <c>x-ratelimit-reset</c> plus up to 20% jitter (a reset not in the future, which a skewed clock can
/// give, is ignored), else exponential from the base delay with 10% jitter either way, capped at the maximum.</item>
/// <item>A wait Auth0 asked for that is longer than <see cref="Auth0ResilienceOptions.MaxRateLimitWait"/> or than
/// what is left of the total timeout is not sat out: a 429 is then rejected at once, any other answer returned.</item>
/// </list>
/// </summary>
internal sealed class RetryPlanner
{
    private const double ResetJitter = 0.2;
    private const double BackoffJitter = 0.1;

    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeSpan _maxRateLimitWait;
    private readonly Func<double> _jitter;
    private readonly TimeProvider _timeProvider;

    public RetryPlanner(Auth0ResilienceOptions options, TimeProvider timeProvider)
    {
        _baseDelay = options.BaseDelay;
        _maxDelay = options.MaxDelay;
        _maxRateLimitWait = options.MaxRateLimitWait;
        _jitter = options.Jitter ?? Random.Shared.NextDouble;
        _timeProvider = timeProvider;
    }

    /// <summary>Whether <paramref name="request"/> may be retried after a failure that leaves its effect unknown.</summary>
    public static bool AllowsAmbiguousRetry(HttpRequestMessage request) =>
        request.Options.TryGetValue(Auth0RequestOptions.RetryAfterAmbiguousFailure, out var allowed)
            ? allowed
            : request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options ||
              request.Method == HttpMethod.Trace || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete;

    /// <summary>Decides what follows the attempt numbered <paramref name="attempt"/> (0 for the first).</summary>
    /// <param name="outcome">The attempt's answer or failure.</param>
    /// <param name="attempt">0 for the first attempt.</param>
    /// <param name="request">The request; its method and options decide ambiguous failures.</param>
    /// <param name="timeLeft">What is left of the total timeout; <see langword="null"/> when there is none.</param>
    public RetryDecision Decide(Outcome<HttpResponseMessage> outcome, int attempt, HttpRequestMessage request, TimeSpan? timeLeft)
    {
        var (kind, cause) = Classify(outcome);
        if (kind == FailureKind.Final)
        {
            return RetryDecision.Stop(cause);
        }

        if (kind == FailureKind.Ambiguous && !AllowsAmbiguousRetry(request))
        {
            return RetryDecision.Stop(cause,
                $"It was not retried because Auth0 may have carried out the {request.Method} request " +
                $"(allow it with {nameof(Auth0RequestOptions)}.{nameof(Auth0RequestOptions.RetryAfterAmbiguousFailure)}).");
        }

        var response = outcome.Result;
        var rateLimited = response?.StatusCode == HttpStatusCode.TooManyRequests;
        if (response is not null && RequestedWait(response, rateLimited) is { } requested)
        {
            if (requested.Wait > _maxRateLimitWait || requested.Wait >= timeLeft)
            {
                var limit = requested.Wait > _maxRateLimitWait
                    ? $"the {Durations.Format(_maxRateLimitWait)} the SDK may wait (Auth0ResilienceOptions.MaxRateLimitWait)"
                    : $"the {Durations.Format(timeLeft!.Value)} left of the total timeout";
                var explanation = $"Auth0 asked to wait {Durations.Format(requested.Wait)} before retrying, longer than {limit}.";
                return rateLimited
                    ? new RetryDecision(RetryVerdict.RejectRateLimited, TimeSpan.Zero, cause, explanation)
                    : RetryDecision.Stop(cause, explanation);
            }

            var delay = requested.Jittered ? WithResetJitter(requested.Wait, timeLeft) : requested.Wait;
            return new RetryDecision(RetryVerdict.Retry, delay, cause, string.Empty);
        }

        var backoff = Backoff(attempt);
        if (backoff >= timeLeft)
        {
            var explanation = $"A retry in {Durations.Format(backoff)} would outlast the {Durations.Format(timeLeft.Value)} left of the total timeout.";
            return rateLimited
                ? new RetryDecision(RetryVerdict.RejectRateLimited, TimeSpan.Zero, cause, explanation)
                : RetryDecision.Stop(cause, explanation);
        }

        return new RetryDecision(RetryVerdict.Retry, backoff, cause, string.Empty);
    }

    private enum FailureKind
    {
        /// <summary>Not worth retrying: a success, a client error, a cancellation, a permanent transport error.</summary>
        Final,

        /// <summary>Auth0 certainly did not act on the request: always retried.</summary>
        Safe,

        /// <summary>Auth0 may have acted on the request: retried only when the request allows it.</summary>
        Ambiguous,
    }

    private static (FailureKind Kind, string Cause) Classify(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => (FailureKind.Ambiguous, "timeout"),
        { Exception: HttpRequestException e } => (e.HttpRequestError switch
        {
            // The request never left: the connection (or its TLS, or the proxy tunnel) could not be opened.
            HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or
                HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError => FailureKind.Safe,

            // The request may have arrived: the connection broke or the answer was garbled.
            HttpRequestError.Unknown or HttpRequestError.HttpProtocolError or
                HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded => FailureKind.Ambiguous,
            _ => FailureKind.Final,
        }, e.HttpRequestError.ToString()),
        { Exception: not null } => (FailureKind.Final, outcome.Exception.GetType().Name),
        { Result: { } response } => ((int)response.StatusCode switch
        {
            408 or 429 => FailureKind.Safe,
            501 or 505 => FailureKind.Final,
            >= 500 and <= 599 => FailureKind.Ambiguous,
            _ => FailureKind.Final,
        }, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        _ => (FailureKind.Final, "none"),
    };

    /// <summary>The wait Auth0 asked for: <c>Retry-After</c>, else on a 429 the time until <c>x-ratelimit-reset</c>.</summary>
    private (TimeSpan Wait, bool Jittered)? RequestedWait(HttpResponseMessage response, bool rateLimited)
    {
        var rateLimit = Auth0RateLimit.FromResponse(response, _timeProvider);
        if (rateLimit?.RetryAfter is { } retryAfter)
        {
            return (retryAfter, false);
        }

        if (rateLimited && rateLimit?.Reset is { } reset)
        {
            // Measured against the answer's Date header (Auth0's clock), so local clock skew does not count;
            // a reset that is not in the future says nothing useful and falls back to the backoff.
            var untilReset = reset - Auth0RateLimit.AnsweredAt(response, _timeProvider);
            return untilReset > TimeSpan.Zero ? (untilReset, true) : null;
        }

        return null;
    }

    /// <summary>
    /// Up to 20% more than <paramref name="wait"/>, so that clients throttled together do not return together; never
    /// past the maximum wait, and using at most half of the time left before the total timeout.
    /// </summary>
    private TimeSpan WithResetJitter(TimeSpan wait, TimeSpan? timeLeft)
    {
        var delay = Min(wait * (1 + (ResetJitter * _jitter())), _maxRateLimitWait);
        return timeLeft is { } left ? Min(delay, wait + ((left - wait) / 2)) : delay;
    }

    private TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt, 30)) * (1 - BackoffJitter + (2 * BackoffJitter * _jitter()));
        var seconds = Math.Min(_baseDelay.TotalSeconds * factor, _maxDelay.TotalSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
