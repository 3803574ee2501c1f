using System.Net;
using System.Net.Http.Headers;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Auth0ApiKit.AspNetCore.Tests;

/// <summary>What AddAuth0JwtBearer refuses, and what it leaves configured.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void An_api_or_domain_that_cannot_be_validated_is_refused_at_registration()
    {
        var noSecret = Api.WithIdentifier(TestApis.Identifier).SignedWith(SigningAlgorithm.HS256).Build();
        var authentication = new ServiceCollection().AddAuthentication();

        FluentActions.Invoking(() => authentication.AddAuth0JwtBearer("dev-abc.us.auth0.com", noSecret)).Should().Throw<ArgumentException>().WithMessage("*no signing secret*");
        FluentActions.Invoking(() => authentication.AddAuth0JwtBearer("https://dev-abc.us.auth0.com/", TestApis.Rs256)).Should().Throw<ArgumentException>()
            .WithParameterName("domain");
        FluentActions.Invoking(() => TenantUrls.ForIssuer("http://auth.example.com/")).Should().Throw<ArgumentException>("plain http is for loopback emulators only");
    }

    [Fact]
    public async Task Each_rung_of_the_ladder_adds_its_scheme_for_the_tenant_and_a_null_configure_sets_nothing()
    {
        const string Domain = "dev-abc.us.auth0.com";
        var services = new ServiceCollection().AddLogging();
        services.AddAuthentication()
            .AddAuth0JwtBearer(Domain, TestApis.Rs256, configure: null)
            .AddAuth0JwtBearer("by-domain", Domain, TestApis.Rs256)
            .AddAuth0JwtBearer("by-domain-configured", Domain, TestApis.Rs256, configure: null)
            .AddAuth0JwtBearer("by-urls", TenantUrls.ForDomain(Domain), TestApis.Rs256)
            .AddAuth0JwtBearer("by-urls-configured", TenantUrls.ForDomain(Domain), TestApis.Rs256, o => o.Validation.ClockSkew = TimeSpan.Zero);
        await using var provider = services.BuildServiceProvider();
        var schemes = provider.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>();

        foreach (var scheme in new[] { JwtBearerDefaults.AuthenticationScheme, "by-domain", "by-domain-configured", "by-urls", "by-urls-configured" })
        {
            schemes.Get(scheme).TokenValidationParameters.ValidIssuer.Should().Be($"https://{Domain}/", "the {0} scheme accepts the tenant's tokens", scheme);
        }

        var settings = provider.GetRequiredService<IOptionsMonitor<Auth0JwtBearerOptions>>();
        settings.Get("by-urls-configured").Validation.ClockSkew.Should().Be(TimeSpan.Zero, "its configure ran");
        settings.Get("by-domain-configured").Validation.ClockSkew.Should().Be(TimeSpan.FromMinutes(1), "a null configure sets nothing");
    }

    [Fact]
    public async Task The_scheme_keeps_claim_types_and_uses_the_sdks_parameters()
    {
        var clock = TestClock.Fixed();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
        services.AddAuthentication().AddAuth0JwtBearer("dev-abc.us.auth0.com", TestApis.Rs256, o => o.Validation.ClockSkew = TimeSpan.FromSeconds(5));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = options.TokenValidationParameters;

        options.MapInboundClaims.Should().BeFalse();
        options.Authority.Should().BeNull();
        options.ConfigurationManager.Should().BeNull("keys come from the SDK's JWKS cache, not from OIDC metadata");
        options.TokenHandlers.Should().ContainSingle();
        parameters.ValidIssuer.Should().Be("https://dev-abc.us.auth0.com/");
        parameters.ValidAudience.Should().Be(TestApis.Identifier);
        parameters.ValidAlgorithms.Should().Equal("RS256");
        parameters.TryAllIssuerSigningKeys.Should().BeFalse();
        parameters.IgnoreTrailingSlashWhenValidatingAudience.Should().BeFalse();
        parameters.IssuerSigningKeyResolver.Should().NotBeNull();
        parameters.LifetimeValidator.Should().NotBeNull();
        parameters.NameClaimType.Should().Be("sub");
        parameters.RoleClaimType.Should().Be("permissions");
    }

    [Theory]
    [InlineData("authority")]
    [InlineData("legacy-validators")]
    public async Task Settings_that_would_bypass_the_sdks_key_handling_stop_the_host_from_starting(string setting)
    {
        var clock = TestClock.Fixed();
        var tenant = TestTenant.New(o => o.TimeProvider = clock);
        tenant.Apis.Add(TestApis.Rs256);

        var start = () => ProtectedApi.StartAsync(tenant, TestApis.Rs256, clock, jwtBearer: o =>
        {
            if (setting == "authority")
            {
                o.Authority = tenant.Urls.Issuer;
            }
            else
            {
                o.UseSecurityTokenValidators = true;
            }
        });

        (await start.Should().ThrowAsync<OptionsValidationException>().WaitAsync(Bound))
            .WithMessage(setting == "authority" ? "*Authority*" : "*UseSecurityTokenValidators*");
    }

    [Fact]
    public async Task Two_schemes_protect_two_apis_of_a_tenant_each_with_its_own_audience()
    {
        var clock = TestClock.Fixed();
        var tenant = TestTenant.New(o => o.TimeProvider = clock);
        var orders = tenant.Apis.Add(TestApis.Rs256).Definition;
        var billing = tenant.Apis.Add(Api.Define("Billing").WithIdentifier("https://billing.example.com").SignedWith(SigningAlgorithm.HS256)
            .WithSigningSecret(new Secret(new string('b', 40))).Build()).Definition;
        var worker = tenant.Applications.AddMachineToMachine("worker");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddAuthentication()
            .AddAuth0JwtBearer("orders", tenant.Urls, orders, o => o.BackchannelHttpHandler = tenant.CreateHandler())
            .AddAuth0JwtBearer("billing", tenant.Urls, billing, configure: null);
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.MapGet("/orders", () => "orders").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = "orders" });
        app.MapGet("/billing", () => "billing").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = "billing" });
        await app.StartAsync().WaitAsync(Bound);
        using var client = app.GetTestClient();
        var ordersToken = tenant.Tokens.ForApplication(worker.ClientId, orders.Identifier, ["read:orders"]).Value;
        var billingToken = tenant.Tokens.ForApplication(worker.ClientId, billing.Identifier, []).Value;

        (await Get(client, "/orders", ordersToken)).Should().Be(HttpStatusCode.OK);
        (await Get(client, "/billing", billingToken)).Should().Be(HttpStatusCode.OK);
        (await Get(client, "/orders", billingToken)).Should().Be(HttpStatusCode.Unauthorized);
        (await Get(client, "/billing", ordersToken)).Should().Be(HttpStatusCode.Unauthorized);
        await app.StopAsync().WaitAsync(Bound);
    }

    private static async Task<HttpStatusCode> Get(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request).WaitAsync(Bound);
        return response.StatusCode;
    }
}
