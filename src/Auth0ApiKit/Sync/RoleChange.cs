using Auth0ApiKit.Management;
using Auth0ApiKit.Roles;

namespace Auth0ApiKit.Sync;

/// <summary>
/// What a plan does to one role, matched by its exact name: its description (only when the desired role sets one)
/// and its permissions on the desired state's APIs. Permissions on other APIs (system APIs included) are not the
/// sync's and are left as they are, except that a deleted role takes them along.
/// </summary>
public sealed class RoleChange : SyncChange
{
    internal RoleChange(ChangeKind kind, string name, TenantRole? before, IReadOnlyList<ApiPermission> beforePermissions, RoleDefinition? desired,
        IReadOnlyList<ApiPermission>? kept = null)
        : base(kind, isRefused: false)
    {
        Name = name;
        Before = before;
        BeforePermissions = [.. beforePermissions];
        Desired = desired;
        Kept = [.. kept ?? []];
        var will = desired?.Permissions ?? [];
        AddedPermissions = [.. will.Except(beforePermissions)];
        RemovedPermissions = [.. beforePermissions.Except(will)];
        var description = desired?.Description is { } after && after != before?.Description
            ? new FieldChange(Wire.RoleFields.Description, before?.Description, after)
            : null;
        Fields = description is null ? [] : [description];
    }

    /// <summary>The role's name.</summary>
    public string Name { get; }

    /// <summary>The role as the plan saw it in the tenant; <see langword="null"/> for a creation.</summary>
    public TenantRole? Before { get; }

    /// <summary>
    /// The permissions the sync manages that the role granted when the plan saw it: those on the desired state's APIs
    /// (for a deletion, all of them). Empty for a creation.
    /// </summary>
    public IReadOnlyList<ApiPermission> BeforePermissions { get; }

    /// <summary>The desired role; <see langword="null"/> for a deletion.</summary>
    public RoleDefinition? Desired { get; }

    /// <summary>The description, when it is set (a creation) or changes (an update); empty otherwise.</summary>
    public IReadOnlyList<FieldChange> Fields { get; }

    /// <summary>The permissions granted that were not before (all of them for a creation).</summary>
    public IReadOnlyList<ApiPermission> AddedPermissions { get; }

    /// <summary>The permissions no longer granted (all of them for a deletion).</summary>
    public IReadOnlyList<ApiPermission> RemovedPermissions { get; }

    /// <inheritdoc />
    public override string Target => "role " + Name;

    /// <summary>The role's permissions on APIs outside the desired state, which an update keeps.</summary>
    internal IReadOnlyList<ApiPermission> Kept { get; }
}
