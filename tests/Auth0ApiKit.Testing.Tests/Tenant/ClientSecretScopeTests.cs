using System.Net;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>
/// The Management API scopes of every client-secret operation, as Auth0 documents them: rotating or writing a secret
/// needs <c>update:client_keys</c>, reading one needs <c>read:client_keys</c>.
/// </summary>
public class ClientSecretScopeTests
{
    private readonly FakeTenant _tenant = TestTenant.New();
    private readonly HttpClient _http;
    private readonly FakeApplication _worker;

    public ClientSecretScopeTests()
    {
        _http = _tenant.CreateHttpClient();
        _worker = _tenant.Applications.AddMachineToMachine("worker");
    }

    [Fact]
    public async Task Rotating_a_secret_with_only_update_clients_is_refused_and_changes_nothing()
    {
        var token = await ManagementTokenAsync(_tenant, _http, ["update:clients", "read:clients", "read:client_keys"]);
        var version = _tenant.StateVersion;

        var response = await _http.SendAsync(HttpMethod.Post, $"api/v2/clients/{_worker.ClientId}/rotate-secret", token);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Text(response)).Should().Be(
            """{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: update:client_keys","errorCode":"insufficient_scope"}""");
        _tenant.StateVersion.Should().Be(version);
        (await SecretWorks(_worker.ClientSecret.Reveal())).Should().BeTrue();
    }

    [Fact]
    public async Task Rotating_a_secret_with_update_client_keys_succeeds()
    {
        var token = await ManagementTokenAsync(_tenant, _http, ["update:client_keys"]);

        var response = await _http.SendAsync(HttpMethod.Post, $"api/v2/clients/{_worker.ClientId}/rotate-secret", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var secret = (await Json(response)).GetProperty("client_secret").GetString()!;
        (await SecretWorks(secret)).Should().BeTrue();
        (await SecretWorks(_worker.ClientSecret.Reveal())).Should().BeFalse();
    }

    [Fact]
    public async Task The_default_management_application_may_rotate_and_write_secrets()
    {
        var token = await ManagementTokenAsync(_tenant, _http);

        (await _http.SendAsync(HttpMethod.Post, $"api/v2/clients/{_worker.ClientId}/rotate-secret", token)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _http.SendAsync(HttpMethod.Patch, $"api/v2/clients/{_worker.ClientId}", token, """{"client_secret":"a-secret-chosen-by-the-caller"}"""))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Writing_a_secret_with_only_update_clients_is_refused_and_changes_nothing()
    {
        var token = await ManagementTokenAsync(_tenant, _http, ["update:clients"]);
        var version = _tenant.StateVersion;

        var response = await _http.SendAsync(HttpMethod.Patch, $"api/v2/clients/{_worker.ClientId}", token,
            """{"name":"renamed","client_secret":"a-secret-chosen-by-the-caller"}""");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Text(response)).Should().Be(
            """{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: update:client_keys","errorCode":"insufficient_scope"}""");
        _tenant.StateVersion.Should().Be(version);
        _tenant.Applications.Find(_worker.ClientId)!.Name.Should().Be("worker");
    }

    [Fact]
    public async Task Writing_a_secret_with_update_client_keys_replaces_it()
    {
        var token = await ManagementTokenAsync(_tenant, _http, ["update:client_keys"]);

        var response = await _http.SendAsync(HttpMethod.Patch, $"api/v2/clients/{_worker.ClientId}", token,
            """{"client_secret":"a-secret-chosen-by-the-caller"}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await SecretWorks("a-secret-chosen-by-the-caller")).Should().BeTrue();
        (await SecretWorks(_worker.ClientSecret.Reveal())).Should().BeFalse();
    }

    [Fact]
    public async Task An_empty_secret_is_refused()
    {
        var token = await ManagementTokenAsync(_tenant, _http);

        var response = await _http.SendAsync(HttpMethod.Patch, $"api/v2/clients/{_worker.ClientId}", token, """{"client_secret":""}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(response)).GetProperty("message").GetString().Should().StartWith("Payload validation error:").And.Contain("client_secret");
    }

    [Fact]
    public async Task A_secret_cannot_be_chosen_at_creation()
    {
        var token = await ManagementTokenAsync(_tenant, _http);

        var response = await _http.SendAsync(HttpMethod.Post, "api/v2/clients", token, """{"name":"a","client_secret":"chosen"}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(response)).GetProperty("message").GetString().Should().Be("Payload validation error: 'Additional properties not allowed: client_secret'.");
    }

    [Theory]
    [InlineData("read:clients", false)]
    [InlineData("read:client_keys", true)]
    public async Task A_read_shows_the_secret_only_with_read_client_keys(string scope, bool shown)
    {
        var token = await ManagementTokenAsync(_tenant, _http, [scope]);

        var response = await _http.SendAsync(HttpMethod.Get, $"api/v2/clients/{_worker.ClientId}", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json(response)).TryGetProperty("client_secret", out _).Should().Be(shown);
    }

    private async Task<bool> SecretWorks(string secret)
    {
        var response = await _http.PostAsync("oauth/token", Form(("grant_type", "client_credentials"), ("client_id", _worker.ClientId),
            ("client_secret", secret), ("audience", _tenant.Urls.ManagementApiAudience))).WaitAsync(Bound);
        return response.StatusCode != HttpStatusCode.Unauthorized;
    }
}
