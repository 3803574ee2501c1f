using System.Security.Claims;
using System.Text;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Auth0ApiKit.Tests.Tokens.ValidationTenant;

namespace Auth0ApiKit.Tests.Tokens;

public sealed class AccessTokenValidatorTests : IDisposable
{
    private readonly ValidationTenant _tenant = new();
    private readonly ApiDefinition _api = Rs256Api().TokensExpireAfter(TimeSpan.FromHours(1)).Build();
    private readonly AccessTokenValidator _validator;

    public AccessTokenValidatorTests() => _validator = _tenant.Validator(_api);

    public void Dispose() => _tenant.Dispose();

    [Fact]
    public async Task A_valid_token_gives_its_principal_subject_client_scopes_and_expiry()
    {
        var result = await _validator.Check(_tenant.Token(_api));

        result.IsValid.Should().BeTrue(result.Message);
        result.Failure.Should().Be(AccessTokenValidationFailure.None);
        result.Message.Should().BeNull();
        result.Subject.Should().Be(ClientId + "@clients");
        result.ClientId.Should().Be(ClientId);
        result.Scopes.Should().Equal("read:orders", "write:orders");
        result.HasScope("write:orders").Should().BeTrue();
        result.Permissions.Should().BeEmpty();
        result.IssuedAt.Should().Be(Start);
        result.ExpiresAt.Should().Be(Start.AddHours(1));
        result.ToString().Should().Contain("Valid access token for " + ClientId + "@clients");
    }

    [Fact]
    public async Task The_principal_keeps_claim_types_as_they_are()
    {
        var result = await _validator.Check(_tenant.Token(_api));

        var identity = (ClaimsIdentity)result.Principal!.Identity!;
        identity.IsAuthenticated.Should().BeTrue();
        identity.Name.Should().Be(ClientId + "@clients");
        result.Principal.FindFirst("sub")!.Value.Should().Be(ClientId + "@clients");
        result.Principal.FindFirst("scope")!.Value.Should().Be("read:orders write:orders");
        result.Principal.FindFirst("gty")!.Value.Should().Be("client-credentials");
    }

    [Fact]
    public async Task A_user_token_with_the_userinfo_audience_is_valid()
    {
        var token = _tenant.Token(_api, AccessTokenRequest.ForUser(ClientId, "auth0|1", ["openid", "read:orders"]));

        var result = await _validator.Check(token);

        result.IsValid.Should().BeTrue(result.Message);
        result.Subject.Should().Be("auth0|1");
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        var token = Jwt.Encode("""{"alg":"none","typ":"JWT"}""") + "." + Jwt.Encode(ValidPayload()) + ".";

        var result = await _validator.Check(token);

        result.Failure.Should().Be(AccessTokenValidationFailure.AlgorithmNotAllowed);
        _tenant.Jwks.Count.Should().Be(0, "nothing about an unacceptable token is fetched");
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("modulus")]
    [InlineData("jwk")]
    public async Task An_hs256_token_signed_with_the_rs256_public_key_as_secret_is_refused(string keyForm)
    {
        using var rsa = TestKeys.RsaOf(TestKeys.First);
        var secret = keyForm switch
        {
            "pem" => Encoding.UTF8.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()),
            "modulus" => rsa.ExportParameters(false).Modulus!,
            _ => Encoding.UTF8.GetBytes(TestKeys.First.ToPublicJwkJson()),
        };
        var token = Jwt.Forge("""{"alg":"HS256","typ":"JWT","kid":"first-key"}""", ValidPayload(), Jwt.Hs256(secret));

        var result = await _validator.Check(token);

