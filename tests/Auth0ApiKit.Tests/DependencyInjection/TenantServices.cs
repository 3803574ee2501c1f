using Auth0ApiKit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.Tests.DependencyInjection;

/// <summary>A fake tenant with a management application, and service collections that register it through <c>AddAuth0ApiKit</c>.</summary>
internal sealed class TenantServices
{
    public TenantServices(FakeTimeProvider? time = null)
    {
        Time = time ?? TestClock.Fixed();
        Tenant = TestTenant.New(o => o.TimeProvider = Time);
        Application = Tenant.CreateManagementApplication();
    }

    public FakeTimeProvider Time { get; }

    public FakeTenant Tenant { get; }

    public FakeApplication Application { get; }

    /// <summary>The tenant's host, which tags every activity and measurement of its requests.</summary>
    public string Host => Tenant.Urls.IssuerUri.Host;

    /// <summary>The settings of the section <c>Auth0</c> that reach this tenant, plus <paramref name="extra"/> (a <see langword="null"/> value removes a setting).</summary>
    public IConfiguration Configuration(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth0:Issuer"] = Tenant.Urls.Issuer,
            ["Auth0:ClientId"] = Application.ClientId,
            ["Auth0:ClientSecret"] = Application.ClientSecret.Reveal(),
            ["Auth0:Resilience:BaseDelay"] = "00:00:00", // retries without waiting, so that no test drives the clock for them
        };
        foreach (var (key, value) in extra)
        {
            settings["Auth0:" + key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)).Build().GetSection("Auth0");
    }

    /// <summary>Services with logging (to a fake logger) and this tenant's clock.</summary>
    public IServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddSingleton<TimeProvider>(Time);
        return services;
    }

    /// <summary>Registers this tenant (unnamed) from configuration, reached in memory.</summary>
    public IServiceCollection ServicesWithTenant(params (string Key, string? Value)[] extra)
    {
        var services = Services();
        services.AddAuth0ApiKit(Configuration(extra)).Configure(o => o.Transport = Tenant.CreateHandler());
        return services;
    }
}
