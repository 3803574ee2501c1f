using Auth0ApiKit.Apis;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Management;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth0ApiKit.Tests.DependencyInjection;

public sealed class RegistrationTests
{
    private static readonly ApiDefinition Orders = Api.Define("Orders API").WithIdentifier("https://orders.example.com")
        .WithScope("read:orders", "Read orders").Build();

    [Fact]
    public async Task Resolves_one_client_that_manages_the_configured_tenant()
    {
        var fixture = new TenantServices();
        await using var provider = fixture.ServicesWithTenant().BuildServiceProvider();

        var client = provider.GetRequiredService<IAuth0ManagementClient>();
        await client.Apis.CreateAsync(Orders).WaitAsync(Bound);

        client.Should().BeSameAs(provider.GetRequiredService<Auth0ManagementClient>())
            .And.BeSameAs(provider.GetRequiredKeyedService<IAuth0ManagementClient>(""));
        fixture.Tenant.Apis.Find(Orders.Identifier).Should().NotBeNull();
        provider.GetRequiredService<IAccessTokenProvider>().Should().BeSameAs(((Auth0ManagementClient)client).Tokens);
    }

    [Fact]
    public async Task Keys_the_clients_of_several_tenants_by_name()
    {
        var eu = new TenantServices();
        var us = new TenantServices(eu.Time);
        var services = eu.Services();
        services.AddAuth0ApiKit("eu", eu.Configuration()).Configure(o => o.Transport = eu.Tenant.CreateHandler());
        services.AddAuth0ApiKit("us", o =>
        {
            o.Issuer = us.Tenant.Urls.Issuer;
            o.ClientId = us.Application.ClientId;
            o.ClientSecret = us.Application.ClientSecret.Reveal();
            o.Transport = us.Tenant.CreateHandler();
        });
        await using var provider = services.BuildServiceProvider();

        var euClient = provider.GetRequiredKeyedService<IAuth0ManagementClient>("eu");
        var usClient = provider.GetRequiredKeyedService<IAuth0ManagementClient>("us");
        await euClient.Apis.CreateAsync(Orders).WaitAsync(Bound);

        euClient.Should().NotBeSameAs(usClient);
        ((Auth0ManagementClient)usClient).Urls.Should().Be(us.Tenant.Urls);
        eu.Tenant.Apis.Find(Orders.Identifier).Should().NotBeNull();
        us.Tenant.Apis.Find(Orders.Identifier).Should().BeNull();
        provider.GetService<IAuth0ManagementClient>().Should().BeNull("only named tenants were registered");
        provider.GetRequiredKeyedService<IAccessTokenProvider>("eu").Should().NotBeSameAs(provider.GetRequiredKeyedService<IAccessTokenProvider>("us"));
    }

    [Fact]
    public async Task Shares_one_token_provider_per_tenant_and_client_id()
    {
        var fixture = new TenantServices();
        var services = fixture.Services();
        services.AddAuth0ApiKit("reader", fixture.Configuration()).Configure(o => o.Transport = fixture.Tenant.CreateHandler());
        services.AddAuth0ApiKit("writer", fixture.Configuration()).Configure(o => o.Transport = fixture.Tenant.CreateHandler());
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IAuth0ManagementClient>("reader").Apis.ListPageAsync(0, 10).WaitAsync(Bound);
        await provider.GetRequiredKeyedService<IAuth0ManagementClient>("writer").Apis.ListPageAsync(0, 10).WaitAsync(Bound);

        provider.GetRequiredKeyedService<IAccessTokenProvider>("reader").Should().BeSameAs(provider.GetRequiredKeyedService<IAccessTokenProvider>("writer"));
        fixture.Tenant.Journal.For("POST", "/oauth/token").Should().ContainSingle();
    }

    [Fact]
    public async Task Takes_an_HttpClient_from_the_factory_for_every_call()
    {
        var fixture = new TenantServices();
        var services = fixture.ServicesWithTenant();
        var created = new List<string>();
        services.ConfigureHttpClientDefaults(http => http.ConfigureHttpClient((_, client) =>
        {
            lock (created)
            {
                created.Add(client.GetType().Name);
            }
        }));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IAuth0ManagementClient>();

        for (var call = 0; call < 3; call++)
        {
            await client.Apis.ListPageAsync(0, 10).WaitAsync(Bound);
        }

        created.Should().HaveCount(4, "three Management API calls and one token fetch each took a client of their own");
        fixture.Tenant.Journal.TotalRequests.Should().Be(4);
    }

    [Fact]
    public async Task A_second_registration_under_a_name_adds_settings_not_a_second_pipeline()
    {
        var fixture = new TenantServices();
        var services = fixture.ServicesWithTenant(("ClientSecret", "wrong"));
        services.AddAuth0ApiKit(o => o.ClientSecret = fixture.Application.ClientSecret.Reveal());
        fixture.Tenant.Faults.Script("GET", "/api/v2/resource-servers", Testing.Faults.Fault.ServiceUnavailable());
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IAuth0ManagementClient>().Apis.ListPageAsync(0, 10).WaitAsync(Bound);

        fixture.Tenant.Journal.For("GET", "/api/v2/resource-servers").Should().HaveCount(2, "one retry layer retried the 503 once");
    }

    [Fact]
    public async Task Gives_your_own_HttpClient_tokens_for_your_API()
    {
        var fixture = new TenantServices();
        fixture.Tenant.Apis.Add(Orders);
        fixture.Tenant.Authorizations.Authorize(fixture.Application.ClientId, Orders.Identifier, ["read:orders"]);
        var services = fixture.ServicesWithTenant();
        var ordersApi = new RecordingHandler();
        services.AddHttpClient("orders", c => c.BaseAddress = new Uri("https://orders.example.com/"))
            .ConfigurePrimaryHttpMessageHandler(() => ordersApi)
            .AddAuth0AccessToken(Orders.Identifier);
        await using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        using var first = await http.GetAsync(new Uri("orders/1", UriKind.Relative)).WaitAsync(Bound);
        using var second = await http.GetAsync(new Uri("orders/2", UriKind.Relative)).WaitAsync(Bound);

        ordersApi.Authorizations.Should().HaveCount(2).And.OnlyContain(a => a == ordersApi.Authorizations[0]);
        ordersApi.Authorizations[0].Should().StartWith("Bearer ");
        var token = new JsonWebToken(ordersApi.Authorizations[0]["Bearer ".Length..]);
        token.Audiences.Should().Equal(Orders.Identifier);
        token.GetClaim("scope").Value.Should().Be("read:orders");
        fixture.Tenant.Journal.For("POST", "/oauth/token").Should().ContainSingle("the token is cached");
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<string> Authorizations { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Authorizations)
            {
                Authorizations.Add(request.Headers.Authorization?.ToString() ?? string.Empty);
            }

            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { RequestMessage = request });
        }
    }
}
