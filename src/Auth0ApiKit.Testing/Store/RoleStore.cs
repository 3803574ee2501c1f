namespace Auth0ApiKit.Testing.Store;

/// <summary>
/// The tenant's roles, their permissions and members, and users' direct permissions. Every member is called under the
/// tenant store's <see cref="TenantStore.Gate"/>.
/// </summary>
internal sealed class RoleStore
{
    /// <summary>Each user's direct permissions, as (API identifier, permission name).</summary>
    private readonly Dictionary<string, List<(string Api, string Permission)>> _directPermissions = new(StringComparer.Ordinal);

    /// <summary>Forgets a deleted user's roles and direct permissions.</summary>
    public void ForgetUser(string userId) => _directPermissions.Remove(userId);

    /// <summary>
    /// A user's permissions for an API, directly or through roles, without repeats, in the order Auth0 lists them:
    /// what RBAC intersects a user token's requested scopes with and what the <c>permissions</c> claim carries.
    /// </summary>
    public IReadOnlyList<string> EffectivePermissions(string userId, string apiIdentifier) =>
        _directPermissions.TryGetValue(userId, out var permissions)
            ? [.. permissions.Where(p => p.Api == apiIdentifier).Select(p => p.Permission).Distinct(StringComparer.Ordinal)]
            : [];
}
