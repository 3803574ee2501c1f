using Auth0ApiKit.AspNetCore;
using Auth0ApiKit.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Protects shared tokens at rest with ASP.NET Core Data Protection.</summary>
public static class Auth0ApiKitDataProtectionExtensions
{
    /// <summary>
    /// Shares the registration's tokens through the registered <c>IDistributedCache</c>
    /// (<see cref="Auth0ApiKitBuilderExtensions.WithDistributedTokenCache"/>), encrypted with Data Protection
    /// (<see cref="DataProtectionAccessTokenProtector"/>). Configure the key ring with <c>services.AddDataProtection()</c>
    /// so that every process that shares the cache has the same keys.
    /// </summary>
    /// <param name="builder">The registration.</param>
    public static IAuth0ApiKitBuilder WithDataProtectedTokenCache(this IAuth0ApiKitBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDataProtection();
        builder.Services.TryAddSingleton<IAccessTokenProtector, DataProtectionAccessTokenProtector>();
        return builder.WithDistributedTokenCache();
    }
}
