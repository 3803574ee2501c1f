using System.Text.Json;
using System.Text.Json.Serialization;
using F = Auth0ApiKit.Wire.UserFields;

namespace Auth0ApiKit.Wire;

/// <summary>A user as the Management API returns it. A password is never part of it; unset fields are omitted.</summary>
internal sealed class UserDto
{
    [JsonPropertyName(F.UserId)]
    public string? UserId { get; set; }

    [JsonPropertyName(F.Email)]
    public string? Email { get; set; }

    [JsonPropertyName(F.EmailVerified)]
    public bool? EmailVerified { get; set; }

    [JsonPropertyName(F.Name)]
    public string? Name { get; set; }

    [JsonPropertyName(F.Nickname)]
    public string? Nickname { get; set; }

    [JsonPropertyName(F.Picture)]
    public string? Picture { get; set; }

    [JsonPropertyName(F.Identities)]
    public List<UserIdentityDto>? Identities { get; set; }

    [JsonPropertyName(F.CreatedAt)]
    public string? CreatedAt { get; set; }

    [JsonPropertyName(F.UpdatedAt)]
    public string? UpdatedAt { get; set; }

    [JsonPropertyName(F.AppMetadata)]
    public JsonElement? AppMetadata { get; set; }

    [JsonPropertyName(F.UserMetadata)]
    public JsonElement? UserMetadata { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>One identity of a user: <c>{connection, user_id, provider, isSocial}</c>.</summary>
internal sealed class UserIdentityDto
{
    [JsonPropertyName(F.Connection)]
    public string? Connection { get; set; }

    [JsonPropertyName(F.UserId)]
    public string? UserId { get; set; }

    [JsonPropertyName(F.Provider)]
    public string? Provider { get; set; }

    [JsonPropertyName(F.IsSocial)]
    public bool? IsSocial { get; set; }
}
