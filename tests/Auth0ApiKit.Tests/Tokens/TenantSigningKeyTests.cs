using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Auth0ApiKit.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.Tests.Tokens;

public class TenantSigningKeyTests
{
    [Fact]
    public void The_public_jwk_has_the_fields_auth0_publishes_and_no_private_ones()
    {
        var jwk = JsonNode.Parse(TestKeys.First.ToPublicJwkJson())!.AsObject();

        jwk.Select(p => p.Key).Should().Equal("alg", "kty", "use", "n", "e", "kid", "x5t", "x5c");
        jwk["alg"]!.GetValue<string>().Should().Be("RS256");
        jwk["kty"]!.GetValue<string>().Should().Be("RSA");
        jwk["use"]!.GetValue<string>().Should().Be("sig");
        jwk["e"]!.GetValue<string>().Should().Be("AQAB");
        jwk["kid"]!.GetValue<string>().Should().Be("first-key");
    }

    [Fact]
    public void The_certificate_is_self_signed_holds_the_same_public_key_and_x5t_is_its_sha1_thumbprint()
    {
        var jwk = JsonNode.Parse(TestKeys.First.ToPublicJwkJson())!.AsObject();
        var der = Convert.FromBase64String(jwk["x5c"]![0]!.GetValue<string>());
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        using var publicKey = certificate.GetRSAPublicKey()!;
        var parameters = publicKey.ExportParameters(false);

        Base64Url.EncodeToString(parameters.Modulus).Should().Be(jwk["n"]!.GetValue<string>());
        certificate.Subject.Should().Be(certificate.Issuer);
        jwk["x5t"]!.GetValue<string>().Should().Be(Base64Url.EncodeToString(certificate.GetCertHash()));
    }

    [Fact]
    public void Without_a_key_id_the_key_id_is_the_rfc7638_thumbprint()
    {
        using var key = TenantSigningKey.FromPem(TestKeys.First.ExportPrivateKeyPem());
        var reference = key.CreatePublicSecurityKey();

        key.KeyId.Should().Be(Base64UrlEncoder.Encode(reference.ComputeJwkThumbprint()));
    }

    [Fact]
    public void The_same_key_loaded_twice_publishes_the_same_jwk()
    {
        var pem = TestKeys.First.ExportPrivateKeyPem();
        using var once = TenantSigningKey.FromPem(pem, "first-key");
        using var again = TenantSigningKey.FromPem(pem, "first-key");

        again.ToPublicJwkJson().Should().Be(once.ToPublicJwkJson()).And.Be(TestKeys.First.ToPublicJwkJson());
    }

    [Fact]
    public void A_pkcs1_pem_with_a_certificate_before_it_loads()
    {
        using var rsa = TestKeys.RsaOf(TestKeys.First);
        var jwk = JsonNode.Parse(TestKeys.First.ToPublicJwkJson())!.AsObject();
        var pem = "-----BEGIN CERTIFICATE-----\n" + jwk["x5c"]![0]!.GetValue<string>() + "\n-----END CERTIFICATE-----\n" + rsa.ExportRSAPrivateKeyPem();

        using var key = TenantSigningKey.FromPem(pem, "k");

        key.CreatePublicSecurityKey().Parameters.Modulus.Should().Equal(rsa.ExportParameters(false).Modulus);
    }

    [Fact]
    public void A_private_jwk_loads_with_its_kid()
    {
        using var rsa = TestKeys.RsaOf(TestKeys.First);
        var p = rsa.ExportParameters(true);
        var json = new JsonObject
        {
            ["kty"] = "RSA", ["kid"] = "from-jwk", ["use"] = "sig",
            ["n"] = Base64Url.EncodeToString(p.Modulus), ["e"] = Base64Url.EncodeToString(p.Exponent),
            ["d"] = Base64Url.EncodeToString(p.D), ["p"] = Base64Url.EncodeToString(p.P), ["q"] = Base64Url.EncodeToString(p.Q),
            ["dp"] = Base64Url.EncodeToString(p.DP), ["dq"] = Base64Url.EncodeToString(p.DQ), ["qi"] = Base64Url.EncodeToString(p.InverseQ),
        }.ToJsonString();

        using var key = TenantSigningKey.FromJwk(json);

        key.KeyId.Should().Be("from-jwk");
        key.KeySize.Should().Be(2048);
        key.ExportPrivateKeyPem().Should().Be(rsa.ExportPkcs8PrivateKeyPem());
    }

    [Theory]
    [InlineData("{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}", "missing")]
    [InlineData("{\"kty\":\"EC\",\"crv\":\"P-256\"}", "not an RSA key")]
    [InlineData("{\"kty\":\"RSA\",\"use\":\"enc\"}", "not a signing key")]
    [InlineData("not json", "not a valid JSON object")]
    public void A_jwk_that_is_no_rsa_private_signing_key_is_refused(string json, string reason)
    {
        var act = () => TenantSigningKey.FromJwk(json);

        act.Should().Throw<ArgumentException>().WithParameterName("jwkJson").Which.Message.Should().Contain(reason);
    }

    [Fact]
    public void A_pem_without_a_private_key_is_refused_without_quoting_it()
    {
        using var rsa = TestKeys.RsaOf(TestKeys.First);
        var publicPem = rsa.ExportSubjectPublicKeyInfoPem();

        var act = () => TenantSigningKey.FromPem(publicPem);

        var thrown = act.Should().Throw<ArgumentException>().WithParameterName("privateKeyPem").Which;
        thrown.Message.Should().Contain("no PEM-encoded RSA private key").And.NotContain(publicPem[30..60]);
    }

    [Fact]
    public void An_encrypted_pem_is_refused_with_a_hint()
    {
        using var rsa = TestKeys.RsaOf(TestKeys.First);
        var encrypted = rsa.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1));

        var act = () => TenantSigningKey.FromPem(encrypted);

        act.Should().Throw<ArgumentException>().WithMessage("*encrypted*");
    }

    [Fact]
    public void A_key_under_2048_bits_is_refused()
    {
        using var small = RSA.Create(1024);

        var act = () => TenantSigningKey.FromPem(small.ExportPkcs8PrivateKeyPem());

        act.Should().Throw<ArgumentException>().WithMessage("*1024 bits*at least 2048*");
    }

    [Fact]
    public void An_ec_private_key_is_refused()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var act = () => TenantSigningKey.FromPem(ec.ExportPkcs8PrivateKeyPem());

        act.Should().Throw<ArgumentException>().WithMessage("*not an RSA private key*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\nkid")]
    public void A_bad_key_id_is_refused(string value)
    {
        var act = () => TenantSigningKey.FromPem(TestKeys.First.ExportPrivateKeyPem(), value);

        act.Should().Throw<ArgumentException>().WithParameterName("keyId");
    }

    [Fact]
    public void ToString_names_the_key_without_key_material()
    {
        var text = TestKeys.First.ToString();

        text.Should().Be("RS256 signing key first-key (2048 bits)");
    }

    [Fact]
    public void A_disposed_key_can_no_longer_be_used()
    {
        var key = TenantSigningKey.FromPem(TestKeys.First.ExportPrivateKeyPem());
        key.Dispose();
        key.Dispose();

        key.Invoking(k => k.ExportPrivateKeyPem()).Should().Throw<ObjectDisposedException>();
        key.Invoking(k => k.ToPublicJwkJson()).Should().Throw<ObjectDisposedException>();
        key.Invoking(k => k.Signer).Should().Throw<ObjectDisposedException>();
    }
}
