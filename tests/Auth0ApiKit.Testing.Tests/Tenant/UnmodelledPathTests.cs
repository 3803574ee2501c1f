using System.Net;
using Auth0ApiKit.Testing.Endpoints;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>
/// Management API paths Auth0 has but the fake does not model answer as a real tenant answers a token without their
/// scopes (403 <c>insufficient_scope</c>), marked by a header; paths Auth0 does not have stay 404.
/// </summary>
public class UnmodelledPathTests
{
    private readonly FakeTenant _tenant = TestTenant.New();
    private readonly HttpClient _http;

    public UnmodelledPathTests() => _http = _tenant.CreateHttpClient();

    [Theory]
    [InlineData("GET", "api/v2/rules", "GET /api/v2/rules", "read:rules")]
    [InlineData("GET", "api/v2/tenants/settings", "GET /api/v2/tenants/settings", "read:tenant_settings")]
    [InlineData("PATCH", "api/v2/tenants/settings", "PATCH /api/v2/tenants/settings", "update:tenant_settings")]
    [InlineData("DELETE", "api/v2/connections/con_123", "DELETE /api/v2/connections/{id}", "delete:connections")]
    [InlineData("GET", "api/v2/clients/abc/connections", "GET /api/v2/clients/{id}/connections", "read:connections, read:clients, read:client_summary")]
    public async Task A_path_Auth0_has_answers_403_insufficient_scope_with_the_unmodelled_header(string method, string path, string operation, string scopes)
    {
        var token = await ManagementTokenAsync(_tenant, _http);

        var response = await _http.SendAsync(new HttpMethod(method), path, token);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Text(response)).Should().Be(
            $$"""{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: {{scopes}}","errorCode":"insufficient_scope"}""");
        response.Headers.GetValues(ManagementErrors.UnmodelledHeader).Should().Equal(operation);
        response.Headers.Contains("x-ratelimit-limit").Should().BeTrue("it counts as a Management API request");
        var entry = _tenant.Journal.Entries[^1];
        (entry.Method, entry.PathAndQuery, entry.Status).Should().Be((method, "/" + path, 403));
    }

    [Fact]
    public async Task Without_a_valid_token_it_answers_401_as_any_management_path()
    {
        var response = await _http.SendAsync(HttpMethod.Get, "api/v2/rules", bearer: null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Contains(ManagementErrors.UnmodelledHeader).Should().BeFalse();
        (await _http.SendAsync(HttpMethod.Get, "api/v2/rules", "not-a-token")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("GET", "api/v2/bogus")]
    [InlineData("GET", "api/v2/rules/rul_1/extra")]
    [InlineData("PUT", "api/v2/rules")]
    [InlineData("GET", "api/v2/connections//status")]
    public async Task A_path_or_method_Auth0_does_not_have_stays_404(string method, string path)
    {
        var token = await ManagementTokenAsync(_tenant, _http);

        var response = await _http.SendAsync(new HttpMethod(method), path, token);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Headers.Contains(ManagementErrors.UnmodelledHeader).Should().BeFalse();
    }

    [Fact]
    public async Task Modelled_paths_are_answered_by_the_fake_not_the_catalogue()
    {
        var token = await ManagementTokenAsync(_tenant, _http);

        var response = await _http.SendAsync(HttpMethod.Get, "api/v2/clients", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains(ManagementErrors.UnmodelledHeader).Should().BeFalse();
    }

    [Fact]
    public void The_catalogue_holds_every_modelled_operation()
    {
        Auth0ApiPaths.Count.Should().BeGreaterThan(300);
        foreach (var route in ManagementRoutes.All)
        {
            var segments = route.Path.Template.Trim('/').Split('/').Select(s => s.StartsWith('{') ? "x" : s).ToArray();
            Auth0ApiPaths.Find(route.Method, segments).Should().NotBeNull($"{route.Method} {route.Path} is an Auth0 operation");
        }
    }
}
