namespace Auth0ApiKit.Testing.Faults;

/// <summary>
/// A token bucket on the tenant's clock: <see cref="Limit"/> requests at once, refilled evenly over
/// <see cref="Period"/>. It reports what Auth0's <c>x-ratelimit-*</c> headers report.
/// </summary>
internal sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private double _tokens;
    private DateTimeOffset _updated;

    public TokenBucket(int limit, TimeSpan period, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        Limit = limit;
        Period = period;
        _time = time;
        _tokens = limit;
        _updated = time.GetUtcNow();
    }

    public int Limit { get; }

    public TimeSpan Period { get; }

    /// <summary>Takes one request's token if there is one.</summary>
    /// <returns>Whether the request may go on; the state to report either way.</returns>
    public bool TryTake(out RateLimitState state)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var elapsed = Math.Max(0, (now - _updated).TotalSeconds);
            _tokens = Math.Min(Limit, _tokens + (elapsed * Limit / Period.TotalSeconds));
            _updated = now;
            var allowed = _tokens >= 1;
            if (allowed)
            {
                _tokens -= 1;
            }

            var secondsPerToken = Period.TotalSeconds / Limit;
            var untilFull = TimeSpan.FromSeconds((Limit - _tokens) * secondsPerToken);
            var untilNext = allowed ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) * secondsPerToken);
            state = new RateLimitState(Limit, (int)Math.Floor(_tokens), now + untilFull, untilNext);
            return allowed;
        }
    }
}

/// <summary>What the <c>x-ratelimit-*</c> headers say, and how long to wait when throttled.</summary>
internal readonly record struct RateLimitState(int Limit, int Remaining, DateTimeOffset Reset, TimeSpan RetryAfter);
