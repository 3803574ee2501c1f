using System.Diagnostics.Metrics;
using System.Net;
using Auth0ApiKit.Management;
using Auth0ApiKit.Resilience;
using Microsoft.Extensions.Time.Testing;
using static Auth0ApiKit.Tests.Resilience.ScriptedHandler;

namespace Auth0ApiKit.Tests.Resilience;

/// <summary>The meter is process-wide, so these tests run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(ResilienceMetricsTests), DisableParallelization = true)]
public sealed class ResilienceMetricsRunAlone;

[Collection(nameof(ResilienceMetricsTests))]
public sealed class ResilienceMetricsTests : IDisposable
{
    private readonly FakeTimeProvider _time = TestClock.Fixed();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, string? ErrorType)> _measurements = [];

    public ResilienceMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Auth0ApiKit")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Counts_retries_and_their_waits_by_cause()
    {
        using var client = Client(Answer(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "2")), Answer(HttpStatusCode.ServiceUnavailable), Answer(HttpStatusCode.OK));

        using var response = await _time.DriveAsync(client.SendAsync(Get(), default), TimeSpan.FromMilliseconds(100));

        _measurements.Should().BeEquivalentTo(new[]
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
        _measurements.Should().Equal(("auth0apikit.http.client.rate_limit_rejections", 1.0, "429"));
    }

    private HttpMessageInvoker Client(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] steps) =>
        new(new Auth0ResilienceHandler(new Auth0ResilienceOptions { Jitter = () => 0.5 }, _time) { InnerHandler = new ScriptedHandler(_time, steps) });

    private static HttpRequestMessage Get() => new(HttpMethod.Get, "https://tenant.example.com/api/v2/resource-servers");

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? errorType = null;
        foreach (var tag in tags)
        {
            errorType = tag.Key == "error.type" ? tag.Value as string : errorType;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, errorType));
        }
    }
}
