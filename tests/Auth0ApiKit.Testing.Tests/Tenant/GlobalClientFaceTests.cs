using System.Net;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>The tenant's face leaves the global client out, and the global client gets no tokens.</summary>
public class GlobalClientFaceTests
{
    private readonly FakeTenant _tenant = TestTenant.New();
    private readonly HttpClient _http;

    public GlobalClientFaceTests() => _http = _tenant.CreateHttpClient();

    [Fact]
    public async Task The_face_does_not_show_or_delete_it()
    {
        var (id, _) = await GlobalClientAsync();

        _tenant.Applications.All.Should().BeEmpty();
        _tenant.Applications.Find(id).Should().BeNull();
        _tenant.Applications.Remove(id).Should().BeFalse();
        _tenant.Applications.Invoking(a => a.RotateSecret(id)).Should().Throw<FakeTenantException>().Which.StatusCode.Should().Be(404);
        (await GlobalClientAsync()).Id.Should().Be(id, "it is still there");
    }

    [Fact]
    public async Task It_gets_no_client_credentials_token()
    {
        var (id, secret) = await GlobalClientAsync();

        var response = await _http.PostAsync("oauth/token", Form(
            ("grant_type", "client_credentials"), ("client_id", id), ("client_secret", secret), ("audience", _tenant.Urls.ManagementApiAudience))).WaitAsync(Bound);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Json(response)).GetProperty("error").GetString().Should().Be("unauthorized_client");
    }

    private async Task<(string Id, string Secret)> GlobalClientAsync()
    {
        var token = _tenant.Tokens.ForApplication("tester", _tenant.Urls.ManagementApiAudience, ["read:clients", "read:client_keys"]).Value;
        var global = (await Json(await _http.SendAsync(HttpMethod.Get, "api/v2/clients?is_global=true", token)))[0];
        return (global.GetProperty("client_id").GetString()!, global.GetProperty("client_secret").GetString()!);
    }
}
