using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Tokens;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.Tests.Tokens;

public class AccessTokenIssuerTests
{
    private const string Identifier = "https://orders.example.com";
    private const string ClientId = "k3p9Vw2ZbQeL8xT1mN4rS7uY0aC5dF6h";
    private static readonly DateTimeOffset Now = TestClock.Epoch;
    private static readonly TenantUrls Tenant = TenantUrls.ForDomain("dev-abc.us.auth0.com");

    private readonly FakeTimeProvider _time = TestClock.Fixed();
    private readonly AccessTokenIssuer _issuer;

    public AccessTokenIssuerTests() => _issuer = new AccessTokenIssuer(Tenant, new SigningKeySet(TestKeys.First), _time);

    [Fact]
    public void A_client_credentials_token_has_auth0s_header_and_claims_in_auth0s_order()
    {
        var api = Rs256Api().TokensExpireAfter(TimeSpan.FromHours(2)).Build();

        var issued = _issuer.Issue(api, AccessTokenRequest.ForApplication(ClientId, ["read:orders", "write:orders"]));

        Jwt.HeaderText(issued.Value).Should().Be("""{"alg":"RS256","typ":"JWT","kid":"first-key"}""");
        var iat = Now.ToUnixTimeSeconds();
        Jwt.PayloadText(issued.Value).Should().Be(
            $$"""{"iss":"https://dev-abc.us.auth0.com/","sub":"{{ClientId}}@clients","aud":"{{Identifier}}","iat":{{iat}},"exp":{{iat + 7200}},"azp":"{{ClientId}}","scope":"read:orders write:orders","gty":"client-credentials"}""");
    }

    [Fact]
    public void The_issued_token_reports_what_the_token_endpoint_would()
    {
        var issued = _issuer.Issue(Rs256Api().Build(), AccessTokenRequest.ForApplication(ClientId, ["read:orders"]));

        issued.TokenType.Should().Be("Bearer");
        issued.Audience.Should().Be(Identifier);
        issued.Subject.Should().Be(ClientId + "@clients");
        issued.IssuedAt.Should().Be(Now);
        issued.ExpiresAt.Should().Be(Now.AddSeconds(86400));
        issued.ExpiresIn.Should().Be(TimeSpan.FromSeconds(86400));
        issued.Scopes.Should().Equal("read:orders");
    }

    [Fact]
    public void A_token_without_scopes_has_no_scope_claim_and_never_an_nbf()
    {
        var issued = _issuer.Issue(Rs256Api().Build(), AccessTokenRequest.ForApplication(ClientId));

        Jwt.ClaimNames(issued.Value).Should().Equal("iss", "sub", "aud", "iat", "exp", "azp", "gty");
    }

    [Fact]
    public async Task The_rs256_signature_verifies_with_the_published_key_in_a_plain_jwt_library()
    {
        _time.SetUtcNow(TestClock.StartingNow().GetUtcNow()); // a plain JWT library checks the lifetime on the wall clock
        var issued = _issuer.Issue(Rs256Api().Build(), AccessTokenRequest.ForApplication(ClientId, ["read:orders"]));
        var published = JsonWebKeySet.Create(new SigningKeySet(TestKeys.First).ToJwksJson()).GetSigningKeys();

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(issued.Value, new TokenValidationParameters
        {
            ValidIssuer = Tenant.Issuer,
            ValidAudience = Identifier,
            IssuerSigningKeys = published,
        }).WaitAsync(Bound);

        result.IsValid.Should().BeTrue(result.Exception?.Message);
    }

    [Fact]
    public void An_hs256_token_is_signed_with_the_utf8_bytes_of_the_apis_secret()
    {
        var secret = Secret.Generate(32);
        var api = Hs256Api(secret).Build();

        var issued = _issuer.Issue(api, AccessTokenRequest.ForApplication(ClientId, ["read:orders"]));

        Jwt.HeaderText(issued.Value).Should().Be("""{"alg":"HS256","typ":"JWT"}""");
        var expected = Jwt.Forge("""{"alg":"HS256","typ":"JWT"}""", Jwt.PayloadText(issued.Value), Jwt.Hs256(secret.Reveal()));
        issued.Value.Should().Be(expected);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    public async Task A_short_secret_auth0_accepts_signs_tokens_that_verify_with_it(int length)
    {
        _time.SetUtcNow(TestClock.StartingNow().GetUtcNow()); // a plain JWT library checks the lifetime on the wall clock
        var secret = Secret.Generate(length);
        var api = Hs256Api(secret).Build();

        var issued = _issuer.Issue(api, AccessTokenRequest.ForApplication(ClientId));

        var parts = issued.Value.Split('.');
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret.Reveal()), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        parts[2].Should().Be(Base64UrlEncoder.Encode(signature));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(issued.Value, new TokenValidationParameters
        {
            ValidIssuer = Tenant.Issuer,
            ValidAudience = Identifier,
            IssuerSigningKey = SigningSecretKeys.Create(secret, "secret"),
        }).WaitAsync(Bound);
        result.IsValid.Should().BeTrue(result.Exception?.Message);
    }

