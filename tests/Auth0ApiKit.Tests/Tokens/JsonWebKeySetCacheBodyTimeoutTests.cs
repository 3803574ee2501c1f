using Auth0ApiKit.Tests.Http;
using Auth0ApiKit.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.Tests.Tokens;

/// <summary>A JWKS response whose headers arrive and whose body then stalls still ends within the fetch timeout.</summary>
public sealed class JsonWebKeySetCacheBodyTimeoutTests
{
    private static readonly TimeSpan FetchTimeout = new JsonWebKeySetCacheOptions().FetchTimeout;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_that_stalls_after_the_headers_ends_the_fetch_within_the_fetch_timeout(bool honoursCancellation)
    {
        using var tenant = new ValidationTenant();
        using var body = new StalledStream(honoursCancellation);
        tenant.Jwks.ServeBody(new StreamContent(body));

        var lookup = tenant.Cache.GetSigningKeyAsync("first-key").AsTask();
        await AdvanceUntilDone(tenant.Time, lookup);

        (await lookup).Should().BeNull();
        tenant.Cache.LastFailure.Should().Be("no answer within 10 s");
    }

    [Fact]
    public async Task A_body_that_stalls_on_a_real_socket_ends_the_fetch_within_the_fetch_timeout()
    {
        await using var server = LoopbackServer.Stalling("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n", "{\"keys\":[");
        var time = TestClock.Fixed();
        using var headersRead = new HeadersSignal(new SocketsHttpHandler());
        using var httpClient = new HttpClient(headersRead) { Timeout = Timeout.InfiniteTimeSpan };
        var cache = new JsonWebKeySetCache(httpClient, new Uri(server.BaseAddress, ".well-known/jwks.json"), new JsonWebKeySetCacheOptions { TimeProvider = time });

        var lookup = cache.GetSigningKeyAsync("first-key").AsTask();
        await headersRead.Received.WaitAsync(Bound);
        await AdvanceUntilDone(time, lookup);

        (await lookup).Should().BeNull();
        cache.LastFailure.Should().Be("no answer within 10 s");
    }

    /// <summary>Drives the clock a second at a time while <paramref name="pending"/> runs, for at most the fetch timeout; then it must end.</summary>
    private static Task<T> AdvanceUntilDone<T>(FakeTimeProvider time, Task<T> pending) =>
        time.DriveAsync(pending, TimeSpan.FromSeconds(1), maxSteps: (int)FetchTimeout.TotalSeconds);
}
