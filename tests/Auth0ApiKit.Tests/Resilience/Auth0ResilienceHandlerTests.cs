using System.Globalization;
using System.Net;
using Auth0ApiKit.Resilience;
using Microsoft.Extensions.Time.Testing;
using static Auth0ApiKit.Tests.Resilience.ScriptedHandler;

namespace Auth0ApiKit.Tests.Resilience;

public sealed class Auth0ResilienceHandlerTests : IDisposable
{
    private const string RateLimitBody = """{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached","errorCode":"too_many_requests"}""";
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider _time = TestClock.Fixed();
    private readonly List<IDisposable> _disposables = [];

    public void Dispose() => _disposables.ForEach(d => d.Dispose());

    [Fact]
    public async Task Retries_a_429_after_the_Retry_After_seconds()
    {
        var (client, script) = Create(Options(),
            Answer(HttpStatusCode.TooManyRequests, RateLimitBody, ("Retry-After", "2")),
            Answer(HttpStatusCode.OK));

        using var response = await _time.DriveAsync(client.SendAsync(Get(), default), Step);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        script.Gaps.Should().ContainSingle().Which.Should().BeCloseTo(TimeSpan.FromSeconds(2), Step);
    }

    [Fact]
    public async Task Measures_a_Retry_After_date_against_the_answer_Date_so_clock_skew_does_not_count()
    {
        var serverNow = _time.GetUtcNow().AddMinutes(5); // Auth0's clock runs 5 minutes ahead of ours
        var (client, script) = Create(Options(),
            Answer(HttpStatusCode.TooManyRequests, RateLimitBody, ("Date", serverNow.ToString("R")), ("Retry-After", serverNow.AddSeconds(3).ToString("R"))),
            Answer(HttpStatusCode.OK));

        using var response = await _time.DriveAsync(client.SendAsync(Get(), default), Step);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        script.Gaps.Should().ContainSingle().Which.Should().BeCloseTo(TimeSpan.FromSeconds(3), Step);
    }

    [Fact]
    public async Task Measures_a_Retry_After_date_against_the_local_clock_when_the_answer_has_no_Date()
    {
        var (client, script) = Create(Options(),
            Answer(HttpStatusCode.TooManyRequests, RateLimitBody, ("Retry-After", _time.GetUtcNow().AddSeconds(4).ToString("R"))),
            Answer(HttpStatusCode.OK));

        using var response = await _time.DriveAsync(client.SendAsync(Get(), default), Step);

        script.Gaps.Should().ContainSingle().Which.Should().BeCloseTo(TimeSpan.FromSeconds(4), Step);
    }

    [Fact]
    public async Task Waits_for_a_future_x_ratelimit_reset_plus_jitter()
    {
        var now = _time.GetUtcNow();
        var (client, script) = Create(Options(),
            Answer(HttpStatusCode.TooManyRequests, RateLimitBody, ("Date", now.ToString("R")), ("x-ratelimit-reset", Unix(now.AddSeconds(10)))),
            Answer(HttpStatusCode.OK));

        using var response = await _time.DriveAsync(client.SendAsync(Get(), default), Step);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        script.Gaps.Should().ContainSingle().Which.Should().BeCloseTo(TimeSpan.FromSeconds(11), Step, "10 s plus 10% jitter (half of the 20% allowed)");
    }

