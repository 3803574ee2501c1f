using System.Text.Json;
using System.Text.Json.Serialization;
using F = Auth0ApiKit.Wire.UserFields;

namespace Auth0ApiKit.Wire;

/// <summary>
/// A user as the Management API returns it, its properties in Auth0's (alphabetical) order. A password is never part
/// of it; unset fields are omitted; properties without a typed member (<c>phone_number</c>, ...) round-trip as
/// <see cref="AdditionalProperties"/>.
/// </summary>
internal sealed class UserDto
{
    [JsonPropertyName(F.AppMetadata)]
    public JsonElement? AppMetadata { get; set; }

    [JsonPropertyName(F.Blocked)]
    public bool? Blocked { get; set; }

    [JsonPropertyName(F.CreatedAt)]
    public string? CreatedAt { get; set; }

    [JsonPropertyName(F.Email)]
    public string? Email { get; set; }

    [JsonPropertyName(F.EmailVerified)]
    public bool? EmailVerified { get; set; }

    [JsonPropertyName(F.FamilyName)]
    public string? FamilyName { get; set; }

    [JsonPropertyName(F.GivenName)]
    public string? GivenName { get; set; }

    [JsonPropertyName(F.Identities)]
    public List<UserIdentityDto>? Identities { get; set; }

    [JsonPropertyName(F.Name)]
    public string? Name { get; set; }

    [JsonPropertyName(F.Nickname)]
    public string? Nickname { get; set; }

    [JsonPropertyName(F.Picture)]
    public string? Picture { get; set; }

    [JsonPropertyName(F.UpdatedAt)]
    public string? UpdatedAt { get; set; }

    [JsonPropertyName(F.UserId)]
    public string? UserId { get; set; }

    [JsonPropertyName(F.UserMetadata)]
    public JsonElement? UserMetadata { get; set; }

    [JsonPropertyName(F.Username)]
    public string? Username { get; set; }

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

/// <summary>A page of users listed with <c>include_totals=true</c>: <c>{users, start, limit, length, total}</c>.</summary>
internal sealed class UserPageDto
{
    [JsonPropertyName(F.Users)]
    public List<UserDto>? Users { get; set; }

    [JsonPropertyName("start")]
    public int? Start { get; set; }

    [JsonPropertyName("limit")]
    public int? Limit { get; set; }

    [JsonPropertyName(F.Length)]
    public int? Length { get; set; }

    [JsonPropertyName("total")]
    public int? Total { get; set; }
}
