using Auth0ApiKit.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Endpoints that require Auth0 scopes or permissions: <c>app.MapGet(...).RequireScope("read:orders")</c>.
/// </summary>
public static class Auth0EndpointConventionBuilderExtensions
{
    /// <summary>
    /// Requires an authenticated user whose token grants every one of <paramref name="scopes"/>: 401 without a valid
    /// token, 403 when a scope is missing.
    /// </summary>
    /// <exception cref="ArgumentException">No scope is given, or one is empty or holds white space.</exception>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, params string[] scopes) where TBuilder : IEndpointConventionBuilder
    {
        var requirement = new ScopeRequirement(scopes);
        return builder.RequireAuthorization(policy => policy.AddRequirements(requirement));
    }

    /// <summary>
    /// Requires an authenticated user whose token carries every one of <paramref name="permissions"/>: 401 without a
    /// valid token, 403 when a permission is missing.
    /// </summary>
    /// <exception cref="ArgumentException">No permission is given, or one is empty or holds white space.</exception>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, params string[] permissions) where TBuilder : IEndpointConventionBuilder
    {
        var requirement = new PermissionRequirement(permissions);
        return builder.RequireAuthorization(policy => policy.AddRequirements(requirement));
    }
}