    [Fact]
    public void Signing_state_is_built_once_per_key_and_per_secret()
    {
        var hs256 = Hs256Api(Secret.Generate()).Build();
        var sameSecretOtherDefinition = hs256.ToBuilder().Named("Renamed").Build();
        var rs256 = Rs256Api().Build();

        _issuer.SignerFor(hs256).Should().BeSameAs(_issuer.SignerFor(hs256)).And.BeSameAs(_issuer.SignerFor(sameSecretOtherDefinition));
        _issuer.SignerFor(hs256).Should().NotBeSameAs(_issuer.SignerFor(Hs256Api(Secret.Generate()).Build()));
        _issuer.SignerFor(rs256).Should().BeSameAs(TestKeys.First.Signer);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    public void Secret_keys_sign_and_verify_with_the_mac_identitymodel_would_compute_first_in_one_shot_then_with_a_kept_hmac(int length)
    {
        var secret = Secret.Generate(length);
        var key = SigningSecretKeys.Create(secret, "s");
        var input = Encoding.ASCII.GetBytes("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjbGllbnQifQ");
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret.Reveal()), input);

        var signer = key.CryptoProviderFactory.CreateForSigning(key, SecurityAlgorithms.HmacSha256);
        var verifier = key.CryptoProviderFactory.CreateForVerifying(key, SecurityAlgorithms.HmacSha256, cacheProvider: true);

