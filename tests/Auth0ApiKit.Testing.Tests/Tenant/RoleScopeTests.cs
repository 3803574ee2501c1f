using System.Net;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing.Endpoints;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>The roles and user-permission operations over HTTP: each requires one of its Auth0 scopes.</summary>
public class RoleScopeTests
{
    private readonly FakeTenant _tenant = TestTenant.New();
    private readonly HttpClient _http;

    public RoleScopeTests() => _http = _tenant.CreateHttpClient();

    /// <summary>Every roles and user-permission operation, with the scopes Auth0's OpenAPI document lists for it.</summary>
    public static TheoryData<string, string, string> Operations() => new()
    {
        { "GET", "roles", "read:roles" },
        { "POST", "roles", "create:roles" },
        { "GET", "roles/rol_1", "read:roles" },
        { "PATCH", "roles/rol_1", "update:roles" },
        { "DELETE", "roles/rol_1", "delete:roles" },
        { "GET", "roles/rol_1/permissions", "read:roles" },
        { "POST", "roles/rol_1/permissions", "update:roles" },
        { "DELETE", "roles/rol_1/permissions", "update:roles" },
        { "GET", "roles/rol_1/users", "read:users, read:roles, read:role_members" },
        { "POST", "roles/rol_1/users", "update:roles, create:role_members" },
        { "GET", "users/auth0%7C1/roles", "read:users, read:roles, read:role_members" },
        { "POST", "users/auth0%7C1/roles", "update:users, create:role_members" },
        { "DELETE", "users/auth0%7C1/roles", "update:users, delete:role_members" },
        { "GET", "users/auth0%7C1/permissions", "read:users" },
        { "POST", "users/auth0%7C1/permissions", "update:users" },
        { "DELETE", "users/auth0%7C1/permissions", "update:users" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_token_without_the_operations_scope_gets_Auth0s_403(string method, string path, string anyOf)
    {
        var token = await ManagementTokenAsync(_tenant, _http, ["read:clients"]);

        var response = await _http.SendAsync(new HttpMethod(method), "api/v2/" + path, token, "{}");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Text(response)).Should().Be(
            $$"""{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: {{anyOf}}","errorCode":"insufficient_scope"}""");
        response.Headers.Contains(ManagementErrors.UnmodelledHeader).Should().BeFalse("the fake models the operation");
    }

    [Fact]
    public async Task The_default_management_application_may_call_every_role_operation()
    {
        _tenant.Apis.Add(Api.Define("Orders").WithIdentifier("urn:orders").WithScope("read:orders", "Read orders").Build());
        var token = await ManagementTokenAsync(_tenant, _http);

        var created = await _http.SendAsync(HttpMethod.Post, "api/v2/roles", token, """{"name":"orders-admin"}""");
        created.StatusCode.Should().Be(HttpStatusCode.OK);
        var id = (await Json(created)).GetProperty("id").GetString()!;
        var granted = await _http.SendAsync(HttpMethod.Post, $"api/v2/roles/{id}/permissions", token,
            """{"permissions":[{"resource_server_identifier":"urn:orders","permission_name":"read:orders"}]}""");

        granted.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Text(granted)).Should().Be("{}");
        _tenant.Roles.FindId("orders-admin").Should().Be(id);
        (await Json(await _http.SendAsync(HttpMethod.Get, $"api/v2/roles/{id}/permissions", token)))[0]
            .GetProperty("permission_name").GetString().Should().Be("read:orders");
        (await _http.SendAsync(HttpMethod.Delete, $"api/v2/roles/{id}", token)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
