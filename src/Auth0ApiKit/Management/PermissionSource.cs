namespace Auth0ApiKit.Management;

/// <summary>
/// One source of a user's permission: the direct assignment, or a role (named by id and name). Read-only; tests build
/// one with <see cref="Auth0ModelFactory.PermissionSource"/>.
/// </summary>
public sealed class PermissionSource
{
    internal PermissionSource(PermissionSourceKind kind, string? roleId, string? roleName)
    {
        Kind = kind;
        RoleId = roleId;
        RoleName = roleName;
    }

    /// <summary>Whether the permission is assigned directly or through a role.</summary>
    public PermissionSourceKind Kind { get; }

    /// <summary>The role's id for <see cref="PermissionSourceKind.Role"/>; <see langword="null"/> for a direct assignment.</summary>
    public string? RoleId { get; }

    /// <summary>The role's name for <see cref="PermissionSourceKind.Role"/>; <see langword="null"/> for a direct assignment.</summary>
    public string? RoleName { get; }

    /// <summary><c>direct</c>, or the role, such as <c>role 'orders-admin' (id rol_...)</c>.</summary>
    public override string ToString() => Kind == PermissionSourceKind.Direct ? "direct" : $"role '{RoleName}' (id {RoleId})";
}
