using Auth0ApiKit.Management;
using Auth0ApiKit.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.Tests.Http;

/// <summary>
/// Reading an answer's body stays inside the attempt and total time-outs, and a body that breaks off or says
/// something impossible is an <see cref="Auth0Exception"/>. Over real sockets: the headers arrive, then the body stalls
/// or the connection closes. The clock moves only once the headers have arrived, and then by exactly the time-out, so
/// a time-out that stops at the headers cannot pass these tests.
/// </summary>
public sealed class ResponseBodyTests
{
    private const string StalledJsonHead =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\nConnection: close\r\n\r\n";

    private const string StalledErrorHead =
        "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 400\r\nConnection: close\r\n\r\n";

    [Theory]
    [InlineData(StalledJsonHead, "{\"identifier\":\"https://orders.exa")]
    [InlineData(StalledErrorHead, "{\"statusCode\":400,\"error\":\"Bad Re")]
    public async Task A_stalled_Management_API_body_times_out_within_the_attempt_time_out(string head, string bodyStart)
    {
        await using var tenant = LoopbackServer.Stalling(head, bodyStart);
        using var scenario = new StallScenario(tenant, new Auth0ResilienceOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(2), TotalTimeout = null });

        var call = scenario.Client.Apis.GetAsync("https://orders.example.com");
        await scenario.HeadersArrived.Within();
        await scenario.AdvanceAndAwaitFailureAsync(call, TimeSpan.FromSeconds(2));

        scenario.Failure.Should().BeOfType<Auth0TimeoutException>();
    }

    [Fact]
    public async Task A_stalled_body_times_out_within_the_total_time_out()
    {
        await using var tenant = LoopbackServer.Stalling(StalledJsonHead, "[");
        using var scenario = new StallScenario(tenant, new Auth0ResilienceOptions
        {
            MaxRetries = 0,
            AttemptTimeout = null,
            TotalTimeout = TimeSpan.FromSeconds(4),
        });

        var call = scenario.Client.Apis.GetAsync("https://orders.example.com");
        await scenario.HeadersArrived.Within();
        await scenario.AdvanceAndAwaitFailureAsync(call, TimeSpan.FromSeconds(4));

        scenario.Failure.Should().BeOfType<Auth0TimeoutException>();
    }

    [Fact]
    public async Task A_stalled_token_endpoint_body_times_out_within_the_attempt_time_out()
    {
        await using var tenant = LoopbackServer.Stalling(StalledJsonHead, "{\"access_token\":\"eyJ");
        using var scenario = new StallScenario(tenant, new Auth0ResilienceOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(3) },
            withClientCredentials: true);

        var call = scenario.Client.Tokens.GetTokenAsync(scenario.Client.Urls.ManagementApiAudience).AsTask();
        await scenario.HeadersArrived.Within();
        await scenario.AdvanceAndAwaitFailureAsync(call, TimeSpan.FromSeconds(3));

        scenario.Failure.Should().BeOfType<Auth0TimeoutException>();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_that_breaks_off_when_the_connection_closes_is_an_Auth0Exception(bool resilience)
    {
        await using var tenant = LoopbackServer.Answering(StalledJsonHead + "{\"identifier\":\"https://orders.example.com\",");
        using var scenario = new StallScenario(tenant, resilience ? new Auth0ResilienceOptions { MaxRetries = 0 } : null);

        var call = () => scenario.Client.Apis.GetAsync("https://orders.example.com").Within();

        var thrown = (await call.Should().ThrowAsync<Auth0Exception>()).Which;
        thrown.Should().NotBeOfType<Auth0TimeoutException>();
        thrown.Message.Should().Contain("GET");
    }

    [Theory]
    [InlineData("{\"access_token\":\"a.b.c\",\"token_type\":\"Bearer\",\"expires_in\":99999999999999}")]
    [InlineData("{\"access_token\":\"a.b.c\",\"token_type\":\"Bearer\",\"expires_in\":0}")]
    [InlineData("{\"access_token\":\"a.b.c\",\"token_type\":\"Bearer\",\"expires_in\":-5}")]
    [InlineData("{\"access_token\":\"a.b.c\",\"token_type\":\"Bearer\"}")]
    public async Task A_token_answer_with_an_impossible_expires_in_is_a_protocol_error(string body)
    {
        await using var tenant = LoopbackServer.Answering(LoopbackServer.Json(200, "OK", body));
        using var scenario = new StallScenario(tenant, new Auth0ResilienceOptions { MaxRetries = 0 }, withClientCredentials: true);

        var call = () => scenario.Client.Tokens.GetTokenAsync(scenario.Client.Urls.ManagementApiAudience).AsTask().Within();

        (await call.Should().ThrowAsync<Auth0Exception>()).Which.Message.Should().Contain("expires_in");
    }

    /// <summary>A management client over a loopback server on a fake clock, whose transport says when an answer's headers arrived.</summary>
    private sealed class StallScenario : IDisposable
    {
        private readonly HeadersSignal _headers = new(new SocketsHttpHandler { AllowAutoRedirect = false });
        private readonly FakeTimeProvider _time = TestClock.Fixed();

        public StallScenario(LoopbackServer tenant, Auth0ResilienceOptions? resilience, bool withClientCredentials = false)
        {
            Client = new Auth0ManagementClient(new Auth0ManagementClientOptions
            {
                Issuer = tenant.BaseAddress.ToString(),
                ClientId = withClientCredentials ? "stall-test-client" : null,
                ClientSecret = withClientCredentials ? "stall-test-secret-0123456789" : null,
                AccessToken = withClientCredentials ? null : "a-static-management-token",
                Resilience = resilience,
                TimeProvider = _time,
                Transport = _headers,
            });
        }

        public Auth0ManagementClient Client { get; }

        /// <summary>Completes when the first answer's headers have arrived.</summary>
        public Task HeadersArrived => _headers.Received;

        public Exception? Failure { get; private set; }

        /// <summary>Moves the clock by <paramref name="timeout"/> at once, then waits (bounded) for <paramref name="call"/> to fail.</summary>
        public async Task AdvanceAndAwaitFailureAsync(Task call, TimeSpan timeout)
        {
            _time.AdvanceWithoutContext(timeout);
            try
            {
                await call.WaitAsync(Bound);
            }
#pragma warning disable CA1031 // The test inspects whatever the call threw.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Failure = e;
            }
        }

        public void Dispose()
        {
            Client.Dispose();
            _headers.Dispose();
        }
    }
}
