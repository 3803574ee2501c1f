using System.Text;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Management;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Auth0ApiKit.AspNetCore.Tests;

/// <summary>Tokens shared through a distributed cache, encrypted with Data Protection.</summary>
public sealed class DataProtectedTokenCacheTests
{
    [Fact]
    public async Task Two_service_providers_with_one_key_ring_share_a_token_that_is_encrypted_at_rest()
    {
        var clock = TestClock.Fixed();
        var tenant = TestTenant.New(o => o.TimeProvider = clock);
        var options = tenant.CreateManagementClientOptions();
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var keys = new EphemeralDataProtectionProvider();
        await using var first = Services(options, cache, keys, clock);
        await using var second = Services(options, cache, keys, clock);

        await first.GetRequiredService<IAuth0ManagementClient>().Apis.ListPageAsync(0, 10).WaitAsync(Bound);
        await second.GetRequiredService<IAuth0ManagementClient>().Apis.ListPageAsync(0, 10).WaitAsync(Bound);

        tenant.Journal.For("POST", "/oauth/token").Should().ContainSingle();
        var token = await second.GetRequiredService<IAccessTokenProvider>().GetTokenAsync(tenant.Urls.ManagementApiAudience).AsTask().WaitAsync(Bound);
        var key = $"auth0apikit:token:{tenant.Urls.Issuer}:{options.ClientId}:{tenant.Urls.ManagementApiAudience}";
        var stored = await cache.GetAsync(key);
        stored.Should().NotBeNull();
        Encoding.UTF8.GetString(stored!).Should().NotContain(token.Value.Reveal());
        new DataProtectionAccessTokenProtector(keys).Unprotect(stored!).Should().NotBeEmpty();
    }

    private static ServiceProvider Services(Auth0ManagementClientOptions tenantOptions, IDistributedCache cache, IDataProtectionProvider keys, TimeProvider clock)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(clock).AddSingleton(cache).AddSingleton(keys);
        services.AddAuth0ApiKit(o =>
        {
            o.Issuer = tenantOptions.Issuer;
            o.ClientId = tenantOptions.ClientId;
            o.ClientSecret = tenantOptions.ClientSecret;
            o.Transport = tenantOptions.Transport;
        }).WithDataProtectedTokenCache();
        return services.BuildServiceProvider();
    }
}
