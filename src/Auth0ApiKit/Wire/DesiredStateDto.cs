using System.Text.Json;
using System.Text.Json.Serialization;
using F = Auth0ApiKit.Wire.ClientGrantFields;

namespace Auth0ApiKit.Wire;

/// <summary>
/// A desired state as JSON (what a tenant export writes and <c>DesiredState.FromJson</c> reads): APIs as the
/// resource-server bodies a create would send, authorizations as client grants with the application's name, roles
/// with their permissions. <see cref="Roles"/> is <see langword="null"/> when the key is absent: roles are not managed.
/// </summary>
internal sealed class DesiredStateDto
{
    [JsonPropertyName("apis")]
    public List<ResourceServerDto>? Apis { get; set; }

    [JsonPropertyName("authorizations")]
    public List<ExportedGrantDto>? Authorizations { get; set; }

    [JsonPropertyName(RoleFields.Roles)]
    public List<ExportedRoleDto>? Roles { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>An authorization in a desired state's JSON: a client grant plus the application's name, for people to read.</summary>
internal sealed class ExportedGrantDto
{
    public const string ApplicationNameField = "application_name";

    [JsonPropertyName(F.ClientId)]
    public string? ClientId { get; set; }

    [JsonPropertyName(ApplicationNameField)]
    public string? ApplicationName { get; set; }

    [JsonPropertyName(F.Audience)]
    public string? Audience { get; set; }

    [JsonPropertyName(F.Scope)]
    public List<string>? Scope { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A role in a desired state's JSON: the body of a role create plus its permissions (name and API identifier each).</summary>
internal sealed class ExportedRoleDto
{
    [JsonPropertyName(RoleFields.Name)]
    public string? Name { get; set; }

    [JsonPropertyName(RoleFields.Description)]
    public string? Description { get; set; }

    [JsonPropertyName(RoleFields.Permissions)]
    public List<PermissionDto>? Permissions { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
