// Uses every package the way an application and its tests would; exits non-zero on any failure.
using Auth0ApiKit.Apis;
using Auth0ApiKit.Management;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Tokens;
#if FULL_CONSUMER
using Auth0ApiKit.Testing.FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
#endif

var orders = Api.Define("Orders API")
    .WithIdentifier("https://orders.example.com")
    .WithScope("read:orders", "Read orders")
    .Build();

var tenant = new FakeTenant();
using var auth0 = tenant.CreateManagementClient();
var api = await auth0.Apis.CreateAsync(orders);
var worker = await auth0.Applications.CreateAsync(Auth0ApiKit.Applications.Application
    .Define("billing-worker", Auth0ApiKit.Applications.ApplicationKind.MachineToMachine).Build());
await auth0.Authorizations.AuthorizeAsync(worker.ClientId, orders.Identifier, ["read:orders"]);
var report = await auth0.Apis.TestAsync(orders.Identifier, worker.ClientId, worker.ClientSecret!);
Console.WriteLine(report);
if (!report.Passed || api.Definition.EffectiveSigningAlgorithm != SigningAlgorithm.RS256)
{
    return 1;
}

using var http = tenant.CreateHttpClient();
var validator = new AccessTokenValidator(api.Definition, tenant.Urls, new JsonWebKeySetCache(http, tenant.Urls.JwksUri));
var token = tenant.Tokens.ForApplication(worker.ClientId, orders.Identifier);
var result = await validator.ValidateAsync(token.Value);
Console.WriteLine($"validated: {result.IsValid}, scopes: {string.Join(' ', result.Scopes)}");

#if FULL_CONSUMER
token.Should().HaveAudience(orders.Identifier).And.HaveScopes("read:orders");
var builder = WebApplication.CreateSlimBuilder();
builder.Services.AddAuthentication().AddAuth0JwtBearer(tenant.Urls, orders, o => o.BackchannelHttpHandler = tenant.CreateHandler());
await using var app = builder.Build();
Console.WriteLine("ASP.NET Core app with AddAuth0JwtBearer built.");
#endif

return result.IsValid ? 0 : 1;
