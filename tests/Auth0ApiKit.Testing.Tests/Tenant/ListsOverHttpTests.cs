using System.Net;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>List filters, projection and paging as a client sees them over HTTP.</summary>
public class ListsOverHttpTests
{
    private readonly FakeTenant _tenant = TestTenant.New(o => o.Domain = "lists-test.auth0.test");
    private readonly HttpClient _http;

    public ListsOverHttpTests() => _http = _tenant.CreateHttpClient();

    [Fact]
    public async Task A_clients_get_honours_fields_and_names_the_tenant()
    {
        var worker = _tenant.Applications.AddMachineToMachine("worker");
        var token = await ManagementTokenAsync(_tenant, _http, ["read:clients"]);

        var response = await _http.SendAsync(HttpMethod.Get, $"api/v2/clients/{worker.ClientId}?fields=name,client_id&include_fields=true", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Text(response)).Should().Be($$"""{"tenant":"lists-test","client_id":"{{worker.ClientId}}","name":"worker"}""");
    }
}
