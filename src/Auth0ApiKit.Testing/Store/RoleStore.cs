using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Store;

/// <summary>One permission: a scope (<paramref name="Name"/>) of the API whose identifier is <paramref name="Api"/>.</summary>
internal readonly record struct Permission(string Api, string Name);

/// <summary>
/// The tenant's roles, their permissions and members, and users' direct permissions. Every member is called under the
/// tenant store's <see cref="TenantStore.Gate"/>; role rows are replaced, never changed in place. Permissions and
/// members are kept in the order they were added; adding one held already changes nothing.
/// </summary>
internal sealed class RoleStore
{
    /// <summary>Auth0's limit on the permissions assigned to one user directly (its entity-limit policy).</summary>
    public const int MaxDirectPermissionsPerUser = 1000;

    private readonly OrderedTable<RoleDto> _roles = new(r => r.Id!);
    private readonly Dictionary<string, List<Permission>> _rolePermissions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Permission>> _directPermissions = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Counts committed changes to roles, permissions and members (part of <see cref="TenantStore.Version"/>).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Every role, in creation order.</summary>
    public IReadOnlyList<RoleDto> Rows => _roles.Rows;

    /// <summary>The role with this id, or <see langword="null"/>.</summary>
    public RoleDto? Find(string roleId) => _roles.TryGet(roleId, out var role) ? role : null;

    /// <summary>The role with exactly this name, or <see langword="null"/>.</summary>
    public RoleDto? FindByName(string name) => _roles.Rows.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>Adds a new role (its id and name not taken).</summary>
    public void Add(RoleDto role)
    {
        _roles.Add(role);
        Touch();
    }

    /// <summary>Replaces a role's row (same id).</summary>
    public void Replace(RoleDto role)
    {
        _roles.Replace(role);
        Touch();
    }

    /// <summary>Removes a role with its permissions and its members' assignments; whether there was one.</summary>
    public bool Remove(string roleId)
    {
        if (!_roles.Remove(roleId))
        {
            return false;
        }

        _rolePermissions.Remove(roleId);
        _members.Remove(roleId);
        Touch();
        return true;
    }

    /// <summary>A role's permissions, in the order they were added.</summary>
    public IReadOnlyList<Permission> PermissionsOf(string roleId) =>
        _rolePermissions.TryGetValue(roleId, out var permissions) ? permissions : [];

    /// <summary>Adds permissions to a role (those it holds already are skipped).</summary>
    public void AddPermissions(string roleId, IEnumerable<Permission> permissions) => AddTo(_rolePermissions, roleId, permissions);

    /// <summary>Takes permissions from a role (those it does not hold are skipped).</summary>
    public void RemovePermissions(string roleId, IEnumerable<Permission> permissions) => RemoveFrom(_rolePermissions, roleId, permissions);

    /// <summary>The ids of a role's members, in the order they were assigned.</summary>
    public IReadOnlyList<string> MembersOf(string roleId) => _members.TryGetValue(roleId, out var members) ? members : [];

    /// <summary>Assigns a role to users (members already are skipped).</summary>
    public void AddMembers(string roleId, IEnumerable<string> userIds) => AddTo(_members, roleId, userIds);

    /// <summary>The roles assigned to a user, in the roles' creation order.</summary>
    public IReadOnlyList<RoleDto> RolesOf(string userId) =>
        [.. _roles.Rows.Where(r => _members.TryGetValue(r.Id!, out var members) && members.Contains(userId, StringComparer.Ordinal))];

    /// <summary>Takes roles from a user (roles the user does not hold, or that do not exist, are skipped).</summary>
    public void UnassignRoles(string userId, IEnumerable<string> roleIds)
    {
        foreach (var roleId in roleIds)
        {
            RemoveFrom(_members, roleId, [userId]);
        }
    }

    /// <summary>A user's direct permissions, in the order they were assigned.</summary>
    public IReadOnlyList<Permission> DirectPermissionsOf(string userId) =>
        _directPermissions.TryGetValue(userId, out var permissions) ? permissions : [];

