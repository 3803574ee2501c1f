using Auth0ApiKit.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Auth0ApiKit.IntegrationTests;

/// <summary>
/// Application code under test: the Orders API, protected as the SDK's README shows. The test only decides where
/// the tenant's keys come from (a fake tenant's handler) and what the clock is.
/// </summary>
public static class OrdersApi
{
    public static WebApplication Build(TenantUrls tenant, TimeProvider clock, HttpMessageHandler backchannel)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(clock);
        builder.Services.AddAuthentication().AddAuth0JwtBearer(tenant, OrdersProvisioning.Orders, options => options.BackchannelHttpHandler = backchannel);
        builder.Services.AddAuthorization(options => options.AddPolicy("read", policy => policy.RequireScope("read:orders")));

        var app = builder.Build();
        app.MapGet("/orders", () => new[] { "order-1", "order-2" }).RequireAuthorization("read");
        app.MapPost("/orders", () => Results.Created("/orders/order-3", null)).RequireScope("write:orders");
        return app;
    }
}
