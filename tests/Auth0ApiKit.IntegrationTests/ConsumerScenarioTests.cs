using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Testing.Faults;
using Auth0ApiKit.Testing.FluentAssertions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.IntegrationTests;

/// <summary>How a team tests its Auth0 code with the fake tenant: provisioning, its own API, faults, time travel.</summary>
public sealed class ConsumerScenarioTests
{
    private readonly FakeTimeProvider _clock = TestClock.Fixed();
    private readonly FakeTenant _tenant;

    public ConsumerScenarioTests() => _tenant = TestTenant.New(o => o.TimeProvider = _clock);

    /// <summary>Runs work that may wait on the tenant's clock (retries), moving the clock until it is done.</summary>
    private Task<T> WithClockAsync<T>(Func<Task<T>> work) => _clock.RunAsync(work, TimeSpan.FromSeconds(1), maxSteps: 1_000);

    [Fact]
    public async Task Provisioning_creates_the_api_the_worker_and_its_authorization_and_running_again_changes_nothing()
    {
        using var auth0 = _tenant.CreateManagementClient();
        var provisioning = new OrdersProvisioning(auth0);

        var workerId = await provisioning.EnsureAsync().WaitAsync(Bound);
        var version = _tenant.StateVersion;
        (await provisioning.EnsureAsync().WaitAsync(Bound)).Should().Be(workerId);

        _tenant.Should().HaveApi(OrdersProvisioning.Orders.Identifier).Which.Definition.TokenLifetime.Should().Be(TimeSpan.FromHours(2));
        _tenant.Should().HaveAuthorization(workerId, OrdersProvisioning.Orders.Identifier, "read:orders");
        _tenant.Applications.All.Where(a => a.Name == OrdersProvisioning.WorkerName).Should().ContainSingle();
        _tenant.StateVersion.Should().Be(version, "a second run finds everything in place");
    }

    [Fact]
    public async Task Provisioning_survives_rate_limits_and_lost_answers_without_duplicates()
    {
        using var auth0 = _tenant.CreateManagementClient();
        _tenant.Faults.Script("POST", "/api/v2/resource-servers", Fault.RateLimited(TimeSpan.FromSeconds(2)));
        _tenant.Faults.Script("POST", "/api/v2/resource-servers", Fault.ServiceUnavailable().AfterCommit());
        _tenant.Faults.Script("POST", "/api/v2/client-grants", Fault.ServiceUnavailable().AfterCommit());

        var workerId = await WithClockAsync(() => new OrdersProvisioning(auth0).EnsureAsync());

        _tenant.Apis.All.Where(a => a.Identifier == OrdersProvisioning.Orders.Identifier).Should().ContainSingle();
        _tenant.Should().HaveAuthorization(workerId, OrdersProvisioning.Orders.Identifier, "read:orders");
        _tenant.Should().HaveReceived("POST", "/api/v2/resource-servers", 3, "a 429, a lost answer, then a 409 that was adopted");
    }

    [Fact]
    public async Task The_api_accepts_the_workers_token_and_refuses_it_once_it_has_expired()
    {
        using var auth0 = _tenant.CreateManagementClient();
        var workerId = await new OrdersProvisioning(auth0).EnsureAsync().WaitAsync(Bound);
        var worker = _tenant.Applications.Find(workerId)!;
        await using var api = OrdersApi.Build(_tenant.Urls, _clock, _tenant.CreateHandler());
        await api.StartAsync().WaitAsync(Bound);
        var token = await FetchTokenAsync(worker);

        (await CallAsync(api, HttpMethod.Get, token)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await CallAsync(api, HttpMethod.Post, token)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the worker may only read");

        _clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(2));
        (await CallAsync(api, HttpMethod.Get, token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the token expired");
    }

    [Fact]
    public async Task Tokens_minted_directly_exercise_the_api_without_any_provisioning_code()
    {
        _tenant.Apis.Add(OrdersProvisioning.Orders);
        await using var api = OrdersApi.Build(_tenant.Urls, _clock, _tenant.CreateHandler());
        await api.StartAsync().WaitAsync(Bound);
        var writer = _tenant.Tokens.ForApplication("any-client", OrdersProvisioning.Orders.Identifier, ["read:orders", "write:orders"]);
        var otherTenant = TestTenant.New(o => o.TimeProvider = _clock);
        otherTenant.Apis.Add(OrdersProvisioning.Orders);
        var stranger = otherTenant.Tokens.ForApplication("any-client", OrdersProvisioning.Orders.Identifier, ["read:orders"]);

        (await CallAsync(api, HttpMethod.Post, writer.Value)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await CallAsync(api, HttpMethod.Get, stranger.Value)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "another tenant's token");
    }

    private async Task<string> FetchTokenAsync(FakeApplication worker)
    {
        using var http = _tenant.CreateHttpClient();
        var response = await http.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = worker.ClientId,
            ["client_secret"] = worker.ClientSecret.Reveal(),
            ["audience"] = OrdersProvisioning.Orders.Identifier,
        })).WaitAsync(Bound);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("access_token").GetString()!;
        token.ShouldBeAccessToken().HaveScopes("read:orders");
        return token;
    }

    private static async Task<HttpResponseMessage> CallAsync(Microsoft.AspNetCore.Builder.WebApplication api, HttpMethod method, string token)
    {
        using var request = new HttpRequestMessage(method, "/orders");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await api.GetTestClient().SendAsync(request).WaitAsync(Bound);
    }
}
