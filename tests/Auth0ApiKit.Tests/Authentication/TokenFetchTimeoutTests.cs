using System.Net;
using System.Text;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Tests.Authentication;

public class TokenFetchTimeoutTests
{
    /// <summary>A token endpoint that hangs until cancelled, or answers once told to.</summary>
    private sealed class HangingEndpoint : HttpMessageHandler
    {
        public volatile bool Answer;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!Answer)
            {
                var hang = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (cancellationToken.Register(() => hang.TrySetCanceled(cancellationToken)))
                {
                    return await hang.Task;
                }
            }

            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"access_token":"tok","expires_in":86400,"token_type":"Bearer"}""", Encoding.UTF8, "application/json"),
            };
        }
    }

    [Fact]
    public async Task A_hung_fetch_ends_at_the_fetch_timeout_and_the_next_caller_fetches_anew()
    {
        var clock = TestClock.Fixed();
        var endpoint = new HangingEndpoint();
        using var http = new HttpClient(endpoint) { Timeout = Timeout.InfiniteTimeSpan };
        var tenant = TenantUrls.ForDomain("hang.auth0.test");
        var provider = new ClientCredentialsTokenProvider(tenant, new Auth0TokenClient(tenant, http, new Auth0TokenClientOptions { TimeProvider = clock }),
            new ClientCredentials("client", new Secret("secret")), new AccessTokenCacheOptions { FetchTimeout = TimeSpan.FromSeconds(30), TimeProvider = clock });

        var first = clock.RunAsync(() => provider.GetTokenAsync("https://api.example.com").AsTask(), TimeSpan.FromSeconds(1), maxSteps: 100);

        await first.Invoking(t => t.WaitAsync(Bound)).Should().ThrowAsync<Auth0TimeoutException>().WithMessage("*FetchTimeout*");
        endpoint.Answer = true;
        var second = await provider.GetTokenAsync("https://api.example.com").AsTask().WaitAsync(Bound);
        second.Value.Reveal().Should().Be("tok");
    }

    [Fact]
    public void The_fetch_timeout_is_checked()
    {
        var act = () => new ClientCredentialsTokenProvider(TenantUrls.ForDomain("x.auth0.test"),
            new Auth0TokenClient(TenantUrls.ForDomain("x.auth0.test"), new HttpClient()), new ClientCredentials("c", new Secret("s")),
            new AccessTokenCacheOptions { FetchTimeout = TimeSpan.Zero });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*FetchTimeout*");
    }
}
