using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Tests.Tokens;

/// <summary>
/// Fake tenants share one RSA key per process, each under its own key id: sharing does no RSA work, many threads sign
/// with the one RSA object at once, and a tenant that never needs RS256 never touches it.
/// </summary>
public sealed class SharedSigningKeyTests
{
    private const string Identifier = "https://orders.example.com";
    private static readonly TenantUrls Urls = TenantUrls.ForDomain("dev-abc.us.auth0.com");

    [Fact]
    public void A_shared_key_publishes_the_same_public_key_and_certificate_under_its_own_key_id()
    {
        using var shared = TestKeys.First.ShareUnderKeyId("tenant-b");

        var owner = JsonNode.Parse(TestKeys.First.ToPublicJwkJson())!.AsObject();
        var jwk = JsonNode.Parse(shared.ToPublicJwkJson())!.AsObject();

        jwk["kid"]!.GetValue<string>().Should().Be("tenant-b");
        foreach (var field in new[] { "n", "e", "x5t" })
        {
            jwk[field]!.GetValue<string>().Should().Be(owner[field]!.GetValue<string>(), "{0} is a function of the key alone", field);
        }

        jwk["x5c"]!.ToJsonString().Should().Be(owner["x5c"]!.ToJsonString());
        shared.KeySize.Should().Be(TestKeys.First.KeySize);
    }

    [Fact]
    public void A_token_signed_under_a_shared_key_id_names_that_id_and_verifies_with_the_owners_public_key()
    {
        using var shared = TestKeys.First.ShareUnderKeyId("tenant-b");
        var issuer = new AccessTokenIssuer(Urls, new SigningKeySet(shared), TestClock.Fixed());

        var token = issuer.Issue(Rs256Api(), AccessTokenRequest.ForApplication("client", ["read:orders"])).Value;

        Jwt.HeaderText(token).Should().Be("""{"alg":"RS256","typ":"JWT","kid":"tenant-b"}""");
        using var rsa = TestKeys.RsaOf(TestKeys.First);
        Verifies(rsa, token).Should().BeTrue();
    }

    [Fact]
    public void Many_threads_signing_with_one_rsa_object_at_once_make_only_valid_signatures()
    {
        var signers = Enumerable.Range(0, 4).Select(i => TestKeys.Second.ShareUnderKeyId("share-" + i).Signer)
            .Append(TestKeys.Second.Signer).ToArray();
        var tokens = new ConcurrentBag<string>();

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var payload = Encoding.UTF8.GetBytes($$"""{"sub":"client-{{i}}@clients","n":{{i}}}""");
            tokens.Add(signers[i % signers.Length].CreateToken(payload, accessTokenJwtType: false));
        });

        using var rsa = TestKeys.RsaOf(TestKeys.Second);
        tokens.Should().HaveCount(400).And.OnlyHaveUniqueItems();
        tokens.Where(t => !Verifies(rsa, t)).Should().BeEmpty("one RSA object signs correctly from many threads at once");
    }

    [Fact]
    public void Disposing_a_shared_key_leaves_the_owner_working_and_disposing_the_owner_ends_its_shares()
    {
        var owner = TenantSigningKey.FromPem(TestKeys.First.ExportPrivateKeyPem(), "owner");
        var first = owner.ShareUnderKeyId("first");
        var second = first.ShareUnderKeyId("second");

        first.Dispose();
        first.Invoking(k => k.Signer).Should().Throw<ObjectDisposedException>();
        owner.Signer.CreateToken("{}"u8, accessTokenJwtType: false).Should().NotBeEmpty();
        second.Signer.CreateToken("{}"u8, accessTokenJwtType: false).Should().NotBeEmpty();

        owner.Dispose();
        second.Invoking(k => k.Signer).Should().Throw<ObjectDisposedException>("the owner's RSA object is gone");
        second.Invoking(k => k.ToPublicJwkJson()).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void A_lazy_key_set_makes_its_first_key_only_when_an_rs256_token_or_the_jwks_needs_it()
    {
        var made = 0;
        var keys = new SigningKeySet(() =>
        {
            Interlocked.Increment(ref made);
            return TestKeys.First.ShareUnderKeyId("lazy");
        });
        var issuer = new AccessTokenIssuer(Urls, keys, TestClock.Fixed());
        var hs256 = Api.Define("Legacy").WithIdentifier("https://legacy.example.com").SignedWith(SigningAlgorithm.HS256)
            .WithSigningSecret(Secret.Generate()).Build();

        issuer.Issue(hs256, AccessTokenRequest.ForApplication("client"));
        made.Should().Be(0, "an HS256 token needs no RSA key");

        issuer.Issue(Rs256Api(), AccessTokenRequest.ForApplication("client"));
        keys.ToJwksJson().Should().Contain("\"kid\":\"lazy\"");
        keys.Current!.KeyId.Should().Be("lazy");
        made.Should().Be(1, "the first key is made once");
    }

    [Fact]
    public void A_lazy_key_set_rotates_and_revokes_like_one_made_with_its_key()
    {
        var keys = new SigningKeySet(() => TestKeys.First);

        keys.Rotate(TestKeys.Second);
        keys.PublishedKeys.Select(k => k.KeyId).Should().Equal("second-key", "first-key");
        keys.Revoke().Should().BeSameAs(TestKeys.First);
        keys.PublishedKeys.Select(k => k.KeyId).Should().Equal("second-key");
    }

    private static ApiDefinition Rs256Api() => Api.Define("Orders API").WithIdentifier(Identifier).Build();

    private static bool Verifies(RSA rsa, string token)
    {
        var lastDot = token.LastIndexOf('.');
        return rsa.VerifyData(Encoding.ASCII.GetBytes(token[..lastDot]), Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1)),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
