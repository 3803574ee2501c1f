using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.AspNetCore.Tests;

/// <summary>
/// A fake tenant with one API and an application authorized for all its scopes, and the protected app in front of
/// the API. The tenant and the app share one <see cref="TestClock.Fixed"/> clock.
/// </summary>
internal sealed class Scenario : IAsyncDisposable
{
    private Scenario(FakeTimeProvider clock, FakeTenant tenant, ApiDefinition api, FakeApplication worker, ProtectedApi app)
    {
        Clock = clock;
        Tenant = tenant;
        Api = api;
        Worker = worker;
        App = app;
    }

    public FakeTimeProvider Clock { get; }

    public FakeTenant Tenant { get; }

    /// <summary>The API as the tenant holds it (and the app validates it).</summary>
    public ApiDefinition Api { get; }

    public FakeApplication Worker { get; }

    public ProtectedApi App { get; }

    /// <summary>The tenant's JWKS requests so far.</summary>
    public int JwksFetches => Tenant.Journal.For("GET", "/.well-known/jwks.json").Count;

    public static async Task<Scenario> StartAsync(
        ApiDefinition api, Action<Auth0JwtBearerOptions>? configure = null, Action<JwtBearerOptions>? jwtBearer = null, Action<FakeTenantOptions>? tenantOptions = null)
    {
        var clock = TestClock.Fixed();
        var tenant = TestTenant.New(o =>
        {
            tenantOptions?.Invoke(o);
            o.TimeProvider = clock;
        });
        var held = tenant.Apis.Add(api).Definition;
        var worker = tenant.Applications.AddMachineToMachine("billing-worker");
        tenant.Authorizations.Authorize(worker.ClientId, held.Identifier, (held.Scopes ?? []).Select(s => s.Value));
        var app = await ProtectedApi.StartAsync(tenant, held, clock, configure, jwtBearer);
        return new Scenario(clock, tenant, held, worker, app);
    }

    /// <summary>A client-credentials token for the worker, with all its scopes or with <paramref name="scopes"/>.</summary>
    public string Token(params string[] scopes) =>
        Tenant.Tokens.ForApplication(Worker.ClientId, Api.Identifier, scopes.Length == 0 ? null : scopes).Value;

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
