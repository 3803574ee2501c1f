using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.AspNetCore.Tests;

/// <summary>
/// Keeps README's token validation examples true: the same code, with the fake tenant's URLs and handler where the
/// README has a real domain and the network.
/// </summary>
public sealed class ReadmeExamplesTests
{
    private readonly FakeTimeProvider _clock = TestClock.Fixed();
    private readonly FakeTenant _tenant;
    private readonly FakeApplication _worker;

    public ReadmeExamplesTests()
    {
        _tenant = TestTenant.New(o => o.TimeProvider = _clock);
        _tenant.Apis.Add(TestApis.AccessTokenWithPermissions);
        _worker = _tenant.Applications.AddMachineToMachine("billing-worker");
        _tenant.Authorizations.Authorize(_worker.ClientId, TestApis.Identifier, ["read:orders", "delete:orders"]);
    }

    [Fact]
    public async Task Plain_dotnet_validates_a_token_with_access_token_validator()
    {
        var orders = TestApis.AccessTokenWithPermissions;
        var bearerToken = _tenant.Tokens.ForApplication(_worker.ClientId, TestApis.Identifier).Value;

        var tenant = _tenant.Urls;                                       // README: TenantUrls.ForDomain("dev-abc.us.auth0.com")
        using var http = new HttpClient(_tenant.CreateHandler());       // README: new HttpClient()
        var keys = new JsonWebKeySetCache(http, tenant.JwksUri, new JsonWebKeySetCacheOptions { TimeProvider = _clock });
        var validator = new AccessTokenValidator(orders, tenant, keys, new AccessTokenValidatorOptions { TimeProvider = _clock });

        var result = await validator.ValidateAsync(bearerToken).WaitAsync(Bound);

        result.IsValid.Should().BeTrue(result.Message);
        result.Subject.Should().Be(_worker.ClientId + "@clients");
        result.ClientId.Should().Be(_worker.ClientId);
        result.HasScope("read:orders").Should().BeTrue();
        result.HasPermission("delete:orders").Should().BeTrue();

        _clock.Advance(TimeSpan.FromHours(2));
        (await validator.ValidateAsync(bearerToken).WaitAsync(Bound)).Failure.Should().Be(AccessTokenValidationFailure.Expired);
    }

    [Fact]
    public async Task Aspnetcore_protects_endpoints_with_add_auth0_jwt_bearer_and_scope_and_permission_policies()
    {
        var orders = TestApis.AccessTokenWithPermissions;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(_clock);

        builder.Services.AddAuthentication()                              // README: .AddAuth0JwtBearer("dev-abc.us.auth0.com", orders)
            .AddAuth0JwtBearer(_tenant.Urls, orders, o => o.BackchannelHttpHandler = _tenant.CreateHandler());
        builder.Services.AddAuthorization(options =>
            options.AddPolicy("read", policy => policy.RequireScope("read:orders")));

        await using var app = builder.Build();
        app.MapGet("/orders", (ClaimsPrincipal user) => $"orders for {user.Identity!.Name}")
            .RequireAuthorization("read");
        app.MapDelete("/orders/{id}", (string id) => Results.NoContent())
            .RequirePermission("delete:orders");
        await app.StartAsync().WaitAsync(Bound);

        using var client = app.GetTestClient();
        var full = _tenant.Tokens.ForApplication(_worker.ClientId, TestApis.Identifier).Value;
        var readOnly = _tenant.Tokens.ForApplication(_worker.ClientId, TestApis.Identifier, ["read:orders"]).Value;

        using var read = await Send(client, HttpMethod.Get, "/orders", full);
        (await read.Content.ReadAsStringAsync().WaitAsync(Bound)).Should().Be($"orders for {_worker.ClientId}@clients");
        (await Send(client, HttpMethod.Delete, "/orders/42", full)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Send(client, HttpMethod.Delete, "/orders/42", readOnly)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Send(client, HttpMethod.Get, "/orders", token: null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await app.StopAsync().WaitAsync(Bound);
    }

    [Fact]
    public async Task A_user_with_a_role_calls_an_endpoint_that_requires_a_permission()
    {
        var orders = TestApis.AccessTokenWithPermissions;
        var tenant = _tenant;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddAuthentication()
            .AddAuth0JwtBearer(tenant.Urls, orders, o => o.BackchannelHttpHandler = tenant.CreateHandler());
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.MapDelete("/orders/{id}", (string id) => Results.NoContent()).RequirePermission("delete:orders");
        await app.StartAsync().WaitAsync(Bound);
        using var client = app.GetTestClient();

        // README, "A user with a role":
        var ann = tenant.Users.Add("ann@example.com", "Correct-Horse-7");
        var admins = tenant.Roles.Add("orders-admin");
        tenant.Roles.Grant(admins, orders.Identifier, "read:orders", "delete:orders");
        tenant.Roles.Assign(admins, ann.UserId);
        var web = tenant.Applications.Add("orders-web", Applications.ApplicationKind.RegularWeb);
        var annToken = tenant.Tokens.ForUser(web.ClientId, orders.Identifier, ann.UserId, ["openid", "read:orders", "delete:orders"]);

        annToken.AccessToken.Scopes.Should().Equal("openid", "read:orders", "delete:orders");
        (await Send(client, HttpMethod.Delete, "/orders/42", annToken.AccessToken.Value)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var bob = tenant.Users.Add("bob@example.com", "Correct-Horse-8");
        var bobToken = tenant.Tokens.ForUser(web.ClientId, orders.Identifier, bob.UserId, ["openid", "read:orders", "delete:orders"]);
        bobToken.AccessToken.Scopes.Should().Equal("openid");
        (await Send(client, HttpMethod.Delete, "/orders/42", bobToken.AccessToken.Value)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await app.StopAsync().WaitAsync(Bound);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request).WaitAsync(Bound);
    }
}
