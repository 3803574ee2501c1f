using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Tests.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.AspNetCore.Tests;

/// <summary>Each kind of bad token gets a 401, and JwtBearer reports the check that refused it.</summary>
public sealed class RejectedTokenTests : IAsyncLifetime
{
    /// <summary>One RSA key for two tenants, so that only the issuer tells their tokens apart. Made once (about 100 ms).</summary>
    private static readonly Lazy<FakeSigningKey> SharedKey = new(() => FakeSigningKey.Generate("shared-key"));

    private Scenario _scenario = null!;

    private ProtectedApi App => _scenario.App;

    public async Task InitializeAsync() =>
        _scenario = await Scenario.StartAsync(TestApis.Rs256, tenantOptions: o => o.SigningKey = SharedKey.Value);

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task A_request_without_a_token_is_challenged()
    {
        using var response = await App.GetAsync("/me", token: null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be("Bearer");
        App.Failures.Should().BeEmpty("there was no token to reject");
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30")]
    public async Task Garbage_is_refused_as_malformed(string token)
    {
        await ExpectRejection<SecurityTokenMalformedException>(token);
    }

    [Fact]
    public async Task An_expired_token_is_refused_once_the_fake_clock_passes_expiry_and_skew()
    {
        var token = _scenario.Token();

        _scenario.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));

        var response = await ExpectRejection<SecurityTokenExpiredException>(token);
        response.Headers.WwwAuthenticate.ToString().Should().Contain("invalid_token").And.Contain("expired");
    }

    [Fact]
    public async Task A_token_issued_in_the_future_is_not_valid_yet()
    {
        var ahead = _scenario.Clock.Ahead(TimeSpan.FromMinutes(5));
        var tenant = TestTenant.New(o => { o.Domain = _scenario.Tenant.Domain; o.TimeProvider = ahead; o.SigningKey = SharedKey.Value; });
        tenant.Apis.Add(_scenario.Api);
        var worker = tenant.Applications.AddMachineToMachine("early-bird");

        await ExpectRejection<SecurityTokenNotYetValidException>(tenant.Tokens.ForApplication(worker.ClientId, TestApis.Identifier, ["read:orders"]).Value);
    }

    [Fact]
    public async Task A_token_for_another_api_of_the_tenant_is_refused_for_its_audience()
    {
        var billing = _scenario.Tenant.Apis.Add(Api.Define("Billing").WithIdentifier("https://billing.example.com").Build());

        var token = _scenario.Tenant.Tokens.ForApplication(_scenario.Worker.ClientId, billing.Identifier, []).Value;

        await ExpectRejection<SecurityTokenInvalidAudienceException>(token);
    }

    [Fact]
    public async Task A_token_for_the_api_identifier_with_a_trailing_slash_is_refused_for_its_audience()
    {
        var payload = Jwt.Payload(_scenario.Token());
        payload["aud"] = TestApis.Identifier + "/";

        await ExpectRejection<SecurityTokenInvalidAudienceException>(SignAsTenant(Jwt.HeaderText(_scenario.Token()), payload.ToJsonString()));
    }

