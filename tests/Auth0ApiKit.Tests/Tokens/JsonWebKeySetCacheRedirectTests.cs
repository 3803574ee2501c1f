using Auth0ApiKit.Tests.Http;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Tests.Tokens;

/// <summary>Auth0 never redirects its key set: keys are taken only from the JWKS URL itself.</summary>
public sealed class JsonWebKeySetCacheRedirectTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Keys_behind_a_redirect_to_another_host_are_refused_naming_the_target(bool handlerFollowsRedirects)
    {
        var keys = new SigningKeySet(TestKeys.First).ToJwksJson();
        await using var elsewhere = LoopbackServer.Answering(LoopbackServer.Json(200, "OK", keys));
        await using var jwks = LoopbackServer.Answering(
            $"HTTP/1.1 302 Found\r\nLocation: {elsewhere.Origin}/keys?token=abc\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var httpClient = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = handlerFollowsRedirects });
        var cache = new JsonWebKeySetCache(httpClient, new Uri(jwks.BaseAddress, ".well-known/jwks.json"),
            new JsonWebKeySetCacheOptions { TimeProvider = TestClock.Fixed() });

        var key = await cache.GetSigningKeyAsync("first-key").AsTask().WaitAsync(Bound);

        key.Should().BeNull();
        cache.KeyIds.Should().BeEmpty();
        cache.LastFailure.Should().Contain(elsewhere.Origin).And.Contain("never redirects").And.NotContain("token=abc");
        if (!handlerFollowsRedirects)
        {
            cache.LastFailure.Should().Contain("302");
        }

        elsewhere.Requests.Should().HaveCount(handlerFollowsRedirects ? 1 : 0);
    }
}
