using System.Net;
using Auth0ApiKit.Resilience;
using Auth0ApiKit.Tests.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using static Auth0ApiKit.Tests.Resilience.ScriptedHandler;

namespace Auth0ApiKit.Tests.Resilience;

/// <summary>Each test measures through a meter factory of its own, so these tests run in parallel with every other.</summary>
public sealed class ResilienceMetricsTests : IDisposable
{
    private readonly FakeTimeProvider _time = TestClock.Fixed();
    private readonly TestMeterFactory _meters = new();

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task Counts_retries_and_their_waits_by_cause()
    {
        using var client = Client(Answer(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "2")), Answer(HttpStatusCode.ServiceUnavailable), Answer(HttpStatusCode.OK));

        using var response = await _time.DriveAsync(client.SendAsync(Get(), default), TimeSpan.FromMilliseconds(100));

        Measurements().Should().BeEquivalentTo(new[]
        {
            ("auth0apikit.http.client.retries", 1.0, "429"),
            ("auth0apikit.http.client.retry_delay", 2.0, "429"),
            ("auth0apikit.http.client.retries", 1.0, "503"),
            ("auth0apikit.http.client.retry_delay", 2.0, "503"),
        });
    }

    [Fact]
    public async Task Counts_calls_failed_at_once_for_a_too_long_rate_limit_wait()
    {
        using var client = Client(Answer(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "3600")));

        var act = () => client.SendAsync(Get(), default).WaitAsync(Bound);

        await act.Should().ThrowAsync<Auth0RateLimitedException>();
        Measurements().Should().Equal(("auth0apikit.http.client.rate_limit_rejections", 1.0, "429"));
    }

    private HttpMessageInvoker Client(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] steps) =>
        new(new Auth0ResilienceHandler(new Auth0ResilienceOptions { Jitter = () => 0.5, TimeProvider = _time, MeterFactory = _meters })
        {
            InnerHandler = new ScriptedHandler(_time, steps),
        });

    private static HttpRequestMessage Get() => new(HttpMethod.Get, "https://tenant.example.com/api/v2/resource-servers");

    /// <summary>What the handler measured, on the <c>Auth0ApiKit</c> meter: instrument, value and <c>error.type</c>.</summary>
    private List<(string Instrument, double Value, string? ErrorType)> Measurements() =>
        _meters.Measurements.Where(m => m.Meter == "Auth0ApiKit").Select(m => (m.Instrument, m.Value, m.Tags.GetValueOrDefault("error.type") as string)).ToList();
}
