using System.Text;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Tests.Tokens;

/// <summary>Auth0 never redirects its key set: keys are taken only from the JWKS URL itself.</summary>
public sealed class JsonWebKeySetCacheRedirectTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Keys_behind_a_redirect_to_another_host_are_refused_naming_the_target(bool handlerFollowsRedirects)
    {
        using var jwks = new LoopbackHttp();
        using var elsewhere = new LoopbackHttp();
        var redirect = jwks.AnswerAsync($"HTTP/1.1 302 Found\r\nLocation: {elsewhere.Origin}/keys?token=abc\r\nContent-Length: 0\r\n\r\n");
        var keys = new SigningKeySet(TestKeys.First).ToJwksJson();
        var keySet = handlerFollowsRedirects
            ? elsewhere.AnswerAsync($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(keys)}\r\n\r\n{keys}")
            : null;
        using var httpClient = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = handlerFollowsRedirects });
        var cache = new JsonWebKeySetCache(httpClient, new Uri(jwks.Origin + "/.well-known/jwks.json"));

        var key = await cache.GetSigningKeyAsync("first-key").AsTask().WaitAsync(Bounded);

        key.Should().BeNull();
        cache.KeyIds.Should().BeEmpty();
        cache.LastFailure.Should().Contain(elsewhere.Origin).And.Contain("never redirects").And.NotContain("token=abc");
        if (!handlerFollowsRedirects)
        {
            cache.LastFailure.Should().Contain("302");
        }

        using var first = await redirect.WaitAsync(Bounded);
        using var second = keySet is null ? null : await keySet.WaitAsync(Bounded);
    }
}