    /// <summary>
    /// Assigns permissions to a user directly, unless the user would then hold more than
    /// <see cref="MaxDirectPermissionsPerUser"/> of them.
    /// </summary>
    /// <returns>Whether they were assigned (all or none).</returns>
    public bool AddDirectPermissions(string userId, IReadOnlyCollection<Permission> permissions)
    {
        var held = DirectPermissionsOf(userId);
        if (held.Count + permissions.Distinct().Count(p => !held.Contains(p)) > MaxDirectPermissionsPerUser)
        {
            return false;
        }

        AddTo(_directPermissions, userId, permissions);
        return true;
    }

    /// <summary>Takes direct permissions from a user (those the user does not hold are skipped).</summary>
    public void RemoveDirectPermissions(string userId, IEnumerable<Permission> permissions) => RemoveFrom(_directPermissions, userId, permissions);

    /// <summary>Forgets a deleted user's roles and direct permissions.</summary>
    public void ForgetUser(string userId)
    {
        var changed = _directPermissions.Remove(userId);
        foreach (var members in _members.Values)
        {
            changed |= members.Remove(userId);
        }

        if (changed)
        {
            Touch();
        }
    }

    /// <summary>
    /// Takes away every permission on the API <paramref name="apiIdentifier"/> that names none of
    /// <paramref name="scopes"/> (all of them when <see langword="null"/>: the API is deleted), from roles and users
    /// alike, as Auth0 does when an API is deleted or loses a scope.
    /// </summary>
    public void ForgetPermissionsOutside(string apiIdentifier, IReadOnlyCollection<ResourceServerScopeDto>? scopes)
    {
        bool Gone(Permission p) => p.Api == apiIdentifier && (scopes is null || !scopes.Any(s => s.Value == p.Name));
        var removed = 0;
        foreach (var permissions in _rolePermissions.Values.Concat(_directPermissions.Values))
        {
            removed += permissions.RemoveAll(Gone);
        }

        if (removed > 0)
        {
            Touch();
        }
    }

    /// <summary>
    /// A user's permissions for an API, directly or through roles, without repeats: the direct ones first, then each
    /// role's in the roles' creation order. This is what RBAC intersects a user token's requested scopes with and what
    /// the <c>permissions</c> claim carries. A user the tenant does not know holds none.
    /// </summary>
    public IReadOnlyList<string> EffectivePermissions(string userId, string apiIdentifier) =>
        [.. Sources(userId).Select(s => s.Permission).Where(p => p.Api == apiIdentifier).Select(p => p.Name).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Every permission a user holds with where it comes from: each direct one (role <see langword="null"/>), then each
    /// of each assigned role, in the roles' creation order. A permission held twice appears twice.
    /// </summary>
    public IEnumerable<(Permission Permission, RoleDto? Role)> Sources(string userId)
    {
        foreach (var permission in DirectPermissionsOf(userId))
        {
            yield return (permission, null);
        }

        foreach (var role in RolesOf(userId))
        {
            foreach (var permission in PermissionsOf(role.Id!))
            {
                yield return (permission, role);
            }
        }
    }

    private void AddTo<T>(Dictionary<string, List<T>> lists, string key, IEnumerable<T> items)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            list = [];
            lists.Add(key, list);
        }

        var added = false;
        foreach (var item in items)
        {
            if (!list.Contains(item))
            {
                list.Add(item);
                added = true;
            }
        }

        if (added)
        {
            Touch();
        }
    }

    private void RemoveFrom<T>(Dictionary<string, List<T>> lists, string key, IEnumerable<T> items)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            return;
        }

        var removed = false;
        foreach (var item in items)
        {
            removed |= list.Remove(item);
        }

        if (removed)
        {
            Touch();
        }
    }

    private void Touch() => Interlocked.Increment(ref _version);
}
