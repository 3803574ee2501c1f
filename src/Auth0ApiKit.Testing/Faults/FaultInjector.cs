namespace Auth0ApiKit.Testing.Faults;

/// <summary>
/// Scripts failures into a fake tenant: the next N answers of a route, a seeded random rate of faults, and
/// an optional rate limit that answers 429 as Auth0 does. Thread-safe.
/// </summary>
/// <remarks>
/// Routes are <c>METHOD /path</c> templates: <c>*</c> as the method matches any method, <c>*</c> as a path segment
/// matches one segment, and <c>**</c> at the end matches the rest: <c>PATCH /api/v2/resource-servers/*</c>.
/// Scripted faults win over random ones; the rate limit applies to Management API calls first of all.
/// </remarks>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<(RouteTemplate Route, Fault Fault, int Remaining)> _scripted = [];
    private readonly TimeProvider _time;
    private (RouteTemplate Route, IReadOnlyList<RandomFault> Faults, Random Random)? _random;
    private TokenBucket? _bucket;

    internal FaultInjector(TimeProvider time) => _time = time;

    /// <summary>How many scripted answers are still to be given.</summary>
    public int PendingScriptedFaults
    {
        get
        {
            lock (_gate)
            {
                return _scripted.Sum(s => s.Remaining);
            }
        }
    }

    /// <summary>Answers the next <paramref name="times"/> requests that match the route with <paramref name="fault"/>.</summary>
    /// <param name="method">The HTTP method, or <c>*</c>.</param>
    /// <param name="path">The path template, such as <c>/api/v2/resource-servers/*</c>; <c>**</c> only at its end.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests it strikes; at least 1.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> holds <c>**</c> before its last segment; nothing is scripted.</exception>
    public void Script(string method, string path, Fault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        var route = new RouteTemplate(method, path);
        lock (_gate)
        {
            _scripted.Add((route, fault, times));
        }
    }

    /// <summary>
    /// Strikes requests that match the route at random, reproducibly from <paramref name="seed"/>: each request
    /// draws once, and each fault strikes with its probability.
    /// </summary>
    /// <exception cref="ArgumentException">A probability is outside 0..1, or they add up to more than 1.</exception>
    public void Randomly(int seed, IEnumerable<RandomFault> faults, string method = "*", string path = "/**")
    {
        ArgumentNullException.ThrowIfNull(faults);
        var list = faults.ToList();
        if (list.Any(f => f is null || f.Probability is < 0 or > 1 || double.IsNaN(f.Probability)) || list.Sum(f => f.Probability) > 1 + 1e-9)
        {
            throw new ArgumentException("Each probability must be between 0 and 1, and together at most 1.", nameof(faults));
        }

        var route = new RouteTemplate(method, path);
        lock (_gate)
        {
            _random = (route, list, new Random(seed));
        }
    }

    /// <summary>Limits the tenant to <paramref name="limit"/> requests at once, refilled evenly over <paramref name="period"/>.</summary>
    public void LimitRate(int limit, TimeSpan period)
    {
        var bucket = new TokenBucket(limit, period, _time);
        lock (_gate)
        {
            _bucket = bucket;
        }
    }

    /// <summary>Removes every scripted and random fault and the rate limit.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _scripted.Clear();
            _random = null;
            _bucket = null;
        }
    }

    /// <summary>The fault for this request, if one strikes.</summary>
    internal Fault? Next(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _scripted.Count; i++)
            {
                var (route, fault, remaining) = _scripted[i];
                if (route.Matches(method, path))
                {
                    if (remaining == 1)
                    {
                        _scripted.RemoveAt(i);
                    }
                    else
                    {
                        _scripted[i] = (route, fault, remaining - 1);
                    }

                    return fault;
                }
            }

            if (_random is { } random && random.Route.Matches(method, path))
            {
                var draw = random.Random.NextDouble();
                foreach (var candidate in random.Faults)
                {
                    if (draw < candidate.Probability)
                    {
                        return candidate.Fault;
                    }

                    draw -= candidate.Probability;
                }
            }

            return null;
        }
    }

    /// <summary>Takes a request from the rate limit; <see langword="null"/> state when no limit is set.</summary>
    internal bool TryPassRateLimit(out RateLimitState? state)
    {
        TokenBucket? bucket;
        lock (_gate)
        {
            bucket = _bucket;
        }

        if (bucket is null)
        {
            state = null;
            return true;
        }

        var allowed = bucket.TryTake(out var taken);
        state = taken;
        return allowed;
    }
}