        result.Failure.Should().Be(AccessTokenValidationFailure.AlgorithmNotAllowed);
        result.Message.Should().Contain("RS256");
    }

    [Theory]
    [InlineData("attacker", """{"alg":"RS256","typ":"JWT","kid":"attacker-key"}""", AccessTokenValidationFailure.UnknownKeyId)]
    [InlineData("tenant", """{"alg":"RS256","typ":"JWT"}""", AccessTokenValidationFailure.MissingKeyId)]
    [InlineData("attacker", """{"alg":"RS256","typ":"JWT","kid":"first-key"}""", AccessTokenValidationFailure.InvalidSignature)]
    [InlineData("tenant", """{"alg":"RS256","typ":"JWT","kid":["first-key"]}""", AccessTokenValidationFailure.Malformed)]
    public async Task Rs256_keys_are_chosen_by_kid_only(string signer, string header, AccessTokenValidationFailure expected)
    {
        var token = Forge(signer == "tenant" ? TestKeys.First : TestKeys.Attacker, header);

        var result = await _validator.Check(token);

        result.Failure.Should().Be(expected);
    }

    [Theory]
    [InlineData("jku", "\"https://attacker.example/jwks.json\"")]
    [InlineData("x5u", "\"https://attacker.example/cert.pem\"")]
    [InlineData("jwk", "ATTACKER_JWK")]
    public async Task Key_headers_are_never_fetched_or_trusted(string header, string value)
    {
        value = value.Replace("ATTACKER_JWK", TestKeys.Attacker.ToPublicJwkJson(), StringComparison.Ordinal);
        var withOwnKid = Forge(TestKeys.Attacker, $$"""{"alg":"RS256","typ":"JWT","kid":"attacker-key","{{header}}":{{value}}}""");
        var withTenantKid = Forge(TestKeys.Attacker, $$"""{"alg":"RS256","typ":"JWT","kid":"first-key","{{header}}":{{value}}}""");

        (await _validator.Check(withOwnKid)).Failure.Should().Be(AccessTokenValidationFailure.UnknownKeyId);
        (await _validator.Check(withTenantKid)).Failure.Should().Be(AccessTokenValidationFailure.InvalidSignature);
        _tenant.Jwks.Requests.Should().OnlyContain(uri => uri == Urls.JwksUri);
    }

    [Fact]
    public async Task An_expired_token_is_refused_once_the_clock_skew_has_passed()
    {
        var token = _tenant.Token(_api);

        _tenant.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(59));
        (await _validator.Check(token)).IsValid.Should().BeTrue("a minute of clock skew is allowed by default");

        _tenant.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await _validator.Check(token);
        result.Failure.Should().Be(AccessTokenValidationFailure.Expired);
        result.Message.Should().Be("The token has expired.");
    }

    [Fact]
    public async Task The_clock_skew_is_configurable()
    {
        var strict = _tenant.Validator(_api, new AccessTokenValidatorOptions { ClockSkew = TimeSpan.Zero });
        var token = _tenant.Token(_api);

        _tenant.Time.Advance(TimeSpan.FromHours(1));

        (await strict.Check(token)).Failure.Should().Be(AccessTokenValidationFailure.Expired);
    }

    [Fact]
    public async Task A_token_issued_in_the_future_is_not_valid_yet()
    {
        var aheadClock = _tenant.Time.Ahead(TimeSpan.FromMinutes(5));
        var token = new AccessTokenIssuer(Urls, _tenant.Keys, aheadClock).Issue(_api, AccessTokenRequest.ForApplication(ClientId)).Value;

        (await _validator.Check(token)).Failure.Should().Be(AccessTokenValidationFailure.NotYetValid);
    }

    [Fact]
    public async Task A_token_with_a_future_nbf_is_not_valid_yet()
    {
        var now = Start.ToUnixTimeSeconds();
        var token = Forge(TestKeys.First, Header, ValidPayload(extra: $",\"nbf\":{now + 600}"));

        (await _validator.Check(token)).Failure.Should().Be(AccessTokenValidationFailure.NotYetValid);
    }

    [Fact]
    public async Task A_token_without_exp_is_refused()
    {
        var token = Forge(TestKeys.First, Header, ValidPayload(exp: false));

        (await _validator.Check(token)).Failure.Should().Be(AccessTokenValidationFailure.MissingExpiration);
    }

    [Theory]
    [InlineData("https://login.example.com/")]
    [InlineData("http://127.0.0.1:5123/")]
    public async Task A_custom_domain_or_emulator_issuer_is_validated_as_configured(string issuer)
    {
        var tenant = TenantUrls.ForIssuer(issuer);
        var token = new AccessTokenIssuer(tenant, _tenant.Keys, _tenant.Time).Issue(_api, AccessTokenRequest.ForApplication(ClientId)).Value;
        var validator = new AccessTokenValidator(_api, tenant, _tenant.Cache, new AccessTokenValidatorOptions { TimeProvider = _tenant.Time });

        (await validator.Check(token)).IsValid.Should().BeTrue();
        (await _validator.Check(token)).Failure.Should().Be(AccessTokenValidationFailure.InvalidIssuer);
    }

    [Fact]
    public async Task A_token_of_another_issuer_is_refused()
    {
        var other = new AccessTokenIssuer(TenantUrls.ForDomain("evil.auth0.com"), _tenant.Keys, _tenant.Time);
        var token = other.Issue(_api, AccessTokenRequest.ForApplication(ClientId)).Value;

        var result = await _validator.Check(token);

        result.Failure.Should().Be(AccessTokenValidationFailure.InvalidIssuer);
        result.Message.Should().Contain(Urls.Issuer).And.NotContain("evil");
    }

    [Theory]
    [InlineData("\"https://billing.example.com\"")]
    [InlineData("\"https://orders.example.com/\"")]
    [InlineData("[\"https://billing.example.com\",\"https://dev-abc.us.auth0.com/userinfo\"]")]
    [InlineData("[]")]
    public async Task A_token_for_another_audience_is_refused(string audience)
    {
        var token = Forge(TestKeys.First, Header, ValidPayload(audience: audience));

        (await _validator.Check(token)).Failure.Should().Be(AccessTokenValidationFailure.InvalidAudience);
    }

    [Fact]
    public async Task A_tampered_payload_is_refused()
    {
        var token = _tenant.Token(_api, AccessTokenRequest.ForApplication(ClientId, ["read:orders"]));
        var payload = Jwt.Payload(token);
        payload["scope"] = "read:orders delete:orders";

        var result = await _validator.Check(Jwt.WithPayload(token, payload.ToJsonString()));

        result.Failure.Should().Be(AccessTokenValidationFailure.InvalidSignature);
        result.Scopes.Should().BeEmpty("nothing of a rejected token is exposed");
        result.Subject.Should().BeNull();
    }

    [Fact]
    public async Task A_tampered_signature_is_refused()
    {
        var token = _tenant.Token(_api);
        var flipped = token[^5] == 'A' ? 'B' : 'A';

        var result = await _validator.Check(token[..^5] + flipped + token[^4..]);

        result.Failure.Should().Be(AccessTokenValidationFailure.InvalidSignature);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9")]
    [InlineData("!!!.@@@.###")]
    [InlineData("aGVsbG8.d29ybGQ.c2ln")]
    [InlineData("a.b.c.d")]
    public async Task A_malformed_token_is_refused(string? token)
    {
        var result = await _validator.Check(token);

        result.Failure.Should().Be(AccessTokenValidationFailure.Malformed);
    }

    [Fact]
    public async Task A_truncated_token_is_refused()
    {
        var token = _tenant.Token(_api);

        (await _validator.Check(token[..(token.LastIndexOf('.') + 1)])).IsValid.Should().BeFalse();
        (await _validator.Check(token[..(token.Length / 2)])).Failure.Should().Be(AccessTokenValidationFailure.Malformed);
    }

    [Fact]
    public async Task A_token_whose_header_is_not_json_is_malformed()
    {
        var token = Jwt.Encode("not json") + "." + Jwt.Encode(ValidPayload()) + ".c2ln";

        (await _validator.Check(token)).Failure.Should().Be(AccessTokenValidationFailure.Malformed);
    }

    [Fact]
    public async Task A_1_mb_token_is_refused_before_it_is_decoded()
    {
        var token = Jwt.Encode(Header) + "." + new string('A', 1024 * 1024) + ".sig";

        var result = await _validator.Check(token);

        result.Failure.Should().Be(AccessTokenValidationFailure.TooLarge);
        _tenant.Jwks.Count.Should().Be(0);
    }

    [Fact]
    public async Task An_encrypted_token_is_refused()
    {
        var token = Jwt.Encode("""{"alg":"RSA-OAEP","enc":"A256GCM"}""") + ".a.b.c.d";

        (await _validator.Check(token)).Failure.Should().Be(AccessTokenValidationFailure.Malformed);
    }

    [Fact]
    public async Task Rfc9068_apis_accept_only_at_jwt_tokens_and_read_client_id_and_permissions()
    {
        var api = Rs256Api().WithTokenDialect(TokenDialect.Rfc9068ProfileAuthz).Build();
        var validator = _tenant.Validator(api);
        var plainJwt = Forge(TestKeys.First, Header, ValidPayload());

        var valid = await validator.Check(_tenant.Token(api));
        var wrongType = await validator.Check(plainJwt);

        valid.IsValid.Should().BeTrue(valid.Message);
        valid.ClientId.Should().Be(ClientId);
        valid.Permissions.Should().Equal("read:orders", "write:orders");
        valid.HasPermission("read:orders").Should().BeTrue();
        wrongType.Failure.Should().Be(AccessTokenValidationFailure.InvalidType);
    }

    [Fact]
    public async Task A_token_made_by_a_plain_jwt_library_in_auth0s_shape_is_valid()
    {
        using var rsa = TestKeys.RsaOf(TestKeys.First);
        var now = Start.ToUnixTimeSeconds();
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>
            {
                ["iss"] = Urls.Issuer, ["sub"] = "c@clients", ["aud"] = Identifier, ["iat"] = now, ["exp"] = now + 60,
                ["azp"] = "c", ["scope"] = "read:orders", ["gty"] = "client-credentials",
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "first-key" }, SecurityAlgorithms.RsaSha256),
        });

        var result = await _validator.Check(token);

        result.IsValid.Should().BeTrue(result.Message);
        result.ClientId.Should().Be("c");
    }

    [Fact]
    public async Task Neither_tokens_nor_keys_show_in_messages_or_logs()
    {
        var valid = _tenant.Token(_api);
        var signature = valid.Split('.')[2];
        var tokens = new[]
        {
            valid[..^3] + "AAA",
            Forge(TestKeys.Attacker, """{"alg":"RS256","typ":"JWT","kid":"attacker-key"}"""),
            Jwt.Forge("""{"alg":"HS256","typ":"JWT"}""", ValidPayload(), Jwt.Hs256("attacker-secret-of-some-length")),
            Jwt.WithPayload(valid, ValidPayload(audience: "\"x\"")),
        };
        _tenant.Time.Advance(TimeSpan.FromDays(1));

        var results = new List<AccessTokenValidationResult>();
        foreach (var token in tokens.Append(valid))
        {
            results.Add(await _validator.Check(token));
        }

        var texts = results.Select(r => r.Message + " " + r).Concat(_tenant.LogMessages).ToList();
        string[] forbidden = [signature, valid.Split('.')[1][..16], "attacker-secret", TestKeys.First.Modulus[..16]];
        texts.Should().NotBeEmpty();
        foreach (var text in texts)
        {
            text.Should().NotContainAny(forbidden);
        }

        _tenant.ValidatorLogs.GetSnapshot().Should().HaveCount(tokens.Length + 1);
    }

    private const string Header = """{"alg":"RS256","typ":"JWT","kid":"first-key"}""";

    private static string ValidPayload(string audience = "\"" + Identifier + "\"", bool exp = true, string extra = "")
    {
        var now = Start.ToUnixTimeSeconds();
        var expiry = exp ? $",\"exp\":{now + 3600}" : string.Empty;
        return $$"""{"iss":"{{Urls.Issuer}}","sub":"{{ClientId}}@clients","aud":{{audience}},"iat":{{now}}{{expiry}},"azp":"{{ClientId}}","scope":"read:orders","gty":"client-credentials"{{extra}}}""";
    }

    private static string Forge(TenantSigningKey key, string header, string? payload = null)
    {
        using var rsa = TestKeys.RsaOf(key);
        return Jwt.Forge(header, payload ?? ValidPayload(), Jwt.Rs256(rsa));
    }
}
