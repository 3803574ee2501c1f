using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.RoleFields;

namespace Auth0ApiKit.Wire;

/// <summary>
/// The bodies of <c>/api/v2/roles</c> and of the role and permission assignments, as Auth0's Management OpenAPI
/// document types them: every body is closed; a role create needs <c>name</c>; each assignment list holds one item at
/// least. The assignment bodies are checked as creates (their required rows then count).
/// </summary>
internal static class RoleTable
{
    /// <summary>A role, in the order Auth0 returns its properties. PATCH needs no property.</summary>
    public static WireShape Shape { get; } = new(
        WireField.String(F.Id).ReadOnly(),
        WireField.String(F.Name).Length(1).IsRequired(),
        WireField.String(F.Description))
    {
        // Role names are unique: a body that was good once says little about the next.
        RemembersCreates = false,
    };

    /// <summary>One permission of a write: the API's identifier and the scope's value.</summary>
    public static WireShape Permission { get; } = new(
        WireField.String(F.ResourceServerIdentifier).IsRequired(),
        WireField.String(F.PermissionName).IsRequired());

    /// <summary><c>{"permissions":[{resource_server_identifier, permission_name}]}</c>: adding or removing permissions of a role or a user.</summary>
    public static WireShape PermissionsBody { get; } = new(
        WireField.ObjectArray(F.Permissions, Permission).MinCount(1).IsRequired());

    /// <summary><c>{"roles":["rol_…"]}</c>: assigning roles to a user or removing them.</summary>
    public static WireShape RolesBody { get; } = new(
        WireField.StringArray(F.Roles).MinCount(1).IsRequired());

    /// <summary><c>{"users":["auth0|…"]}</c>: assigning a role to users.</summary>
    public static WireShape UsersBody { get; } = new(
        WireField.StringArray(F.Users).MinCount(1).IsRequired());
}
