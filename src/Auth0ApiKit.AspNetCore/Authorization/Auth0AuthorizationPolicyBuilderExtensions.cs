using Auth0ApiKit.AspNetCore;

namespace Microsoft.AspNetCore.Authorization;

/// <summary>
/// Policies on Auth0's <c>scope</c> and <c>permissions</c> claims:
/// <c>options.AddPolicy("read", p => p.RequireScope("read:orders"))</c>.
/// </summary>
public static class Auth0AuthorizationPolicyBuilderExtensions
{
    /// <summary>Requires a token whose space-separated <c>scope</c> claim grants every one of <paramref name="scopes"/>.</summary>
    /// <exception cref="ArgumentException">No scope is given, or one is empty or holds white space.</exception>
    public static AuthorizationPolicyBuilder RequireScope(this AuthorizationPolicyBuilder builder, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new ScopeRequirement(scopes));
    }

    /// <summary>Requires a token whose <c>permissions</c> claim holds every one of <paramref name="permissions"/>.</summary>
    /// <exception cref="ArgumentException">No permission is given, or one is empty or holds white space.</exception>
    public static AuthorizationPolicyBuilder RequirePermission(this AuthorizationPolicyBuilder builder, params string[] permissions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new PermissionRequirement(permissions));
    }
}
