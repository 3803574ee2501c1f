using System.Net;
using Auth0ApiKit.Apis;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

public class ManagementApiOverHttpTests
{
    private readonly FakeTenant _tenant = TestTenant.New();
    private readonly HttpClient _http;

    public ManagementApiOverHttpTests() => _http = _tenant.CreateHttpClient();

    [Theory]
    [InlineData("https:%2F%2Forders.example.com%2Fv1")]
    [InlineData("https:%252F%252Forders.example.com%252Fv1")]
    [InlineData("https%3A%2F%2Forders.example.com%2Fv1")]
    public async Task An_identifier_in_the_path_resolves_encoded_once_or_twice_as_on_Auth0(string segment)
    {
        _tenant.Apis.Add(Api.Define("Orders").WithIdentifier("https://orders.example.com/v1").Build());
        var token = await ManagementTokenAsync(_tenant, _http, ["read:resource_servers", "update:resource_servers"]);

        var get = await _http.SendAsync(HttpMethod.Get, "api/v2/resource-servers/" + segment, token);
        var patch = await _http.SendAsync(HttpMethod.Patch, "api/v2/resource-servers/" + segment, token, """{"name":"Orders v1"}""");
        var unknown = await _http.SendAsync(HttpMethod.Get, "api/v2/resource-servers/" + segment.Replace("orders", "billing", StringComparison.Ordinal), token);

        get.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json(get)).GetProperty("identifier").GetString().Should().Be("https://orders.example.com/v1");
        patch.StatusCode.Should().Be(HttpStatusCode.OK);
        _tenant.Apis.Find("https://orders.example.com/v1")!.Definition.Name.Should().Be("Orders v1");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_call_without_a_token_answers_Auth0s_401_body()
    {
        var response = await _http.SendAsync(HttpMethod.Get, "api/v2/resource-servers", bearer: null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Text(response)).Should().Be("""{"statusCode":401,"error":"Unauthorized","message":"Invalid token","attributes":{"error":"Invalid token"}}""");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused_as_invalid()
    {
        var worker = _tenant.Applications.AddMachineToMachine("w");
        _tenant.Apis.Add(Api.Define("Orders").WithIdentifier("https://orders.example.com").Build());
        var token = _tenant.Tokens.ForApplication(worker.ClientId, "https://orders.example.com", ["read:resource_servers"]);

        var response = await _http.SendAsync(HttpMethod.Get, "api/v2/resource-servers", token.Value);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_of_another_tenant_is_refused()
    {
        var other = TestTenant.New(o => o.Domain = _tenant.Domain);
        var app = other.CreateManagementApplication();
        var foreign = other.Tokens.ForApplication(app.ClientId, other.Urls.ManagementApiAudience);

        var response = await _http.SendAsync(HttpMethod.Get, "api/v2/resource-servers", foreign.Value);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_missing_scope_answers_Auth0s_403_body()
    {
        var token = await ManagementTokenAsync(_tenant, _http, ["read:resource_servers"]);

        var response = await _http.SendAsync(HttpMethod.Post, "api/v2/resource-servers", token, """{"identifier":"urn:x"}""");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Text(response)).Should().Be(
            """{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: create:resource_servers","errorCode":"insufficient_scope"}""");
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var time = TestClock.Fixed();
        var tenant = TestTenant.New(o => o.TimeProvider = time);
        using var http = tenant.CreateHttpClient();
        var token = await ManagementTokenAsync(tenant, http);
        (await http.SendAsync(HttpMethod.Get, "api/v2/resource-servers", token)).StatusCode.Should().Be(HttpStatusCode.OK);

        time.Advance(TimeSpan.FromSeconds(86_400 + 1));

        (await http.SendAsync(HttpMethod.Get, "api/v2/resource-servers", token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Apis_are_created_listed_read_by_encoded_identifier_patched_and_deleted()
    {
        var token = await ManagementTokenAsync(_tenant, _http);

        var created = await _http.SendAsync(HttpMethod.Post, "api/v2/resource-servers", token,
            """{"name":"Orders","identifier":"https://orders.example.com/v1","scopes":[{"value":"read:orders","description":"Read"}]}""");
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await Json(created)).GetProperty("id").GetString();

        var byIdentifier = await _http.SendAsync(HttpMethod.Get, "api/v2/resource-servers/" + Uri.EscapeDataString("https://orders.example.com/v1"), token);
        byIdentifier.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json(byIdentifier)).GetProperty("id").GetString().Should().Be(id);

        var patched = await _http.SendAsync(HttpMethod.Patch, $"api/v2/resource-servers/{id}", token, """{"name":"Orders v1"}""");
        (await Json(patched)).GetProperty("name").GetString().Should().Be("Orders v1");

        var list = await Json(await _http.SendAsync(HttpMethod.Get, "api/v2/resource-servers?include_totals=true", token));
        list.GetProperty("total").GetInt32().Should().Be(2);

        (await _http.SendAsync(HttpMethod.Delete, $"api/v2/resource-servers/{id}", token)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _http.SendAsync(HttpMethod.Delete, $"api/v2/resource-servers/{id}", token)).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Responses_carry_rate_limit_headers()
    {
        var token = await ManagementTokenAsync(_tenant, _http);

        var response = await _http.SendAsync(HttpMethod.Get, "api/v2/clients", token);

        response.Headers.GetValues("x-ratelimit-limit").Should().ContainSingle();
        response.Headers.GetValues("x-ratelimit-remaining").Should().ContainSingle();
        long.Parse(response.Headers.GetValues("x-ratelimit-reset").Single(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeGreaterThanOrEqualTo(_tenant.TimeProvider.GetUtcNow().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task The_client_secret_shows_only_with_read_client_keys()
    {
        var withKeys = await ManagementTokenAsync(_tenant, _http);
        var withoutKeys = await ManagementTokenAsync(_tenant, _http, ["read:clients"]);
        var app = _tenant.Applications.AddMachineToMachine("reader");

        (await Json(await _http.SendAsync(HttpMethod.Get, $"api/v2/clients/{app.ClientId}", withKeys)))
            .GetProperty("client_secret").GetString().Should().Be(app.ClientSecret.Reveal());
        (await Json(await _http.SendAsync(HttpMethod.Get, $"api/v2/clients/{app.ClientId}", withoutKeys)))
            .TryGetProperty("client_secret", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("GET", "api/v2/unknown")]
    [InlineData("PUT", "api/v2/resource-servers")]
    [InlineData("GET", "nothing/here")]
    [InlineData("POST", "api/v2/clients/abc/unknown-action")]
    public async Task Unknown_routes_answer_404_in_Auth0s_shape(string method, string path)
    {
        var token = await ManagementTokenAsync(_tenant, _http);

        var response = await _http.SendAsync(new HttpMethod(method), path, token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Json(response)).GetProperty("statusCode").GetInt32().Should().Be(404);
    }
}