    [Fact]
    public async Task Falls_back_to_the_backoff_when_x_ratelimit_reset_lies_in_the_past_through_clock_skew()
    {
        var (client, script) = Create(Options(),
            Answer(HttpStatusCode.TooManyRequests, RateLimitBody, ("x-ratelimit-reset", Unix(_time.GetUtcNow().AddSeconds(-30)))),
            Answer(HttpStatusCode.OK));

        using var response = await _time.DriveAsync(client.SendAsync(Get(), default), Step);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        script.Gaps.Should().ContainSingle().Which.Should().BeCloseTo(TimeSpan.FromSeconds(1), Step);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Retries_408_and_5xx_twice_with_exponential_backoff_then_returns_the_last_answer(HttpStatusCode status)
    {
        var (client, script) = Create(Options(), Answer(status), Answer(status), Answer(status));

        using var response = await _time.DriveAsync(client.SendAsync(Get(), default), Step);

        response.StatusCode.Should().Be(status);
        script.Attempts.Should().HaveCount(3);
        script.Gaps.Should().SatisfyRespectively(
            first => first.Should().BeCloseTo(TimeSpan.FromSeconds(1), Step),
            second => second.Should().BeCloseTo(TimeSpan.FromSeconds(2), Step));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task Does_not_retry_answers_a_retry_cannot_change(HttpStatusCode status)
    {
        var (client, script) = Create(Options(), Answer(status));

        using var response = await client.SendAsync(Get(), default).WaitAsync(Bound);

        response.StatusCode.Should().Be(status);
        script.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Disposes_each_answer_it_retries_and_not_the_one_it_returns()
    {
        var (client, script) = Create(Options(), Answer(HttpStatusCode.ServiceUnavailable), Answer(HttpStatusCode.OK));

        using var response = await _time.DriveAsync(client.SendAsync(Get(), default), Step);

        ((TrackedContent)script.Responses[0].Content).Disposed.Should().BeTrue();
        ((TrackedContent)response.Content).Disposed.Should().BeFalse();
    }

    [Fact]
    public async Task Retries_an_attempt_that_times_out()
    {
        var (client, script) = Create(Options(), Hang(), Answer(HttpStatusCode.OK));

        using var response = await _time.DriveAsync(client.SendAsync(Get(), default), Step);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        script.Gaps.Should().ContainSingle().Which.Should().BeCloseTo(TimeSpan.FromSeconds(31), Step, "30 s attempt timeout, then 1 s backoff");
    }

    [Fact]
    public async Task Fails_with_a_timeout_when_every_attempt_times_out()
    {
        var (client, script) = Create(Options(o => o.TotalTimeout = null), Hang(), Hang(), Hang());

        var act = () => _time.DriveAsync(client.SendAsync(Get(), default), Step);

        var thrown = (await act.Should().ThrowAsync<Auth0TimeoutException>()).Which;
        thrown.Timeout.Should().Be(TimeSpan.FromSeconds(30));
        thrown.Attempts.Should().Be(3);
        thrown.StatusCode.Should().BeNull();
        thrown.Message.Should().Be("The request to Auth0 (GET /api/v2/resource-servers) timed out: attempt 3 got no answer within the " +
                                   "attempt timeout of 30 s and no retry was left. Whether Auth0 carried it out is unknown.");
        script.Attempts.Should().HaveCount(3);
    }

    [Fact]
    public async Task Fails_with_a_timeout_when_the_whole_call_outlasts_the_total_timeout()
    {
        var (client, script) = Create(Options(o => (o.AttemptTimeout, o.TotalTimeout) = (TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(20))),
            Hang(), Hang(), Hang());

        var act = () => _time.DriveAsync(client.SendAsync(Get(), default), Step);

        var thrown = (await act.Should().ThrowAsync<Auth0TimeoutException>()).Which;
        thrown.Timeout.Should().Be(TimeSpan.FromSeconds(20));
        thrown.Message.Should().Contain("within the total timeout of 20 s (3 attempts)");
        script.Attempts.Should().HaveCount(3, "attempts at 0 s, 9 s and 19 s; the third is cut by the total timeout at 20 s");
    }

    [Fact]
    public async Task Stops_at_once_when_the_caller_cancels_during_a_wait()
    {
        var (client, script) = Create(Options(), Answer(HttpStatusCode.TooManyRequests, RateLimitBody, ("Retry-After", "30")), Answer(HttpStatusCode.OK));
        using var cancellation = new CancellationTokenSource();

        var call = client.SendAsync(Get(), cancellation.Token);
        _time.Advance(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        var act = () => call.WaitAsync(Bound);
        await act.Should().ThrowAsync<OperationCanceledException>();
        _time.Advance(TimeSpan.FromMinutes(5));
        script.Attempts.Should().ContainSingle("no attempt may follow a cancellation");
    }

    [Fact]
    public async Task Stops_at_once_when_the_caller_cancels_during_an_attempt()
    {
        var (client, script) = Create(Options(), Hang(), Answer(HttpStatusCode.OK));
        using var cancellation = new CancellationTokenSource();

        var call = client.SendAsync(Get(), cancellation.Token);
        await cancellation.CancelAsync();

        var act = () => call.WaitAsync(Bound);
        await act.Should().ThrowAsync<OperationCanceledException>();
        script.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Fails_at_once_with_the_reset_time_when_Auth0_asks_for_a_longer_wait_than_allowed()
    {
        var now = _time.GetUtcNow();
        var (client, script) = Create(Options(),
            Answer(HttpStatusCode.TooManyRequests, RateLimitBody, ("Date", now.ToString("R")), ("Retry-After", "120"),
                ("x-ratelimit-limit", "30"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", Unix(now.AddSeconds(120))),
                ("X-Auth0-RequestId", "c629c3e05e0881e81315")));

        var act = () => client.SendAsync(Get(), default).WaitAsync(Bound);

        var thrown = (await act.Should().ThrowAsync<Auth0RateLimitedException>()).Which;
        thrown.RetryAt.Should().Be(now.AddSeconds(120));
        thrown.RateLimit!.Reset.Should().Be(now.AddSeconds(120));
        thrown.ErrorCode.Should().Be("too_many_requests");
        thrown.Message.Should().Be("Auth0 answered 429 Too Many Requests (too_many_requests): Global limit has been reached. " +
                                   "Retry at 2000-01-01T00:02:00Z. Auth0 asked to wait 120 s before retrying, longer than the 60 s " +
                                   "the SDK may wait (Auth0ResilienceOptions.MaxRateLimitWait). Request id: c629c3e05e0881e81315.");
        script.Attempts.Should().ContainSingle();
        ((TrackedContent)script.Responses[0].Content).Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task Fails_at_once_when_the_reset_lies_beyond_the_maximum_wait()
    {
        var now = _time.GetUtcNow();
        var (client, _) = Create(Options(),
            Answer(HttpStatusCode.TooManyRequests, RateLimitBody, ("Date", now.ToString("R")), ("x-ratelimit-reset", Unix(now.AddMinutes(5)))));

        var act = () => client.SendAsync(Get(), default).WaitAsync(Bound);

        (await act.Should().ThrowAsync<Auth0RateLimitedException>()).Which.RetryAt.Should().Be(now.AddMinutes(5));
    }

    [Fact]
    public async Task Fails_at_once_when_the_wait_would_outlast_the_total_timeout()
    {
        var (client, _) = Create(Options(o => (o.AttemptTimeout, o.TotalTimeout) = (null, TimeSpan.FromSeconds(5))),
            Answer(HttpStatusCode.TooManyRequests, RateLimitBody, ("Retry-After", "10")));

        var act = () => client.SendAsync(Get(), default).WaitAsync(Bound);

        (await act.Should().ThrowAsync<Auth0RateLimitedException>()).Which.Message.Should().Contain("longer than the 5 s left of the total timeout");
    }

    [Fact]
    public async Task Returns_a_503_at_once_when_its_Retry_After_is_longer_than_allowed()
    {
        var (client, script) = Create(Options(), Answer(HttpStatusCode.ServiceUnavailable, "{}", ("Retry-After", "600")), Answer(HttpStatusCode.OK));

        using var response = await client.SendAsync(Get(), default).WaitAsync(Bound);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        script.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Does_not_retry_a_POST_after_a_5xx_since_Auth0_may_have_created_it()
    {
        var (client, script) = Create(Options(), Answer(HttpStatusCode.ServiceUnavailable), Answer(HttpStatusCode.Created));

        using var response = await client.SendAsync(Post(), default).WaitAsync(Bound);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        script.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Does_not_retry_a_POST_whose_attempt_timed_out()
    {
        var (client, script) = Create(Options(), Hang(), Answer(HttpStatusCode.Created));

        var act = () => _time.DriveAsync(client.SendAsync(Post(), default), Step);

        var thrown = (await act.Should().ThrowAsync<Auth0TimeoutException>()).Which;
        thrown.Attempts.Should().Be(1);
        thrown.Message.Should().Be("The request to Auth0 (POST /api/v2/clients) timed out: attempt 1 got no answer within the attempt " +
                                   "timeout of 30 s. It was not retried because Auth0 may have carried out the POST request (allow it " +
                                   "with Auth0RequestOptions.RetryAfterAmbiguousFailure). Whether Auth0 carried it out is unknown.");
        script.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Retries_a_POST_after_a_429_since_Auth0_did_not_act_on_it()
    {
        var (client, script) = Create(Options(), Answer(HttpStatusCode.TooManyRequests, RateLimitBody, ("Retry-After", "1")), Answer(HttpStatusCode.Created));

        using var response = await _time.DriveAsync(client.SendAsync(Post(), default), Step);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        script.Attempts.Should().HaveCount(2).And.OnlyContain(a => a.Body == """{"name":"billing"}""", "the buffered body is sent again");
    }

    [Fact]
    public async Task Retries_a_POST_after_a_5xx_when_the_request_allows_it()
    {
        var request = Post();
        request.Options.Set(Auth0RequestOptions.RetryAfterAmbiguousFailure, true);
        var (client, script) = Create(Options(), Answer(HttpStatusCode.BadGateway), Answer(HttpStatusCode.Created));

        using var response = await _time.DriveAsync(client.SendAsync(request, default), Step);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        script.Attempts.Should().HaveCount(2);
    }

    [Fact]
    public async Task Does_not_retry_a_GET_after_a_5xx_when_the_request_forbids_it()
    {
        var request = Get();
        request.Options.Set(Auth0RequestOptions.RetryAfterAmbiguousFailure, false);
        var (client, script) = Create(Options(), Answer(HttpStatusCode.InternalServerError), Answer(HttpStatusCode.OK));

        using var response = await client.SendAsync(request, default).WaitAsync(Bound);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        script.Attempts.Should().ContainSingle();
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    [InlineData(HttpRequestError.SecureConnectionError)]
    public async Task Retries_a_POST_whose_connection_could_not_be_opened(HttpRequestError error)
    {
        var (client, script) = Create(Options(), Fail(error), Answer(HttpStatusCode.Created));

        using var response = await _time.DriveAsync(client.SendAsync(Post(), default), Step);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        script.Attempts.Should().HaveCount(2);
    }

    [Fact]
    public async Task Does_not_retry_a_POST_whose_connection_dropped_after_sending()
    {
        var (client, script) = Create(Options(), Fail(HttpRequestError.ResponseEnded), Answer(HttpStatusCode.Created));

        var act = () => client.SendAsync(Post(), default).WaitAsync(Bound);

        (await act.Should().ThrowAsync<HttpRequestException>()).Which.HttpRequestError.Should().Be(HttpRequestError.ResponseEnded);
        script.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Retries_a_GET_whose_connection_dropped_after_sending()
    {
        var (client, script) = Create(Options(), Fail(HttpRequestError.ResponseEnded), Answer(HttpStatusCode.OK));

        using var response = await _time.DriveAsync(client.SendAsync(Get(), default), Step);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        script.Attempts.Should().HaveCount(2);
    }

    [Fact]
    public async Task Does_not_retry_a_transport_error_a_retry_cannot_change()
    {
        var (client, script) = Create(Options(), Fail(HttpRequestError.ConfigurationLimitExceeded), Answer(HttpStatusCode.OK));

        var act = () => client.SendAsync(Get(), default).WaitAsync(Bound);

        await act.Should().ThrowAsync<HttpRequestException>();
        script.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Resends_a_body_that_could_be_read_only_once()
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "https://tenant.example.com/api/v2/things/1")
        {
            Content = new StreamContent(new OneWayStream("""{"name":"orders"}"""u8.ToArray())),
        };
        var (client, script) = Create(Options(), Answer(HttpStatusCode.ServiceUnavailable), Answer(HttpStatusCode.OK));

        using var response = await _time.DriveAsync(client.SendAsync(request, default), Step);

        script.Attempts.Select(a => a.Body).Should().Equal("""{"name":"orders"}""", """{"name":"orders"}""");
    }

    [Fact]
    public async Task Keeps_the_timeouts_when_retries_are_off()
    {
        var (client, script) = Create(Options(o => o.MaxRetries = 0), Hang(), Answer(HttpStatusCode.OK));

        var act = () => _time.DriveAsync(client.SendAsync(Get(), default), Step);

        (await act.Should().ThrowAsync<Auth0TimeoutException>()).Which.Attempts.Should().Be(1);
        script.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Passes_requests_through_untouched_when_disabled()
    {
        var (client, script) = Create(Options(o => o.Enabled = false),
            Answer(HttpStatusCode.TooManyRequests, RateLimitBody, ("Retry-After", "1")), Answer(HttpStatusCode.OK));

        using var response = await client.SendAsync(Get(), default).WaitAsync(Bound);

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        script.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Works_as_a_handler_of_an_HttpClient()
    {
        var script = new ScriptedHandler(_time, Answer(HttpStatusCode.ServiceUnavailable), Answer(HttpStatusCode.OK));
        using var client = new HttpClient(new Auth0ResilienceHandler(Options(o => o.TimeProvider = _time)) { InnerHandler = script })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        using var response = await _time.DriveAsync(client.GetAsync(new Uri("https://tenant.example.com/api/v2/resource-servers")), Step);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("{}");
    }

    public static TheoryData<Action<Auth0ResilienceOptions>, string> OutOfRange => new()
    {
        { o => o.MaxRetries = -1, "Auth0ResilienceOptions.MaxRetries must be between 0 and 10; it is -1." },
        { o => o.MaxRetries = 11, "Auth0ResilienceOptions.MaxRetries must be between 0 and 10; it is 11." },
        { o => o.BaseDelay = TimeSpan.FromMinutes(2), "Auth0ResilienceOptions.BaseDelay must be between 0 and MaxDelay (00:01:00); it is 00:02:00." },
        { o => o.MaxDelay = TimeSpan.FromHours(2), "Auth0ResilienceOptions.MaxDelay must be between 0 and 1 hour; it is 02:00:00." },
        { o => o.MaxRateLimitWait = TimeSpan.FromSeconds(-1), "Auth0ResilienceOptions.MaxRateLimitWait must be between 0 and 1 hour; it is -00:00:01." },
        { o => o.AttemptTimeout = TimeSpan.FromMilliseconds(1), "Auth0ResilienceOptions.AttemptTimeout must be null or between 10 ms and 24 hours; it is 00:00:00.0010000." },
        { o => o.TotalTimeout = TimeSpan.FromDays(2), "Auth0ResilienceOptions.TotalTimeout must be null or between 10 ms and 24 hours; it is 2.00:00:00." },
        { o => o.TotalTimeout = TimeSpan.FromSeconds(10), "Auth0ResilienceOptions.TotalTimeout must be not shorter than AttemptTimeout (00:00:30); it is 00:00:10." },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Refuses_options_out_of_range_naming_the_option_and_its_range(Action<Auth0ResilienceOptions> configure, string expected)
    {
        var options = new Auth0ResilienceOptions();
        configure(options);

        var act = () => new Auth0ResilienceHandler(options);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.Message.Should().StartWith(expected);
    }

    [Fact]
    public void Documents_its_defaults_in_the_options()
    {
        var options = new Auth0ResilienceOptions();

        options.Enabled.Should().BeTrue();
        options.MaxRetries.Should().Be(2);
        options.BaseDelay.Should().Be(TimeSpan.FromSeconds(1));
        options.MaxDelay.Should().Be(TimeSpan.FromSeconds(60));
        options.MaxRateLimitWait.Should().Be(TimeSpan.FromSeconds(60));
        options.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(30));
        options.TotalTimeout.Should().Be(TimeSpan.FromSeconds(100));
    }

    private static Auth0ResilienceOptions Options(Action<Auth0ResilienceOptions>? configure = null)
    {
        var options = new Auth0ResilienceOptions { Jitter = () => 0.5 };
        configure?.Invoke(options);
        return options;
    }

    private (HttpMessageInvoker Client, ScriptedHandler Script) Create(
        Auth0ResilienceOptions options, params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] steps)
    {
        var script = new ScriptedHandler(_time, steps);
        options.TimeProvider = _time;
        var client = new HttpMessageInvoker(new Auth0ResilienceHandler(options) { InnerHandler = script });
        _disposables.Add(client);
        return (client, script);
    }

    private static HttpRequestMessage Get() => new(HttpMethod.Get, "https://tenant.example.com/api/v2/resource-servers");

    private static HttpRequestMessage Post() =>
        new(HttpMethod.Post, "https://tenant.example.com/api/v2/clients") { Content = new StringContent("""{"name":"billing"}""") };

    private static string Unix(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>A stream that can be read once, front to back, like a network stream.</summary>
    private sealed class OneWayStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Length => throw new NotSupportedException();
    }
}
