using Auth0ApiKit.Management;
using Auth0ApiKit.Roles;

namespace Auth0ApiKit.Sync;

/// <summary>
/// A tenant's APIs, authorizations and applications, and (when asked for) its roles with their permissions, read at
/// once for a plan or an export.
/// </summary>
internal sealed record TenantSnapshot(IReadOnlyList<TenantApi> Apis, IReadOnlyList<TenantAuthorization> Authorizations,
    IReadOnlyList<TenantApplication> Applications, IReadOnlyList<SnapshotRole>? Roles = null)
{
    public static async Task<TenantSnapshot> ReadAsync(IAuth0ManagementClient client, bool withRoles, CancellationToken cancellationToken)
    {
        var apis = ToListAsync(client.Apis.ListAsync(cancellationToken));
        var authorizations = ToListAsync(client.Authorizations.ListAsync(cancellationToken: cancellationToken));
        var applications = ToListAsync(client.Applications.ListAsync(cancellationToken));
        var roles = withRoles ? ReadRolesAsync(client.Roles, cancellationToken) : Task.FromResult<IReadOnlyList<SnapshotRole>>([]);
        await Task.WhenAll(apis, authorizations, applications, roles).ConfigureAwait(false);
        return new TenantSnapshot(await apis.ConfigureAwait(false), await authorizations.ConfigureAwait(false),
            await applications.ConfigureAwait(false), withRoles ? await roles.ConfigureAwait(false) : null);
    }

    /// <summary>The identifiers of the system APIs, which a sync never touches.</summary>
    public HashSet<string> SystemIdentifiers() => Apis.Where(a => a.IsSystem).Select(a => a.Identifier).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every permission the role grants now, as a set.</summary>
    public static async Task<HashSet<ApiPermission>> PermissionsAsync(IRolesClient roles, string roleId, CancellationToken cancellationToken)
    {
        var held = new HashSet<ApiPermission>();
        await foreach (var permission in roles.ListPermissionsAsync(roleId, cancellationToken).ConfigureAwait(false))
        {
            held.Add(permission.Permission);
        }

        return held;
    }

    /// <summary>Every role, then each one's permissions (one list per role, in turn).</summary>
    private static async Task<IReadOnlyList<SnapshotRole>> ReadRolesAsync(IRolesClient roles, CancellationToken cancellationToken)
    {
        var read = new List<SnapshotRole>();
        foreach (var role in await ToListAsync(roles.ListAsync(cancellationToken)).ConfigureAwait(false))
        {
            read.Add(new SnapshotRole(role, [.. await PermissionsAsync(roles, role.Id, cancellationToken).ConfigureAwait(false)]));
        }

        return read;
    }

    private static async Task<IReadOnlyList<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}

/// <summary>A role of a tenant snapshot with every permission it grants.</summary>
internal sealed record SnapshotRole(TenantRole Role, IReadOnlyList<ApiPermission> Permissions);