        signer.Sign(input).Should().Equal(expected);
        signer.Sign(input).Should().Equal(expected, "the kept HMAC gives the same MAC as the first, one-shot one");
        verifier.Verify(input, expected).Should().BeTrue();
        Parallel.For(0, 64, _ => signer.Sign(input).Should().Equal(expected));
        var tampered = expected.ToArray();
        tampered[^1] ^= 1;
        verifier.Verify(input, tampered).Should().BeFalse("a changed signature is refused");
        verifier.Verify(input, 0, input.Length, expected, 0, 16).Should().BeFalse("a truncated signature is refused");
        key.CryptoProviderFactory.IsSupportedAlgorithm(SecurityAlgorithms.HmacSha256, key).Should().BeTrue();
        if (length >= 32)
        {
            var identityModel = CryptoProviderFactory.Default.CreateForSigning(new SymmetricSecurityKey(key.Key), SecurityAlgorithms.HmacSha256, cacheProvider: false);
            identityModel.Sign(input).Should().Equal(expected, "full-strength keys get the very MAC of IdentityModel's own provider");
        }
    }

    [Fact]
    public void A_secret_under_16_characters_is_refused_without_showing_it()
    {
        var secret = new Secret("tooShortSecret1");
        var api = Hs256Api(secret).BuildUnchecked();

        var act = () => _issuer.Issue(api, AccessTokenRequest.ForApplication(ClientId));

        act.Should().Throw<ArgumentException>().WithMessage("*15 characters*at least 16*").Which.Message.Should().NotContain(secret.Reveal());
    }

    [Theory]
    [InlineData("access_token_authz")]
    [InlineData("rfc9068_profile_authz")]
    public void Authz_dialects_add_the_applications_scopes_as_permissions(string dialect)
    {
        var api = Rs256Api().WithTokenDialect(dialect).Build();

        var issued = _issuer.Issue(api, AccessTokenRequest.ForApplication(ClientId, ["read:orders", "write:orders"]));

        Permissions(issued.Value).Should().Equal("read:orders", "write:orders");
    }

    [Fact]
    public void Explicit_permissions_replace_the_default_and_users_have_none_by_default()
    {
        var api = Rs256Api().WithTokenDialect(TokenDialect.AccessTokenAuthz).Build();

        var app = _issuer.Issue(api, AccessTokenRequest.ForApplication(ClientId, ["read:orders"]).WithPermissions(["admin:orders"]));
        var user = _issuer.Issue(api, AccessTokenRequest.ForUser(ClientId, "auth0|123", ["read:orders"]));

        Permissions(app.Value).Should().Equal("admin:orders");
        Permissions(user.Value).Should().BeEmpty();
    }

    [Fact]
    public void Auth0_dialect_tokens_carry_no_permissions_even_when_given()
    {
        var issued = _issuer.Issue(Rs256Api().Build(), AccessTokenRequest.ForApplication(ClientId, ["a"]).WithPermissions(["b"]));

        Jwt.Payload(issued.Value).ContainsKey("permissions").Should().BeFalse();
    }

    [Fact]
    public void Rfc9068_tokens_have_typ_at_jwt_client_id_and_a_fresh_jti_instead_of_azp_and_gty()
    {
        var api = Rs256Api().WithTokenDialect(TokenDialect.Rfc9068Profile).Build();
        var request = AccessTokenRequest.ForApplication(ClientId, ["read:orders"]);

        var first = _issuer.Issue(api, request);
        var second = _issuer.Issue(api, request);

        Jwt.HeaderText(first.Value).Should().Be("""{"alg":"RS256","typ":"at+jwt","kid":"first-key"}""");
        Jwt.ClaimNames(first.Value).Should().Equal("iss", "sub", "aud", "iat", "exp", "client_id", "scope", "jti");
        var jti = Jwt.Payload(first.Value)["jti"]!.GetValue<string>();
        jti.Should().MatchRegex("^[0-9a-f]{32}$");
        Jwt.Payload(second.Value)["jti"]!.GetValue<string>().Should().NotBe(jti);
    }

    [Fact]
    public void A_user_token_has_the_user_as_subject_azp_and_no_gty()
    {
        var issued = _issuer.Issue(Rs256Api().Build(), AccessTokenRequest.ForUser(ClientId, "auth0|64f1", ["read:orders"]));

        var payload = Jwt.Payload(issued.Value);
        payload["sub"]!.GetValue<string>().Should().Be("auth0|64f1");
        payload["azp"]!.GetValue<string>().Should().Be(ClientId);
        payload["aud"]!.GetValue<string>().Should().Be(Identifier);
        payload.ContainsKey("gty").Should().BeFalse();
    }

    [Fact]
    public void A_user_token_with_openid_names_userinfo_as_second_audience()
    {
        var issued = _issuer.Issue(Rs256Api().Build(), AccessTokenRequest.ForUser(ClientId, "auth0|64f1", ["openid", "profile", "read:orders"]));

        Jwt.Payload(issued.Value)["aud"]!.AsArray().Select(a => a!.GetValue<string>())
            .Should().Equal(Identifier, "https://dev-abc.us.auth0.com/userinfo");
        Jwt.Payload(issued.Value)["scope"]!.GetValue<string>().Should().Be("openid profile read:orders");
    }

    [Fact]
    public void A_browser_flow_token_lives_for_the_web_token_lifetime()
    {
        var api = Rs256Api().TokensExpireAfter(TimeSpan.FromHours(10)).WebTokensExpireAfter(TimeSpan.FromMinutes(30)).Build();

        var issued = _issuer.Issue(api, AccessTokenRequest.ForUser(ClientId, "auth0|1").ThroughBrowserFlow());

        issued.ExpiresIn.Should().Be(TimeSpan.FromMinutes(30));
        (Payload<long>(issued.Value, "exp") - Payload<long>(issued.Value, "iat")).Should().Be(1800);
    }

    [Fact]
    public void Custom_claims_follow_the_standard_ones()
    {
        using var roles = JsonDocument.Parse("""["admin","auditor"]""");
        var request = AccessTokenRequest.ForUser(ClientId, "auth0|1")
            .WithClaim("https://example.com/roles", roles.RootElement)
            .WithClaim("https://example.com/tenant", "acme");

        var issued = _issuer.Issue(Rs256Api().Build(), request);

        var payload = Jwt.Payload(issued.Value);
        Jwt.ClaimNames(issued.Value).TakeLast(2).Should().Equal("https://example.com/roles", "https://example.com/tenant");
        payload["https://example.com/roles"]!.ToJsonString().Should().Be("""["admin","auditor"]""");
        payload["https://example.com/tenant"]!.GetValue<string>().Should().Be("acme");
    }

    [Theory]
    [InlineData("sub")]
    [InlineData("permissions")]
    [InlineData("nbf")]
    public void A_custom_claim_cannot_replace_a_claim_the_sdk_writes(string claim)
    {
        var act = () => AccessTokenRequest.ForApplication(ClientId).WithClaim(claim, "x");

        act.Should().Throw<ArgumentException>().WithParameterName("name");
    }

    [Theory]
    [InlineData("read orders")]
    [InlineData("")]
    public void A_scope_with_white_space_or_empty_is_refused(string scope)
    {
        var act = () => AccessTokenRequest.ForApplication(ClientId, [scope]);

        act.Should().Throw<ArgumentException>().WithParameterName("scopes");
    }

    [Fact]
    public void Duplicate_scopes_are_granted_once()
    {
        AccessTokenRequest.ForApplication(ClientId, ["a", "b", "a"]).Scopes.Should().Equal("a", "b");
    }

    [Fact]
    public void After_a_rotation_tokens_are_signed_with_the_new_key()
    {
        var keys = new SigningKeySet(TestKeys.First);
        var issuer = new AccessTokenIssuer(Tenant, keys, _time);
        keys.Rotate(TestKeys.Second);

        var issued = issuer.Issue(Rs256Api().Build(), AccessTokenRequest.ForApplication(ClientId));

        Jwt.Header(issued.Value)["kid"]!.GetValue<string>().Should().Be("second-key");
    }

    [Fact]
    public void ToString_never_shows_the_token()
    {
        var issued = _issuer.Issue(Rs256Api().Build(), AccessTokenRequest.ForApplication(ClientId, ["read:orders"]));

        issued.ToString().Should().NotContain(issued.Value.Split('.')[2]).And.NotContain(issued.Value[..20]).And.Contain("***");
    }

    [Fact]
    public void Issuing_refuses_what_it_cannot_sign()
    {
        var empty = new AccessTokenIssuer(Tenant, new SigningKeySet(), _time);
        var request = AccessTokenRequest.ForApplication(ClientId);

        empty.Invoking(i => i.Issue(Rs256Api().Build(), request)).Should().Throw<InvalidOperationException>().WithMessage("*no RS256 signing key*");
        _issuer.Invoking(i => i.Issue(Api.WithIdentifier(Identifier).SignedWith(SigningAlgorithm.HS256).Build(), request))
            .Should().Throw<InvalidOperationException>().WithMessage("*no signing secret*");
        _issuer.Invoking(i => i.Issue(Api.WithIdentifier(Identifier).SignedWith("PS256").BuildUnchecked(), request))
            .Should().Throw<NotSupportedException>().WithMessage("*PS256*");
        _issuer.Invoking(i => i.Issue(Rs256Api().WithTokenDialect("future_dialect").BuildUnchecked(), request))
            .Should().Throw<NotSupportedException>().WithMessage("*future_dialect*");
    }

    [Fact]
    public async Task Issuing_from_many_threads_at_once_gives_valid_tokens()
    {
        var rs256 = Rs256Api().Build();
        var hs256 = Hs256Api(Secret.Generate(20)).Build();
        var hs256Key = SigningSecretKeys.Create(hs256.SigningSecret!, "s");

        var tokens = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
        {
            var api = i % 2 == 0 ? rs256 : hs256;
            return (api, token: _issuer.Issue(api, AccessTokenRequest.ForApplication(ClientId, ["n" + i])).Value);
        }))).WaitAsync(Bound);

        foreach (var (api, token) in tokens)
        {
            var jwt = new JsonWebToken(token);
            var key = api == rs256 ? (SecurityKey)TestKeys.First.CreatePublicSecurityKey() : hs256Key;
            var provider = key.CryptoProviderFactory.CreateForVerifying(key, jwt.Alg);
            var input = Encoding.ASCII.GetBytes(jwt.EncodedHeader + "." + jwt.EncodedPayload);
            provider.Verify(input, Base64UrlEncoder.DecodeBytes(jwt.EncodedSignature)).Should().BeTrue();
        }
    }

    private static ApiDefinitionBuilder Rs256Api() => Api.Define("Orders API").WithIdentifier(Identifier).SignedWith(SigningAlgorithm.RS256);

    private static ApiDefinitionBuilder Hs256Api(Secret secret) =>
        Api.Define("Orders API").WithIdentifier(Identifier).SignedWith(SigningAlgorithm.HS256).WithSigningSecret(secret);

    private static IEnumerable<string> Permissions(string token) =>
        Jwt.Payload(token)["permissions"]!.AsArray().Select(p => p!.GetValue<string>());

    private static T Payload<T>(string token, string claim) => Jwt.Payload(token)[claim]!.GetValue<T>();
}
