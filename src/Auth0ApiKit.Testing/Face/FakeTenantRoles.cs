using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing;

/// <summary>
/// The roles of a fake tenant and the permissions of its users, for seeding and inspecting. Each call applies the
/// rules of the Management API call it stands for: a permission names a scope of an existing API, a user exists.
/// </summary>
public sealed class FakeTenantRoles
{
    private readonly TenantStore _store;
    private readonly RolesEndpoint _roles;
    private readonly UserAccessEndpoint _users;

    internal FakeTenantRoles(TenantStore store)
    {
        _store = store;
        _roles = new RolesEndpoint(store);
        _users = new UserAccessEndpoint(store);
    }

    /// <summary>Creates a role as <c>POST /api/v2/roles</c> would.</summary>
    /// <returns>The role's id (<c>rol_…</c>).</returns>
    /// <exception cref="FakeTenantException">The name is empty or taken.</exception>
    public string Add(string name, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var response = _roles.Create(new RoleDto { Name = name, Description = description });
        FaceErrors.ThrowUnless(response, 200);
        return ((RoleDto)response.Value!).Id!;
    }

    /// <summary>The id of the role with this name, or <see langword="null"/>.</summary>
    public string? FindId(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_store.Gate)
        {
            return _store.Roles.FindByName(name)?.Id;
        }
    }

    /// <summary>Deletes a role: its users lose the permissions it gave them.</summary>
    /// <returns>Whether a role was deleted.</returns>
    public bool Remove(string roleId)
    {
        ArgumentNullException.ThrowIfNull(roleId);
        return _roles.Delete(roleId).Status == 200;
    }

    /// <summary>Gives a role permissions on an API, as <c>POST /api/v2/roles/{id}/permissions</c> would.</summary>
    /// <exception cref="FakeTenantException">The role or the API is unknown, or a permission names none of the API's scopes.</exception>
    public void Grant(string roleId, string apiIdentifier, params IEnumerable<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(roleId);
        FaceErrors.ThrowUnless(_roles.AddPermissions(roleId, null, Permissions(apiIdentifier, permissions)), 201);
    }

    /// <summary>Assigns a role to users, as <c>POST /api/v2/roles/{id}/users</c> would.</summary>
    /// <exception cref="FakeTenantException">The role or one of the users is unknown.</exception>
    public void Assign(string roleId, params IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(roleId);
        ArgumentNullException.ThrowIfNull(userIds);
        FaceErrors.ThrowUnless(_roles.AddUsers(roleId, null, [.. userIds]), 200);
    }

    /// <summary>Gives a user permissions on an API directly, as <c>POST /api/v2/users/{id}/permissions</c> would.</summary>
    /// <exception cref="FakeTenantException">
    /// The user or the API is unknown, a permission names none of the API's scopes, or the user would hold more direct
    /// permissions than Auth0 allows.
    /// </exception>
    public void GrantToUser(string userId, string apiIdentifier, params IEnumerable<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(userId);
        FaceErrors.ThrowUnless(_users.AddPermissions(userId, null, Permissions(apiIdentifier, permissions)), 201);
    }

    /// <summary>
    /// A user's permissions for an API, directly or through roles, each once: what RBAC lets the user's tokens for the
    /// API carry, and what their <c>permissions</c> claim lists. Empty for a user the tenant does not know.
    /// </summary>
    public IReadOnlyList<string> EffectivePermissions(string userId, string apiIdentifier)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(apiIdentifier);
        lock (_store.Gate)
        {
            return UserScopes.PermissionsOf(_store, userId, apiIdentifier);
        }
    }

    private static List<Permission> Permissions(string apiIdentifier, IEnumerable<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(apiIdentifier);
        ArgumentNullException.ThrowIfNull(permissions);
        return [.. permissions.Select(name => new Permission(apiIdentifier, name))];
    }
}
