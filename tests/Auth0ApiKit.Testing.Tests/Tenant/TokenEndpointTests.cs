using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Microsoft.IdentityModel.JsonWebTokens;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

public class TokenEndpointTests
{
    private const string Orders = "https://orders.example.com";
    private readonly FakeTenant _tenant = TestTenant.New();
    private readonly HttpClient _http;
    private readonly FakeApplication _worker;

    public TokenEndpointTests()
    {
        _http = _tenant.CreateHttpClient();
        _tenant.Apis.Add(Api.Define("Orders").WithIdentifier(Orders).TokensExpireAfter(TimeSpan.FromHours(2))
            .WithScope("read:orders").WithScope("write:orders").Build());
        _worker = _tenant.Applications.AddMachineToMachine("worker");
    }

    private Task<HttpResponseMessage> PostForm(params (string, string)[] fields) => _http.PostAsync("oauth/token", Form(fields)).WaitAsync(Bound);

    private Task<HttpResponseMessage> ClientCredentials(string clientId, string secret, string audience) =>
        PostForm(("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), ("audience", audience));

    [Fact]
    public async Task Client_credentials_return_every_granted_scope_and_the_apis_lifetime()
    {
        _tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders", "write:orders"]);

        var response = await PostForm(("grant_type", "client_credentials"), ("client_id", _worker.ClientId),
            ("client_secret", _worker.ClientSecret.Reveal()), ("audience", Orders), ("scope", "read:orders"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await Json(response);
        body.GetProperty("access_token").GetString().Should().StartWith("eyJ");
        body.GetProperty("scope").GetString().Should().Be("read:orders write:orders", "a requested scope does not narrow it");
        body.GetProperty("expires_in").GetInt32().Should().Be(7200);
        body.GetProperty("token_type").GetString().Should().Be("Bearer");
        body.TryGetProperty("refresh_token", out _).Should().BeFalse();
    }

    [Fact]
    public async Task The_scope_is_omitted_when_the_grant_has_none()
    {
        _tenant.Authorizations.Authorize(_worker.ClientId, Orders, []);

        var body = await Json(await ClientCredentials(_worker.ClientId, _worker.ClientSecret.Reveal(), Orders));

        body.TryGetProperty("scope", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Json_bodies_and_http_basic_work_too()
    {
        _tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders"]);
        var json = new StringContent($$"""{"grant_type":"client_credentials","client_id":"{{_worker.ClientId}}","client_secret":"{{_worker.ClientSecret.Reveal()}}","audience":"{{Orders}}"}""",
            Encoding.UTF8, "application/json");
        (await _http.PostAsync("oauth/token", json).WaitAsync(Bound)).StatusCode.Should().Be(HttpStatusCode.OK);

        var basic = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = Form(("grant_type", "client_credentials"), ("audience", Orders)),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_worker.ClientId}:{_worker.ClientSecret.Reveal()}")));
        (await _http.SendAsync(basic).WaitAsync(Bound)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_secret_or_unknown_client_answers_401_access_denied()
    {
        (await Text(await ClientCredentials(_worker.ClientId, "wrong", Orders)))
            .Should().Be("""{"error":"access_denied","error_description":"Unauthorized"}""");
        (await ClientCredentials("unknown", "x", Orders)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_client_without_the_grant_type_answers_403_unauthorized_client()
    {
        var spa = _tenant.Applications.Add(Application.Define("spa", ApplicationKind.SinglePage).Build());

        var response = await ClientCredentials(spa.ClientId, spa.ClientSecret.Reveal(), Orders);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Text(response)).Should().Be(
            """{"error":"unauthorized_client","error_description":"Grant type 'client_credentials' not allowed for the client.","error_uri":"https://auth0.com/docs/clients/client-grant-types"}""");
    }

    [Fact]
    public async Task An_unknown_audience_answers_403_service_not_found()
    {
        (await Text(await ClientCredentials(_worker.ClientId, _worker.ClientSecret.Reveal(), "https://nope.example.com")))
            .Should().Be("""{"error":"access_denied","error_description":"Service not found: https://nope.example.com"}""");
    }

    [Fact]
    public async Task An_unauthorized_client_answers_403_with_Auth0s_sentence()
    {
        var response = await ClientCredentials(_worker.ClientId, _worker.ClientSecret.Reveal(), Orders);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Json(response)).GetProperty("error_description").GetString().Should().Be(
            $"Client \"{_worker.ClientId}\" is not authorized to access resource server \"{Orders}\". You need to create a \"client-grant\" associated to this API.");
    }

    [Theory]
    [InlineData("", "invalid_request")]
    [InlineData("password_please", "unsupported_grant_type")]
    public async Task Malformed_requests_answer_400(string grantType, string error)
    {
        var response = await PostForm(("grant_type", grantType), ("client_id", _worker.ClientId));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(response)).GetProperty("error").GetString().Should().Be(error);
    }

    [Fact]
    public async Task A_rotated_secret_stops_working_at_once()
    {
        _tenant.Authorizations.Authorize(_worker.ClientId, Orders, []);
        var rotated = _tenant.Applications.RotateSecret(_worker.ClientId);

        (await ClientCredentials(_worker.ClientId, _worker.ClientSecret.Reveal(), Orders)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ClientCredentials(_worker.ClientId, rotated.ClientSecret.Reveal(), Orders)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_tokens_are_issued_only_with_offline_access_and_refused_once_revoked()
    {
        var web = _tenant.Applications.Add(Application.Define("web", ApplicationKind.RegularWeb).Build());
        _tenant.Apis.Add(Api.Define("Offline").WithIdentifier("urn:offline").AllowOfflineAccess().Build());

        _tenant.Tokens.ForUser(web.ClientId, Orders, "auth0|1", ["offline_access"]).RefreshToken.Should().BeNull("Orders has no offline access");
        var tokens = _tenant.Tokens.ForUser(web.ClientId, "urn:offline", "auth0|1", ["offline_access", "openid"]);
        tokens.RefreshToken.Should().NotBeNull();

        var refreshed = await PostForm(("grant_type", "refresh_token"), ("client_id", web.ClientId),
            ("client_secret", web.ClientSecret.Reveal()), ("refresh_token", tokens.RefreshToken!.Reveal()));
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json(refreshed)).TryGetProperty("refresh_token", out _).Should().BeFalse();

        _tenant.Tokens.RevokeRefreshToken(tokens.RefreshToken);
        var refused = await PostForm(("grant_type", "refresh_token"), ("client_id", web.ClientId),
            ("client_secret", web.ClientSecret.Reveal()), ("refresh_token", tokens.RefreshToken.Reveal()));
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Text(refused)).Should().Be("""{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}""");
    }

    [Fact]
    public async Task Only_token_endpoint_auth_method_none_makes_a_public_client_a_spa_without_it_needs_its_secret()
    {
        _tenant.Apis.Add(Api.Define("Offline").WithIdentifier("urn:offline").AllowOfflineAccess().Build());
        var token = await ManagementTokenAsync(_tenant, _http);
        async Task<(string Id, string Secret)> Create(string body)
        {
            var created = await Json(await _http.SendAsync(HttpMethod.Post, "api/v2/clients", token, body));
            return (created.GetProperty("client_id").GetString()!, created.GetProperty("client_secret").GetString()!);
        }

        var confidentialSpa = await Create("""{"name":"old spa","app_type":"spa"}""");
        var publicSpa = await Create("""{"name":"spa","app_type":"spa","token_endpoint_auth_method":"none"}""");
        async Task<HttpStatusCode> RefreshWithoutSecret((string Id, string Secret) client)
        {
            var refreshToken = _tenant.Tokens.ForUser(client.Id, "urn:offline", "auth0|1", ["offline_access"]).RefreshToken!.Reveal();
            return (await PostForm(("grant_type", "refresh_token"), ("client_id", client.Id), ("refresh_token", refreshToken))).StatusCode;
        }

        (await RefreshWithoutSecret(confidentialSpa)).Should().Be(HttpStatusCode.Unauthorized, "a SPA created without token_endpoint_auth_method is confidential");
        (await RefreshWithoutSecret(publicSpa)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_jwks_and_openid_configuration_describe_the_tenant()
    {
        var jwks = await Json(await _http.GetAsync(".well-known/jwks.json").WaitAsync(Bound));
        var key = jwks.GetProperty("keys")[0];
        key.GetProperty("kty").GetString().Should().Be("RSA");
        key.GetProperty("alg").GetString().Should().Be("RS256");
        key.GetProperty("use").GetString().Should().Be("sig");
        foreach (var field in new[] { "n", "e", "kid", "x5t" })
        {
            key.GetProperty(field).GetString().Should().NotBeNullOrEmpty();
        }

        key.GetProperty("x5c").GetArrayLength().Should().Be(1);

        var configuration = await Json(await _http.GetAsync(".well-known/openid-configuration").WaitAsync(Bound));
        configuration.GetProperty("issuer").GetString().Should().Be(_tenant.Urls.Issuer);
        configuration.GetProperty("jwks_uri").GetString().Should().Be(_tenant.Urls.JwksUri.AbsoluteUri);
        configuration.GetProperty("token_endpoint").GetString().Should().Be(_tenant.Urls.TokenEndpoint.AbsoluteUri);
        configuration.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString())
            .Should().Equal("HS256", "RS256");
        configuration.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(a => a.GetString())
            .Should().Equal("client_secret_basic", "client_secret_post");
    }

    [Fact]
    public async Task Rotation_publishes_both_keys_and_revocation_removes_the_old_one()
    {
        var before = _tenant.Tokens.CurrentSigningKey.KeyId;
        _tenant.Tokens.RotateSigningKey();

        var keys = (await Json(await _http.GetAsync(".well-known/jwks.json").WaitAsync(Bound))).GetProperty("keys");
        keys.EnumerateArray().Select(k => k.GetProperty("kid").GetString()).Should().HaveCount(2).And.Contain(before);
        keys.EnumerateArray().Select(k => k.GetProperty("n").GetString()).Should().OnlyHaveUniqueItems("a rotation makes new key material");

        _tenant.Tokens.RevokePreviousSigningKey();
        var after = (await Json(await _http.GetAsync(".well-known/jwks.json").WaitAsync(Bound))).GetProperty("keys");
        after.EnumerateArray().Select(k => k.GetProperty("kid").GetString()).Should().ContainSingle().Which.Should().NotBe(before);
    }

    [Fact]
    public void A_key_the_test_gives_is_the_key_the_tenant_signs_with_and_reports()
    {
        var pem = _tenant.Tokens.CurrentSigningKey.ExportPrivateKeyPem();
        using var mine = FakeSigningKey.FromPem(pem, "my-key");
        using var next = FakeSigningKey.FromPem(pem, "my-next-key");
        var tenant = TestTenant.New(o => o.SigningKey = mine);
        tenant.Apis.Add(Api.Define("Orders").WithIdentifier(Orders).Build());

        tenant.Tokens.CurrentSigningKey.Should().BeSameAs(mine, "the tenant reports the key it was given");
        tenant.Tokens.RotateSigningKey(next).Should().BeSameAs(next, "a rotation returns the key it made current");
        tenant.Tokens.CurrentSigningKey.Should().BeSameAs(next, "the rotated-to key signs from now on");
        new JsonWebToken(tenant.Tokens.ForApplication("client123", Orders, ["read:orders"]).Value).Kid
            .Should().Be("my-next-key", "the current key signs");
        tenant.Tokens.JwksJson.Should().Contain("\"my-key\"", "the previous key stays published").And.Contain("\"my-next-key\"");
    }
}
