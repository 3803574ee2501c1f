using Auth0ApiKit.Diagnostics;
using Auth0ApiKit.Wire;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Auth0ApiKit.Resilience;

/// <summary>
/// The SDK's one retry layer, as a <see cref="DelegatingHandler"/> for the <see cref="HttpClient"/> that talks to
/// Auth0: retries 408, 429 and 5xx answers and lost connections the way Auth0 asks (<c>Retry-After</c>,
/// <c>x-ratelimit-reset</c>, else exponential backoff), times out each attempt and the whole call, and never repeats
/// a request whose first attempt Auth0 may have carried out unless the request allows it
/// (<see cref="Auth0RequestOptions.RetryAfterAmbiguousFailure"/>). All waiting goes through the
/// clock of its options (<see cref="Auth0ComponentOptions.TimeProvider"/>), so it can be tested without waiting; give the <see cref="HttpClient"/> an
/// infinite <see cref="HttpClient.Timeout"/>, which runs on the real clock.
/// </summary>
/// <remarks>
/// <para>It returns the last answer when retries are used up or not allowed, and throws:</para>
/// <list type="bullet">
/// <item><see cref="Auth0RateLimitedException"/> at once when Auth0 answers 429 and asks for a wait longer than
/// <see cref="Auth0ResilienceOptions.MaxRateLimitWait"/> (or than what is left of the total timeout);</item>
/// <item><see cref="Auth0TimeoutException"/> when an attempt or the whole call times out and no retry follows;</item>
/// <item><see cref="OperationCanceledException"/> at once when the caller cancels, also during a wait;</item>
/// <item>the inner handler's <see cref="HttpRequestException"/> when the last attempt failed that way.</item>
/// </list>
/// <para>
/// A request with a body is buffered once before the first attempt so that a retry can send it again. Each answer's
/// body is read into memory within its attempt (up to 16 MiB), so that the time-outs bound the whole answer, not only
/// its headers. Instances are
/// thread-safe and meant to be reused. To turn this layer off, see <see cref="Auth0ResilienceOptions.Enabled"/>.
/// </para>
/// </remarks>
public sealed class Auth0ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<CallState> CallKey = new("Auth0ApiKit.Call");

    private readonly ResiliencePipeline<HttpResponseMessage>? _pipeline;
    private readonly TimeProvider _timeProvider;
    private readonly Auth0ApiKitMetrics _metrics;
    private readonly TimeSpan? _totalTimeout;
    private readonly bool _retries;

    /// <summary>Creates the handler with the default options and the system clock.</summary>
    public Auth0ResilienceHandler() : this(new Auth0ResilienceOptions()) { }

    /// <summary>Creates the handler with <paramref name="options"/>, read and checked now.</summary>
    /// <param name="options">
    /// Retries and timeouts, the clock for waits and timeouts, and the meter factory for the retry metrics; later
    /// changes to it have no effect on this handler.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it.</exception>
    public Auth0ResilienceHandler(Auth0ResilienceOptions options)
        : this(options, ComponentServices.Default)
    {
    }

    /// <summary>Creates the handler whose unset clock and meter come from <paramref name="around"/> (a management client's).</summary>
    internal Auth0ResilienceHandler(Auth0ResilienceOptions options, ComponentServices around)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(nameof(options));
        var services = around.With(options);
        _timeProvider = services.TimeProvider;
        _metrics = services.Metrics;
        _totalTimeout = options.TotalTimeout;
        _retries = options.MaxRetries > 0;
        _pipeline = options.Enabled ? BuildPipeline(options, _timeProvider) : null;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_pipeline is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (_retries && request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var call = new CallState(request, _timeProvider.GetTimestamp());
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Handler.SendAttemptAsync(state.Call, ctx.CancellationToken),
                context,
                (Handler: this, Call: call)).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Auth0TimeoutException(TimeoutMessage(call, e.Timeout), e.Timeout, call.Attempts, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            request.Options.Set(ResilienceTelemetry.Attempts, call.Attempts);
            if (call.LastDecision.Explanation is { Length: > 0 } reason)
            {
                request.Options.Set(Auth0RequestOptions.StopReason, reason);
            }
        }

        if (call.LastDecision.Verdict != RetryVerdict.RejectRateLimited)
        {
            return response;
        }

        using (response)
        {
            _metrics.RateLimitRejections.Add(1, ResilienceTelemetry.ErrorType(call.LastDecision.Cause));
            throw await Auth0ExceptionFactory.FromResponseAsync(response, _timeProvider, call.LastDecision.Explanation, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async ValueTask<HttpResponseMessage> SendAttemptAsync(CallState call, CancellationToken cancellationToken)
    {
        call.Attempts++;
        var response = await base.SendAsync(call.Request, cancellationToken).ConfigureAwait(false);

        // The body is read here, under the attempt and total time-outs: a body that stalls after the headers times out too.
        await WireResponses.BufferAsync(response, cancellationToken).ConfigureAwait(false);
        return response;
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(Auth0ResilienceOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "Auth0ApiKit", TimeProvider = timeProvider };
        if (options.TotalTimeout is { } total)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "Auth0ApiKit.TotalTimeout",
                Timeout = total,
                OnTimeout = static args =>
                {
                    args.Context.Properties.GetValue(CallKey, null!).TotalTimedOut = true;
                    return default;
                },
            });
        }

        if (options.MaxRetries > 0)
        {
            var planner = new RetryPlanner(options, timeProvider);
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Auth0ApiKit.Retry",
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.Zero,
                UseJitter = false,
                ShouldHandle = args =>
                {
                    var call = args.Context.Properties.GetValue(CallKey, null!);
                    call.LastDecision = planner.Decide(args.Outcome, args.AttemptNumber, call.Request, TimeLeft(call));
                    return new ValueTask<bool>(call.LastDecision.Verdict == RetryVerdict.Retry);
                },
                DelayGenerator = static args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(CallKey, null!).LastDecision.Delay),
                OnRetry = args =>
                {
                    var decision = args.Context.Properties.GetValue(CallKey, null!).LastDecision;
                    var errorType = ResilienceTelemetry.ErrorType(decision.Cause);
                    _metrics.Retries.Add(1, errorType);
                    _metrics.RetryDelay.Record(args.RetryDelay.TotalSeconds, errorType);
                    return default;
                },
            });
        }

        if (options.AttemptTimeout is { } attempt)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "Auth0ApiKit.AttemptTimeout", Timeout = attempt });
        }

        return builder.Build();
    }

    private TimeSpan? TimeLeft(CallState call) =>
        _totalTimeout is { } total ? total - _timeProvider.GetElapsedTime(call.StartTimestamp) : null;

    private static string TimeoutMessage(CallState call, TimeSpan timeout)
    {
        var target = Redactor.Redact($"{call.Request.Method} {call.Request.RequestUri?.AbsolutePath}");
        var attempts = call.Attempts == 1 ? "1 attempt" : $"{call.Attempts} attempts";
        var what = call.TotalTimedOut
            ? $"the call got no answer within the total timeout of {Durations.Format(timeout)} ({attempts})"
            : $"attempt {call.Attempts} got no answer within the attempt timeout of {Durations.Format(timeout)}";
        var why = call.TotalTimedOut ? string.Empty
            : string.IsNullOrEmpty(call.LastDecision.Explanation) ? " and no retry was left"
            : ". " + call.LastDecision.Explanation.TrimEnd('.');
        return $"The request to Auth0 ({target}) timed out: {what}{why}. Whether Auth0 carried it out is unknown.";
    }

    /// <summary>What one call through the handler has seen so far; attempts run one after the other.</summary>
    private sealed class CallState(HttpRequestMessage request, long startTimestamp)
    {
        public HttpRequestMessage Request { get; } = request;

        public long StartTimestamp { get; } = startTimestamp;

        public int Attempts { get; set; }

        public bool TotalTimedOut { get; set; }

        public RetryDecision LastDecision { get; set; }
    }
}
