using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// What a user's access token for an API carries, as Auth0 decides it (AUTH0-USER-FLOWS section 5): the requested
/// OpenID Connect scopes, and of the requested API scopes those the API defines, narrowed with RBAC
/// (<c>enforce_policies</c>) to the permissions the user holds, directly or through roles. The <c>permissions</c> claim
/// of the <c>*_authz</c> dialects holds all those permissions, whatever was requested.
/// </summary>
internal static class UserScopes
{
    /// <summary>The OpenID Connect scopes, which pass into the token whatever the API and RBAC say.</summary>
    private static readonly string[] OpenIdConnect = ["openid", "profile", "email", "offline_access"];

    /// <summary>
    /// Under the gate: a user's permissions for an API, directly or through roles. A user id the tenant does not know
    /// holds none (so with RBAC on, its tokens carry no API scope).
    /// </summary>
    public static IReadOnlyList<string> PermissionsOf(TenantStore store, string userId, string apiIdentifier) =>
        store.Users.Contains(userId) ? store.Roles.EffectivePermissions(userId, apiIdentifier) : [];

    /// <summary>The requested scopes a user's token for <paramref name="api"/> carries, in the order requested.</summary>
    public static IReadOnlyList<string> Granted(ResourceServerDto api, IEnumerable<string> requested, IReadOnlyList<string> permissions)
    {
        var enforced = api.EnforcePolicies == true;
        return [.. requested.Where(scope => OpenIdConnect.Contains(scope, StringComparer.Ordinal) ||
            ((api.Scopes ?? []).Any(s => s.Value == scope) && (!enforced || permissions.Contains(scope, StringComparer.Ordinal))))];
    }
}
