using System.Net;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary><c>/api/v2/clients/{id}/credentials</c> through the tenant's pipeline: routes, scopes, paging ignored.</summary>
public class ClientCredentialsOverHttpTests
{
    private const string Body = """{"credential_type":"cert_subject_dn","subject_dn":"CN=worker"}""";

    private readonly FakeTenant _tenant = TestTenant.New();
    private readonly HttpClient _http;
    private readonly string _path;

    public ClientCredentialsOverHttpTests()
    {
        _http = _tenant.CreateHttpClient();
        _path = $"api/v2/clients/{_tenant.Applications.AddMachineToMachine("worker").ClientId}/credentials";
    }

    [Fact]
    public async Task The_default_management_application_creates_lists_patches_and_deletes_credentials()
    {
        var token = await ManagementTokenAsync(_tenant, _http);

        var created = await _http.SendAsync(HttpMethod.Post, _path, token, Body);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await Json(created)).GetProperty("id").GetString()!;
        await _http.SendAsync(HttpMethod.Post, _path, token, Body);

        var list = await Json(await _http.SendAsync(HttpMethod.Get, $"{_path}?include_totals=true&per_page=1&page=1", token));
        list.EnumerateArray().Should().HaveCount(2, "the list is a bare array that ignores paging");
        (await _http.SendAsync(HttpMethod.Get, $"{_path}/{id}", token)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _http.SendAsync(HttpMethod.Patch, $"{_path}/{id}", token, """{"expires_at":"2030-01-01T00:00:00.000Z"}""")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _http.SendAsync(HttpMethod.Delete, $"{_path}/{id}", token)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _http.SendAsync(HttpMethod.Get, $"{_path}/{id}", token)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "", "read:client_credentials")]
    [InlineData("POST", "", "create:client_credentials")]
    [InlineData("GET", "/cred_x", "read:client_credentials")]
    [InlineData("PATCH", "/cred_x", "update:client_credentials")]
    [InlineData("DELETE", "/cred_x", "delete:client_credentials")]
    public async Task Each_operation_needs_its_client_credentials_scope(string method, string suffix, string scope)
    {
        var token = await ManagementTokenAsync(_tenant, _http, ["read:clients", "update:clients", "read:client_keys", "update:client_keys"]);

        var response = await _http.SendAsync(new HttpMethod(method), _path + suffix, token, method is "POST" or "PATCH" ? Body : null);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Json(response)).GetProperty("message").GetString().Should().Be($"Insufficient scope, expected any of: {scope}");
    }
}
