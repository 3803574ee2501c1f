using System.Text.Json;
using System.Text.Json.Serialization;
using F = Auth0ApiKit.Wire.RoleFields;

namespace Auth0ApiKit.Wire;

/// <summary>A role as <c>/api/v2/roles</c> reads and writes it: <c>{"id":"rol_…","name","description"}</c>.</summary>
internal sealed class RoleDto
{
    [JsonPropertyName(F.Id)]
    public string? Id { get; set; }

    [JsonPropertyName(F.Name)]
    public string? Name { get; set; }

    [JsonPropertyName(F.Description)]
    public string? Description { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// One permission (an API's scope) as roles and users hold it: written as name and API identifier, read back with the
/// scope's description and the API's name, and, for a user's, where it comes from.
/// </summary>
internal sealed class PermissionDto
{
    [JsonPropertyName(F.PermissionName)]
    public string? PermissionName { get; set; }

    [JsonPropertyName(F.Description)]
    public string? Description { get; set; }

    [JsonPropertyName(F.ResourceServerName)]
    public string? ResourceServerName { get; set; }

    [JsonPropertyName(F.ResourceServerIdentifier)]
    public string? ResourceServerIdentifier { get; set; }

    /// <summary>Only in <c>GET /users/{id}/permissions</c>: the direct assignment and each role the permission comes from.</summary>
    [JsonPropertyName(F.Sources)]
    public List<PermissionSourceDto>? Sources { get; set; }
}

/// <summary>Where a user's permission comes from: <c>{"source_id","source_name","source_type":"DIRECT"|"ROLE"}</c>.</summary>
internal sealed class PermissionSourceDto
{
    [JsonPropertyName(F.SourceId)]
    public string? SourceId { get; set; }

    [JsonPropertyName(F.SourceName)]
    public string? SourceName { get; set; }

    [JsonPropertyName(F.SourceType)]
    public string? SourceType { get; set; }
}

/// <summary>The body of a permissions write (role or user): <c>{"permissions":[{permission_name, resource_server_identifier}]}</c>.</summary>
internal sealed class PermissionsBodyDto
{
    [JsonPropertyName(F.Permissions)]
    public List<PermissionDto>? Permissions { get; set; }
}

/// <summary>A page of roles.</summary>
internal sealed class RolePageDto : PageEnvelopeDto
{
    [JsonPropertyName("roles")]
    public List<RoleDto>? Roles { get; set; }
}

/// <summary>A page of permissions.</summary>
internal sealed class PermissionPageDto : PageEnvelopeDto
{
    [JsonPropertyName(F.Permissions)]
    public List<PermissionDto>? Permissions { get; set; }
}

/// <summary>The body of a role-users write: <c>{"users":["auth0|..."]}</c>.</summary>
internal sealed class RoleUsersBodyDto
{
    [JsonPropertyName(F.Users)]
    public List<string>? Users { get; set; }
}

/// <summary>A member of a role as <c>GET /roles/{id}/users</c> lists it: <c>{user_id, picture, name, email}</c>.</summary>
internal sealed class RoleUserDto
{
    [JsonPropertyName(UserFields.UserId)]
    public string? UserId { get; set; }

    [JsonPropertyName(UserFields.Picture)]
    public string? Picture { get; set; }

    [JsonPropertyName(UserFields.Name)]
    public string? Name { get; set; }

    [JsonPropertyName(UserFields.Email)]
    public string? Email { get; set; }
}

/// <summary>
/// A page of a role's members: with totals for offset paging, or with <see cref="Next"/>, the checkpoint of the next
/// page (absent on the last), for checkpoint paging.
/// </summary>
internal sealed class RoleUserPageDto : PageEnvelopeDto
{
    [JsonPropertyName(F.Users)]
    public List<RoleUserDto>? Users { get; set; }

    [JsonPropertyName("next")]
    public string? Next { get; set; }
}
