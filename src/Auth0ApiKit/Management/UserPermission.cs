using System.Diagnostics.CodeAnalysis;
using Auth0ApiKit.Roles;

namespace Auth0ApiKit.Management;

/// <summary>
/// A permission a user holds, as Auth0 lists a user's permissions: the API and scope, the scope's description, the
/// API's name, and where it comes from (assigned directly, through roles, or both). Read-only, compared by reference;
/// tests build one with <see cref="Auth0ModelFactory.UserPermission"/>.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "Auth0's word for an API scope held by a role or user; not a .NET code-access permission.")]
public sealed class UserPermission
{
    internal UserPermission(ApiPermission permission, string? description, string? apiName, IReadOnlyList<PermissionSource> sources)
    {
        Permission = permission;
        Description = description;
        ApiName = apiName;
        Sources = sources;
    }

    /// <summary>The API and the scope.</summary>
    public ApiPermission Permission { get; }

    /// <summary>The scope's description, or <see langword="null"/> when it has none.</summary>
    public string? Description { get; }

    /// <summary>The API's name, or <see langword="null"/> when it has none.</summary>
    public string? ApiName { get; }

    /// <summary>Where the user's permission comes from: the direct assignment and each role that grants it.</summary>
    public IReadOnlyList<PermissionSource> Sources { get; }

    /// <summary>Whether the permission is assigned to the user directly (not only through roles).</summary>
    public bool IsDirect => Sources.Any(s => s.Kind == PermissionSourceKind.Direct);

    /// <summary>The API and the scope, such as <c>https://orders.example.com write:orders</c>.</summary>
    public override string ToString() => Permission.ToString();
}