    [Fact]
    public async Task A_token_of_another_tenant_is_refused_for_its_issuer_even_when_signed_with_the_same_key()
    {
        var other = TestTenant.New(o => { o.TimeProvider = _scenario.Clock; o.SigningKey = SharedKey.Value; });
        other.Apis.Add(_scenario.Api);
        var worker = other.Applications.AddMachineToMachine("intruder");

        var response = await ExpectRejection<SecurityTokenInvalidIssuerException>(other.Tokens.ForApplication(worker.ClientId, TestApis.Identifier, ["read:orders"]).Value);
        response.Headers.WwwAuthenticate.ToString().Should().Contain("issuer");
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused_before_any_key_is_fetched()
    {
        var token = Jwt.Encode("""{"alg":"none","typ":"JWT"}""") + "." + _scenario.Token().Split('.')[1] + ".";

        await ExpectRejection<SecurityTokenInvalidAlgorithmException>(token);
        _scenario.JwksFetches.Should().Be(0);
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("jwk")]
    public async Task An_hs256_token_signed_with_the_tenants_public_key_as_secret_is_refused(string keyForm)
    {
        var jwk = _scenario.Tenant.Tokens.CurrentSigningKey.ToPublicJwkJson();
        using var rsa = PublicRsaOf(jwk);
        var secret = Encoding.UTF8.GetBytes(keyForm == "pem" ? rsa.ExportSubjectPublicKeyInfoPem() : jwk);
        var header = $$"""{"alg":"HS256","typ":"JWT","kid":"{{_scenario.Tenant.Tokens.CurrentSigningKey.KeyId}}"}""";

        await ExpectRejection<SecurityTokenInvalidAlgorithmException>(Jwt.Forge(header, Jwt.PayloadText(_scenario.Token()), Jwt.Hs256(secret)));
    }

    [Fact]
    public async Task A_tampered_payload_is_refused_for_its_signature()
    {
        var token = _scenario.Token("read:orders");
        var payload = Jwt.Payload(token);
        payload["scope"] = "read:orders write:orders delete:orders";

        await ExpectRejection<SecurityTokenInvalidSignatureException>(Jwt.WithPayload(token, payload.ToJsonString()));
    }

    [Theory]
    [InlineData("""{"alg":"RS256","typ":"JWT","kid":"not-a-tenant-key"}""")]
    [InlineData("""{"alg":"RS256","typ":"JWT"}""")]
    public async Task A_token_signed_by_the_tenants_own_key_under_an_unknown_or_no_kid_is_refused(string header)
    {
        // The signature would verify with the tenant's key: only choosing keys by kid alone refuses it.
        await ExpectRejection<SecurityTokenSignatureKeyNotFoundException>(SignAsTenant(header, Jwt.PayloadText(_scenario.Token())));
    }

    [Fact]
    public async Task A_plain_jwt_is_refused_by_an_rfc9068_api_for_its_type()
    {
        await using var rfc9068 = await Scenario.StartAsync(TestApis.Rfc9068WithPermissions, tenantOptions: o => o.SigningKey = SharedKey.Value);
        var token = rfc9068.Token();
        var plain = SignAsTenant("""{"alg":"RS256","typ":"JWT","kid":"shared-key"}""", Jwt.PayloadText(token), rfc9068.Tenant);

        using var accepted = await rfc9068.App.GetAsync("/me", token);
        using var refused = await rfc9068.App.GetAsync("/me", plain);

        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        rfc9068.App.Failures.Should().ContainSingle().Which.Should().BeOfType<SecurityTokenInvalidTypeException>();
    }

    [Theory]
    [InlineData(nameof(TestApis.Hs256))]
    [InlineData(nameof(TestApis.Hs256ShortSecret))]
    public async Task An_hs256_api_refuses_another_secret_and_rs256_tokens(string api)
    {
        await using var hs256 = await Scenario.StartAsync(TestApis.ByName(api));
        var token = hs256.Token();
        var otherSecret = Jwt.Forge(Jwt.HeaderText(token), Jwt.PayloadText(token), Jwt.Hs256("another-secret-of-some-length"));
        var rs256 = SignAsTenant("""{"alg":"RS256","typ":"JWT","kid":"shared-key"}""", Jwt.PayloadText(token));

        using var wrongSecret = await hs256.App.GetAsync("/me", otherSecret);
        using var wrongAlgorithm = await hs256.App.GetAsync("/me", rs256);

        wrongSecret.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        wrongAlgorithm.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        hs256.App.Failures.Should().HaveCount(2);
        hs256.App.Failures.First().Should().BeAssignableTo<SecurityTokenInvalidSignatureException>("no secret of the API verifies it");
        hs256.App.Failures.Last().Should().BeOfType<SecurityTokenInvalidAlgorithmException>();
    }

    [Fact]
    public async Task The_clock_skew_is_configurable()
    {
        await using var strict = await Scenario.StartAsync(TestApis.Rs256, o => o.Validation.ClockSkew = TimeSpan.Zero);
        var token = strict.Token();

        strict.Clock.Advance(TimeSpan.FromHours(1));
        using var response = await strict.App.GetAsync("/me", token);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        strict.App.Failures.Should().ContainSingle().Which.Should().BeOfType<SecurityTokenExpiredException>();
    }

    [Fact]
    public async Task Neither_tokens_nor_keys_show_in_logs_or_challenges()
    {
        var valid = _scenario.Token("read:orders");
        var payload = Jwt.Payload(valid);
        payload["scope"] = "delete:orders";
        string[] tokens =
        [
            Jwt.WithPayload(valid, payload.ToJsonString()),
            SignAsTenant("""{"alg":"RS256","typ":"JWT","kid":"unknown"}""", Jwt.PayloadText(valid)),
            Jwt.Forge("""{"alg":"HS256","typ":"JWT"}""", Jwt.PayloadText(valid), Jwt.Hs256("attacker-secret-of-some-length")),
            valid[..^3] + "AAA",
            valid,
        ];

        var challenges = new List<string>();
        foreach (var token in tokens)
        {
            using var response = await App.GetAsync("/me", token);
            challenges.Add(response.Headers.WwwAuthenticate.ToString());
        }

        _scenario.Clock.Advance(TimeSpan.FromDays(1));
        using (var expired = await App.GetAsync("/me", valid))
        {
            challenges.Add(expired.Headers.WwwAuthenticate.ToString());
        }

        var logs = App.Logs.GetSnapshot();
        logs.Should().Contain(r => r.Exception != null, "the rejections are logged");
        var texts = logs.Select(r => r.Message + " " + r.Exception).Concat(challenges).ToList();
        string[] forbidden = [valid.Split('.')[2][..20], valid.Split('.')[1][..20], "attacker-secret", ModulusOf(_scenario.Tenant.Tokens.CurrentSigningKey.ToPublicJwkJson())[..20]];
        foreach (var text in texts)
        {
            text.Should().NotContainAny(forbidden);
        }
    }

    private async Task<HttpResponseMessage> ExpectRejection<TException>(string token) where TException : Exception
    {
        var response = await App.GetAsync("/me", token);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        App.Failures.Should().ContainSingle().Which.Should().BeOfType<TException>();
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer").And.NotContain(token);
        return response;
    }

    private string SignAsTenant(string header, string payload, FakeTenant? tenant = null)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem((tenant ?? _scenario.Tenant).Tokens.CurrentSigningKey.ExportPrivateKeyPem());
        return Jwt.Forge(header, payload, Jwt.Rs256(rsa));
    }

    private static RSA PublicRsaOf(string jwk)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars(ModulusOf(jwk)),
            Exponent = Base64Url.DecodeFromChars(JwkMember(jwk, "e")),
        });
        return rsa;
    }

    private static string ModulusOf(string jwk) => JwkMember(jwk, "n");

    private static string JwkMember(string jwk, string name)
    {
        using var document = JsonDocument.Parse(jwk);
        return document.RootElement.GetProperty(name).GetString()!;
    }
}
