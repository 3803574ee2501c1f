using Auth0ApiKit.Management;
using Auth0ApiKit.Testing.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace Auth0ApiKit.Tests.DependencyInjection;

/// <summary>Apps whose HttpClients all retry turn the SDK's retry layer off, so that no call is retried by two layers.</summary>
public sealed class OneRetryLayerTests
{
    private const string Path = "/api/v2/resource-servers";

    [Fact]
    public async Task The_sdk_retries_by_default()
    {
        var fixture = new TenantServices();
        fixture.Tenant.Faults.Script("GET", Path, Fault.ServiceUnavailable());
        await using var provider = fixture.ServicesWithTenant().BuildServiceProvider();

        await provider.GetRequiredService<IAuth0ManagementClient>().Apis.ListPageAsync(0, 10).WaitAsync(Bound);

        fixture.Tenant.Journal.For("GET", Path).Should().HaveCount(2);
    }

    [Fact]
    public async Task Resilience_Enabled_false_in_configuration_removes_the_sdk_retry_layer()
    {
        var fixture = new TenantServices();
        fixture.Tenant.Faults.Script("GET", Path, Fault.ServiceUnavailable());
        await using var provider = fixture.ServicesWithTenant(("Resilience:Enabled", "false")).BuildServiceProvider();

        var act = () => provider.GetRequiredService<IAuth0ManagementClient>().Apis.ListPageAsync(0, 10).WaitAsync(Bound);

        (await act.Should().ThrowAsync<Auth0Exception>()).Which.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        fixture.Tenant.Journal.For("GET", Path).Should().ContainSingle();
    }

    [Fact]
    public async Task Resilience_null_in_code_removes_the_sdk_retry_layer()
    {
        var fixture = new TenantServices();
        fixture.Tenant.Faults.Script("GET", Path, Fault.ServiceUnavailable());
        var services = fixture.ServicesWithTenant();
        services.AddAuth0ApiKit(o => o.Resilience = null);
        await using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IAuth0ManagementClient>().Apis.ListPageAsync(0, 10).WaitAsync(Bound);

        await act.Should().ThrowAsync<Auth0Exception>();
        fixture.Tenant.Journal.For("GET", Path).Should().ContainSingle();
    }

    [Fact]
    public async Task With_the_standard_resilience_handler_on_every_client_only_that_layer_retries()
    {
        var fixture = new TenantServices();
        fixture.Tenant.Faults.Script("GET", Path, Fault.ServiceUnavailable(), times: 2);
        var services = fixture.ServicesWithTenant(("Resilience:Enabled", "false"));
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(o =>
        {
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.Delay = TimeSpan.Zero;
        }));
        await using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IAuth0ManagementClient>().Apis.ListPageAsync(0, 10).WaitAsync(Bound);

        await act.Should().ThrowAsync<Auth0Exception>("the app's one retry was used up; the SDK added none");
        fixture.Tenant.Journal.For("GET", Path).Should().HaveCount(2);
    }
}
