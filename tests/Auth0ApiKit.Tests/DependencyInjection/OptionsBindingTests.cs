using System.ComponentModel.DataAnnotations;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Management;
using Auth0ApiKit.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Auth0ApiKit.Tests.DependencyInjection;

public sealed class OptionsBindingTests
{
    private const string Secret = "s3cr3t-value-that-must-never-show-0123456789";

    [Fact]
    public void Binds_every_setting_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth0:Domain"] = "dev-abc.us.auth0.com",
            ["Auth0:Issuer"] = "http://127.0.0.1:5000/",
            ["Auth0:CustomDomain"] = "login.example.com",
            ["Auth0:BaseAddress"] = "https://proxy.example.com/auth0/",
            ["Auth0:ClientId"] = "client-id",
            ["Auth0:ClientSecret"] = Secret,
            ["Auth0:ClientAuthenticationMethod"] = "Basic",
            ["Auth0:AccessToken"] = "ready-token",
            ["Auth0:Resilience:Enabled"] = "false",
            ["Auth0:Resilience:MaxRetries"] = "5",
            ["Auth0:Resilience:BaseDelay"] = "00:00:02",
            ["Auth0:Resilience:MaxDelay"] = "00:00:30",
            ["Auth0:Resilience:MaxRateLimitWait"] = "00:00:20",
            ["Auth0:Resilience:AttemptTimeout"] = "00:00:10",
            ["Auth0:Resilience:TotalTimeout"] = "00:00:40",
            ["Auth0:TokenCache:RefreshBeforeExpiry"] = "00:02:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddAuth0ApiKit(configuration.GetSection("Auth0"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<Auth0ManagementClientOptions>>().Get(Options.DefaultName);

        options.Should().BeEquivalentTo(new
        {
            Domain = "dev-abc.us.auth0.com",
            Issuer = "http://127.0.0.1:5000/",
            CustomDomain = "login.example.com",
            BaseAddress = new Uri("https://proxy.example.com/auth0/"),
            ClientId = "client-id",
            ClientSecret = Secret,
            ClientAuthenticationMethod = ClientAuthenticationMethod.Basic,
            AccessToken = "ready-token",
            Resilience = new
            {
                Enabled = false,
                MaxRetries = 5,
                BaseDelay = TimeSpan.FromSeconds(2),
                MaxDelay = TimeSpan.FromSeconds(30),
                MaxRateLimitWait = TimeSpan.FromSeconds(20),
                AttemptTimeout = (TimeSpan?)TimeSpan.FromSeconds(10),
                TotalTimeout = (TimeSpan?)TimeSpan.FromSeconds(40),
            },
            TokenCache = new { RefreshBeforeExpiry = TimeSpan.FromMinutes(2) },
        });
    }

    [Fact]
    public void Keeps_the_defaults_of_settings_the_configuration_leaves_out()
    {
        var services = new ServiceCollection();
        services.AddAuth0ApiKit(Section(("Domain", "dev-abc.us.auth0.com"), ("ClientId", "id"), ("ClientSecret", Secret)));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<Auth0ManagementClientOptions>>().Get(Options.DefaultName);

        options.Resilience.Should().BeEquivalentTo(new Auth0ResilienceOptions(), o => o.Excluding(r => r.Jitter));
        options.TokenCache.RefreshBeforeExpiry.Should().Be(TimeSpan.FromMinutes(5));
        options.ClientAuthenticationMethod.Should().Be(ClientAuthenticationMethod.Post);
    }

    public static TheoryData<string, string?, string> BrokenSettings => new()
    {
        { "Domain", null, "Domain: Domain (or Issuer) is required." },
        { "Domain", "https://dev-abc.us.auth0.com", "Domain: The domain must be a host name such as 'dev-abc.us.auth0.com'" },
        { "CustomDomain", "login.example.com/path", "CustomDomain: The domain must be a host name" },
        { "Issuer", "http://tenant.example.com/", "Issuer: The issuer must use https" },
        { "BaseAddress", "/relative/", "BaseAddress: It must be an absolute https URL (plain http only on a loopback host)" },
        { "BaseAddress", "http://proxy.example.com/", "BaseAddress: It must be an absolute https URL (plain http only on a loopback host)" },
        { "ClientId", null, "ClientId: ClientId is required unless AccessToken or TokenProvider is set." },
        { "ClientSecret", null, "ClientSecret: ClientSecret is required unless AccessToken or TokenProvider is set." },
        { "ClientAuthenticationMethod", "7", "ClientAuthenticationMethod: It must be Post or Basic." },
        { "Resilience:MaxRetries", "11", "Resilience.MaxRetries must be between 0 and 10; it is 11." },
        { "Resilience:TotalTimeout", "00:00:01", "Resilience.TotalTimeout must be not shorter than AttemptTimeout (00:00:30); it is 00:00:01." },
        { "TokenCache:RefreshBeforeExpiry", "02:00:00", "TokenCache.RefreshBeforeExpiry must be between zero and one hour." },
    };

    [Theory]
    [MemberData(nameof(BrokenSettings))]
    public void A_broken_setting_stops_the_start_naming_the_setting(string key, string? value, string expected)
    {
        var settings = new List<(string, string?)> { ("Domain", "dev-abc.us.auth0.com"), ("ClientId", "id"), ("ClientSecret", Secret) };
        settings.RemoveAll(s => s.Item1 == key);
        settings.Add((key, value));
        var services = new ServiceCollection();
        services.AddAuth0ApiKit(Section([.. settings]));
        using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        var failure = start.Should().Throw<OptionsValidationException>().Which;
        failure.Message.Should().Contain(expected).And.NotContain(Secret);
        failure.OptionsType.Should().Be<Auth0ManagementClientOptions>();
    }

    [Fact]
    public void A_named_registration_is_validated_at_start_under_its_name()
    {
        var services = new ServiceCollection();
        services.AddAuth0ApiKit("eu", Section(("Domain", "dev-eu.eu.auth0.com"), ("ClientId", "id")));
        using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<OptionsValidationException>().Which.OptionsName.Should().Be("eu");
    }

    [Fact]
    public void Plain_construction_applies_the_same_rules()
    {
        var options = new Auth0ManagementClientOptions { Domain = "dev-abc.us.auth0.com", ClientId = "id", ClientSecret = Secret };
        options.Resilience!.MaxRetries = 11;

        var act = () => new Auth0ManagementClient(options);

        act.Should().Throw<ValidationException>().WithMessage("*Resilience.MaxRetries must be between 0 and 10; it is 11.*")
            .Which.Message.Should().NotContain(Secret);
    }

    [Fact]
    public void Valid_settings_pass_at_start()
    {
        var services = new ServiceCollection();
        services.AddAuth0ApiKit(o =>
        {
            o.Domain = "dev-abc.us.auth0.com";
            o.AccessToken = "ready-token";
        });
        using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        start.Should().NotThrow();
    }

    private static IConfigurationSection Section(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Where(s => s.Value is not null).Select(s => KeyValuePair.Create("Auth0:" + s.Key, s.Value)))
            .Build()
            .GetSection("Auth0");
}
