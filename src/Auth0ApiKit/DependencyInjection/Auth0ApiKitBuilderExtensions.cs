using Auth0ApiKit;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Management;
using Microsoft.Extensions.Caching.Distributed;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Further configuration of one <c>AddAuth0ApiKit</c> registration.</summary>
public static class Auth0ApiKitBuilderExtensions
{
    /// <summary>
    /// Sets options in code after those bound from configuration: the settings that have no configuration form
    /// (<see cref="Auth0ManagementClientOptions.Transport"/>, <see cref="Auth0ManagementClientOptions.TokenProvider"/>, ...).
    /// </summary>
    /// <param name="builder">The registration.</param>
    /// <param name="configure">Sets the options.</param>
    public static IAuth0ApiKitBuilder Configure(this IAuth0ApiKitBuilder builder, Action<Auth0ManagementClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<Auth0ManagementClientOptions>(builder.Name).Configure(configure);
        return builder;
    }

    /// <summary>
    /// Shares the registration's tokens with other processes through the registered <see cref="IDistributedCache"/>
    /// (<c>AddStackExchangeRedisCache</c>, for example), as a <see cref="DistributedAccessTokenCache"/>. Tokens are
    /// encrypted with the registered <see cref="IAccessTokenProtector"/> if there is one, else stored readable: read the
    /// remarks of <see cref="DistributedAccessTokenCache"/> before going without. A cache that fails only costs a fetch.
    /// </summary>
    /// <param name="builder">The registration.</param>
    public static IAuth0ApiKitBuilder WithDistributedTokenCache(this IAuth0ApiKitBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // After every Configure, so that the cache runs on the token provider's clock: the token cache options', else the
        // client options', else the container's.
        builder.Services.AddOptions<Auth0ManagementClientOptions>(builder.Name).PostConfigure<IServiceProvider>((options, services) =>
        {
            if (options.TokenCache is { SharedCache: null } cache)
            {
                cache.SharedCache = new DistributedAccessTokenCache(services.GetRequiredService<IDistributedCache>(),
                    services.GetService<IAccessTokenProtector>(), options: null, ComponentServices.From(services).With(options).With(cache));
            }
        });
        return builder;
    }
}
