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

    [Fact]
    public async Task Checkpoint_paging_of_grants_answers_without_totals_as_Auth0_does()
    {
        _tenant.Apis.Add(Auth0ApiKit.Apis.Api.Define("Orders").WithIdentifier("https://orders.example.com").WithScope("read:orders").Build());
        for (var i = 0; i < 3; i++)
        {
            _tenant.Authorizations.Authorize(_tenant.Applications.AddMachineToMachine($"w{i}").ClientId, "https://orders.example.com", ["read:orders"]);
        }

        var token = await ManagementTokenAsync(_tenant, _http, ["read:client_grants"]);

        var first = await Json(await _http.SendAsync(HttpMethod.Get, "api/v2/client-grants?take=2&include_totals=true&per_page=50", token));
        var last = await Json(await _http.SendAsync(HttpMethod.Get, $"api/v2/client-grants?take=2&from={first.GetProperty("next").GetString()}", token));

        first.EnumerateObject().Select(p => p.Name).Should().Equal("client_grants", "next");
        first.GetProperty("client_grants").GetArrayLength().Should().Be(2);
        last.EnumerateObject().Select(p => p.Name).Should().Equal("client_grants");
        last.GetProperty("client_grants").GetArrayLength().Should().Be(2, "the management application's grant is the fourth");
    }
}
