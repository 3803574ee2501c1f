using System.Globalization;
using System.Net;
using Auth0ApiKit.Resilience;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace Auth0ApiKit.Tests.Resilience;

public sealed class RetryPlannerTests : IDisposable
{
    private readonly FakeTimeProvider _time = TestClock.Fixed();
    private readonly HttpRequestMessage _get = new(HttpMethod.Get, "https://tenant.example.com/api/v2/resource-servers");

    public void Dispose() => _get.Dispose();

    [Fact]
    public void Backs_off_exponentially_from_the_base_delay_up_to_the_maximum()
    {
        var planner = Planner(jitter: 0.5);

        var delays = Enumerable.Range(0, 8).Select(attempt => Decide(planner, HttpStatusCode.ServiceUnavailable, attempt).Delay.TotalSeconds);

        delays.Should().Equal(1, 2, 4, 8, 16, 32, 60, 60);
    }

    [Theory]
    [InlineData(0.0, 0.9)]
    [InlineData(0.999999, 1.1)]
    public void Jitters_the_backoff_by_10_percent_either_way(double jitter, double expectedSeconds)
    {
        var planner = Planner(jitter);

        Decide(planner, HttpStatusCode.ServiceUnavailable, attempt: 0).Delay.TotalSeconds.Should().BeApproximately(expectedSeconds, 0.0001);
    }

    [Theory]
    [InlineData(0.0, 10)]
    [InlineData(0.999999, 12)]
    public void Adds_up_to_20_percent_to_the_wait_until_x_ratelimit_reset(double jitter, double expectedSeconds)
    {
        var planner = Planner(jitter);

        var decision = Decide(planner, HttpStatusCode.TooManyRequests, 0, ("x-ratelimit-reset", Unix(_time.GetUtcNow().AddSeconds(10))));

        decision.Verdict.Should().Be(RetryVerdict.Retry);
        decision.Delay.TotalSeconds.Should().BeApproximately(expectedSeconds, 0.0001);
    }

    [Fact]
    public void Never_jitters_a_reset_wait_past_the_maximum_wait()
    {
        var planner = Planner(0.999999);

        var decision = Decide(planner, HttpStatusCode.TooManyRequests, 0, ("x-ratelimit-reset", Unix(_time.GetUtcNow().AddSeconds(55))));

        decision.Delay.Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Takes_Retry_After_before_x_ratelimit_reset_and_without_jitter()
    {
        var planner = Planner(0.999999);

        var decision = Decide(planner, HttpStatusCode.TooManyRequests, 0,
            ("Retry-After", "3"), ("x-ratelimit-reset", Unix(_time.GetUtcNow().AddSeconds(30))));

        decision.Delay.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Ignores_x_ratelimit_reset_on_answers_other_than_429()
    {
        var planner = Planner(0.5);

        var decision = Decide(planner, HttpStatusCode.ServiceUnavailable, 0, ("x-ratelimit-reset", Unix(_time.GetUtcNow().AddSeconds(30))));

        decision.Delay.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Rejects_a_429_whose_backoff_would_outlast_the_total_timeout()
    {
        var planner = Planner(0.5);

        var decision = planner.Decide(Outcome(HttpStatusCode.TooManyRequests), 0, _get, timeLeft: TimeSpan.FromMilliseconds(500));

        decision.Verdict.Should().Be(RetryVerdict.RejectRateLimited);
        decision.Explanation.Should().Be("A retry in 1 s would outlast the 500 ms left of the total timeout.");
    }

    [Fact]
    public void Stops_a_5xx_whose_backoff_would_outlast_the_total_timeout()
    {
        var planner = Planner(0.5);

        var decision = planner.Decide(Outcome(HttpStatusCode.BadGateway), 1, _get, timeLeft: TimeSpan.FromSeconds(1.5));

        decision.Verdict.Should().Be(RetryVerdict.Stop);
    }

    [Fact]
    public void Does_not_retry_a_success()
    {
        Decide(Planner(0.5), HttpStatusCode.OK, 0).Verdict.Should().Be(RetryVerdict.Stop);
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public void Lets_idempotent_methods_retry_after_an_ambiguous_failure_unless_the_request_says_otherwise(string method, bool expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://tenant.example.com/x");

        RetryPlanner.AllowsAmbiguousRetry(request).Should().Be(expected);
        request.Options.Set(Auth0RequestOptions.RetryAfterAmbiguousFailure, !expected);
        RetryPlanner.AllowsAmbiguousRetry(request).Should().Be(!expected);
    }

    private RetryPlanner Planner(double jitter) => new(new Auth0ResilienceOptions { Jitter = () => jitter }, _time);

    private RetryDecision Decide(RetryPlanner planner, HttpStatusCode status, int attempt, params (string Name, string Value)[] headers) =>
        planner.Decide(Outcome(status, headers), attempt, _get, timeLeft: null);

    private static Outcome<HttpResponseMessage> Outcome(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return Polly.Outcome.FromResult(response);
    }

    private static string Unix(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
