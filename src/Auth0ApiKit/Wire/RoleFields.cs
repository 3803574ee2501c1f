namespace Auth0ApiKit.Wire;

/// <summary>The JSON names of roles and permissions (<c>/api/v2/roles</c>, <c>/api/v2/users/{id}/permissions</c>).</summary>
internal static class RoleFields
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Description = "description";

    /// <summary>The body of a role-permissions or user-permissions write: <c>{"permissions":[...]}</c>.</summary>
    public const string Permissions = "permissions";

    /// <summary>The body of a user-roles write: <c>{"roles":["rol_..."]}</c>.</summary>
    public const string Roles = "roles";

    /// <summary>The body of a role-users write: <c>{"users":["auth0|..."]}</c>.</summary>
    public const string Users = "users";

    public const string PermissionName = "permission_name";
    public const string ResourceServerIdentifier = "resource_server_identifier";
    public const string ResourceServerName = "resource_server_name";

    /// <summary>Where a user's permission comes from, in <c>GET /users/{id}/permissions</c>.</summary>
    public const string Sources = "sources";
    public const string SourceId = "source_id";
    public const string SourceName = "source_name";
    public const string SourceType = "source_type";

    /// <summary>The <c>source_type</c> of a permission assigned to the user directly.</summary>
    public const string DirectSource = "DIRECT";

    /// <summary>The <c>source_type</c> of a permission the user holds through a role.</summary>
    public const string RoleSource = "ROLE";
}
