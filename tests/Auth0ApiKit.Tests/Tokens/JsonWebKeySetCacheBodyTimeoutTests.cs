using System.Net;
using System.Net.Sockets;
using System.Text;
using Auth0ApiKit.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.Tests.Tokens;

/// <summary>A JWKS response whose headers arrive and whose body then stalls still ends within the fetch timeout.</summary>
public sealed class JsonWebKeySetCacheBodyTimeoutTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FetchTimeout = new JsonWebKeySetCacheOptions().FetchTimeout;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_that_stalls_after_the_headers_ends_the_fetch_within_the_fetch_timeout(bool honoursCancellation)
    {
        using var tenant = new TestTenant();
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
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = HeadersThenNothingAsync(listener);
        var time = new FakeTimeProvider(TestTenant.Start);
        using var headersRead = new HeadersSignal(new SocketsHttpHandler());
        using var httpClient = new HttpClient(headersRead) { Timeout = Timeout.InfiniteTimeSpan };
        var cache = new JsonWebKeySetCache(httpClient, new Uri($"http://127.0.0.1:{port}/.well-known/jwks.json"), timeProvider: time);

        var lookup = cache.GetSigningKeyAsync("first-key").AsTask();
        await headersRead.Received.WaitAsync(Bounded);
        await AdvanceUntilDone(time, lookup);

        (await lookup).Should().BeNull();
        cache.LastFailure.Should().Be("no answer within 10 s");
        using var connection = await server.WaitAsync(Bounded);
    }

    /// <summary>Accepts one connection, reads the request head, answers 200 with a 5000 byte body and sends 9 bytes of it.</summary>
    private static async Task<TcpClient> HeadersThenNothingAsync(TcpListener listener)
    {
        var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[1024];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"keys\":["));
        return client;
    }

    /// <summary>Advances the clock a second at a time while <paramref name="pending"/> runs, for at most the fetch timeout; then it must end.</summary>
    private static async Task AdvanceUntilDone(FakeTimeProvider time, Task pending)
    {
        var advanced = TimeSpan.Zero;
        while (!pending.IsCompleted && advanced < FetchTimeout)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
        }

        await pending.WaitAsync(Bounded);
    }

    /// <summary>Completes <see cref="Received"/> once a response's headers have arrived.</summary>
    private sealed class HeadersSignal(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Received => _received.Task;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            _received.TrySetResult();
            return response;
        }
    }
}
