using System.Text.Json;
using System.Text.Json.Serialization;
using F = Auth0ApiKit.Wire.UserFields;

namespace Auth0ApiKit.Wire;

/// <summary>
/// The body of <c>POST /users</c> and <c>PATCH /users/{id}</c> as the SDK writes them: the properties it models, and the
/// instructions <c>connection</c> and <c>password</c> (revealed only into this body, which the journal redacts).
/// </summary>
internal sealed class UserWriteDto
{
    [JsonPropertyName(F.Email)]
    public string? Email { get; set; }

    [JsonPropertyName(F.EmailVerified)]
    public bool? EmailVerified { get; set; }

    [JsonPropertyName(F.Name)]
    public string? Name { get; set; }

    [JsonPropertyName(F.Nickname)]
    public string? Nickname { get; set; }

    [JsonPropertyName(F.AppMetadata)]
    public JsonElement? AppMetadata { get; set; }

    [JsonPropertyName(F.UserMetadata)]
    public JsonElement? UserMetadata { get; set; }

    [JsonPropertyName(F.Connection)]
    public string? Connection { get; set; }

    [JsonPropertyName(F.Password)]
    public string? Password { get; set; }
}

/// <summary>The body of a user-roles write: <c>{"roles":["rol_..."]}</c>.</summary>
internal sealed class UserRolesBodyDto
{
    [JsonPropertyName(RoleFields.Roles)]
    public List<string>? Roles { get; set; }
}
