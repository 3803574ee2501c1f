using System.Text;
using System.Text.Json;
using Auth0ApiKit.Apis;
using Microsoft.Extensions.Time.Testing;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>Pins the tokens the fake's endpoint issues to AUTH0-BEHAVIOUR.md section 4: header fields and claims.</summary>
public class TokenContractTests
{
    private readonly FakeTimeProvider _time = TestClock.Fixed();

    private static (JsonElement Header, JsonElement Payload) Decode(string jwt)
    {
        var parts = jwt.Split('.');
        parts.Should().HaveCount(3);
        return (Part(parts[0]), Part(parts[1]));

        static JsonElement Part(string segment) =>
            JsonDocument.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(segment))).RootElement.Clone();
    }

    private async Task<(string Token, FakeTenant Tenant, FakeApplication Worker)> ClientCredentialsTokenAsync(ApiDefinition api, params string[] scopes)
    {
        var tenant = TestTenant.New(o => { o.TimeProvider = _time; o.Domain = "contract.eu.auth0.com"; });
        tenant.Apis.Add(api);
        var worker = tenant.Applications.AddMachineToMachine("worker");
        tenant.Authorizations.Authorize(worker.ClientId, api.Identifier, scopes);
        using var http = tenant.CreateHttpClient();
        var response = await http.PostAsync("oauth/token", Form(("grant_type", "client_credentials"), ("client_id", worker.ClientId),
            ("client_secret", worker.ClientSecret.Reveal()), ("audience", api.Identifier))).WaitAsync(Bound);
        return ((await Json(response)).GetProperty("access_token").GetString()!, tenant, worker);
    }

    [Fact]
    public async Task An_RS256_client_credentials_token_has_exactly_Auth0s_header_and_claims()
    {
        var api = Api.Define("Orders").WithIdentifier("https://orders.example.com").WithScope("a").WithScope("b").Build();

        var (token, tenant, worker) = await ClientCredentialsTokenAsync(api, "a", "b");

        var (header, payload) = Decode(token);
        header.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("alg", "typ", "kid");
        header.GetProperty("alg").GetString().Should().Be("RS256");
        header.GetProperty("typ").GetString().Should().Be("JWT");
        header.GetProperty("kid").GetString().Should().Be(tenant.Tokens.CurrentSigningKey.KeyId);
        payload.EnumerateObject().Select(p => p.Name).Should().Equal("iss", "sub", "aud", "iat", "exp", "azp", "scope", "gty");
        payload.GetProperty("iss").GetString().Should().Be("https://contract.eu.auth0.com/");
        payload.GetProperty("sub").GetString().Should().Be(worker.ClientId + "@clients");
        payload.GetProperty("aud").GetString().Should().Be("https://orders.example.com");
        payload.GetProperty("iat").GetInt64().Should().Be(_time.GetUtcNow().ToUnixTimeSeconds());
        payload.GetProperty("exp").GetInt64().Should().Be(_time.GetUtcNow().ToUnixTimeSeconds() + 86_400);
        payload.GetProperty("azp").GetString().Should().Be(worker.ClientId);
        payload.GetProperty("scope").GetString().Should().Be("a b");
        payload.GetProperty("gty").GetString().Should().Be("client-credentials");
    }

    [Fact]
    public async Task An_HS256_token_has_no_kid_and_no_scope_when_none_is_granted()
    {
        var api = Api.Define("Legacy").WithIdentifier("urn:legacy").SignedWith(SigningAlgorithm.HS256)
            .WithSigningSecret("0123456789abcdef").Build();

        var (token, _, _) = await ClientCredentialsTokenAsync(api);

        var (header, payload) = Decode(token);
        header.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("alg", "typ");
        header.GetProperty("alg").GetString().Should().Be("HS256");
        payload.TryGetProperty("scope", out _).Should().BeFalse();
        payload.TryGetProperty("nbf", out _).Should().BeFalse();
    }

    [Fact]
    public async Task The_rfc9068_authz_dialect_uses_at_jwt_client_id_jti_and_permissions()
    {
        var api = Api.Define("Modern").WithIdentifier("urn:modern").WithTokenDialect(TokenDialect.Rfc9068ProfileAuthz).WithScope("a").Build();

        var (token, _, worker) = await ClientCredentialsTokenAsync(api, "a");

        var (header, payload) = Decode(token);
        header.GetProperty("typ").GetString().Should().Be("at+jwt");
        payload.GetProperty("client_id").GetString().Should().Be(worker.ClientId);
        payload.GetProperty("jti").GetString().Should().NotBeNullOrEmpty();
        payload.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Should().Equal("a");
        payload.TryGetProperty("azp", out _).Should().BeFalse();
        payload.TryGetProperty("gty", out _).Should().BeFalse();
    }

    [Fact]
    public void A_user_token_with_openid_has_the_userinfo_audience_and_no_gty()
    {
        var tenant = TestTenant.New(o => { o.TimeProvider = _time; o.Domain = "contract.eu.auth0.com"; });
        tenant.Apis.Add(Api.Define("Orders").WithIdentifier("https://orders.example.com").Build());

        var tokens = tenant.Tokens.ForUser("client123", "https://orders.example.com", "auth0|abc", ["openid", "read:orders"],
            new Dictionary<string, string> { ["https://example.com/tenant"] = "acme" });

        var (_, payload) = Decode(tokens.AccessToken.Value);
        payload.GetProperty("sub").GetString().Should().Be("auth0|abc");
        payload.GetProperty("azp").GetString().Should().Be("client123");
        payload.GetProperty("aud").EnumerateArray().Select(a => a.GetString())
            .Should().Equal("https://orders.example.com", "https://contract.eu.auth0.com/userinfo");
        payload.TryGetProperty("gty", out _).Should().BeFalse();
        payload.GetProperty("https://example.com/tenant").GetString().Should().Be("acme");
    }
}
