using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Claims;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Auth0ApiKit.AspNetCore.Tests;

/// <summary>
/// A minimal API on TestHost protected by <c>AddAuth0JwtBearer</c> for one API of a fake tenant: JWKS fetched from
/// the tenant in memory, the clock from the container. Records why JwtBearer rejected each token.
/// </summary>
/// <remarks>
/// Endpoints: <c>GET /me</c> (any valid token; answers the user's name), <c>GET /orders</c> (policy <c>read</c>:
/// scope <c>read:orders</c>), <c>POST /orders</c> (<c>.RequireScope("write:orders")</c>), <c>DELETE /orders</c>
/// (<c>.RequirePermission("delete:orders")</c>), <c>GET /audit</c> (policy <c>audit</c>: permissions
/// <c>read:orders</c> and <c>delete:orders</c>).
/// </remarks>
internal sealed class ProtectedApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProtectedApi(WebApplication app, ConcurrentQueue<Exception> failures)
    {
        _app = app;
        Failures = failures;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    /// <summary>Why JwtBearer rejected tokens, in order.</summary>
    public ConcurrentQueue<Exception> Failures { get; }

    /// <summary>Everything the app logged, debug level and up.</summary>
    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public static async Task<ProtectedApi> StartAsync(
        FakeTenant tenant, ApiDefinition api, TimeProvider clock, Action<Auth0JwtBearerOptions>? configure = null, Action<JwtBearerOptions>? jwtBearer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(clock);
        builder.Services.AddAuthentication().AddAuth0JwtBearer(tenant.Urls, api, options =>
        {
            options.BackchannelHttpHandler = tenant.CreateHandler();
            configure?.Invoke(options);
        });
        builder.Services.AddAuthorization(options =>
        {
            options.AddPolicy("read", policy => policy.RequireScope("read:orders"));
            options.AddPolicy("audit", policy => policy.RequirePermission("read:orders", "delete:orders"));
        });

        var failures = new ConcurrentQueue<Exception>();
        builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.Events = new JwtBearerEvents
            {
                OnAuthenticationFailed = context =>
                {
                    failures.Enqueue(context.Exception);
                    return Task.CompletedTask;
                },
            };
            jwtBearer?.Invoke(options);
        });

        var app = builder.Build();
        app.MapGet("/me", (ClaimsPrincipal user) => user.Identity!.Name).RequireAuthorization();
        app.MapGet("/orders", () => "orders").RequireAuthorization("read");
        app.MapPost("/orders", () => "created").RequireScope("write:orders");
        app.MapDelete("/orders", () => "deleted").RequirePermission("delete:orders");
        app.MapGet("/audit", () => "audit").RequireAuthorization("audit");
        try
        {
            await app.StartAsync().WaitAsync(Bound);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ProtectedApi(app, failures);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token) => SendAsync(HttpMethod.Get, path, token);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request).WaitAsync(Bound);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().WaitAsync(Bound);
        await _app.DisposeAsync();
    }
}
