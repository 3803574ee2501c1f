using System.Text.Json;
using System.Text.Json.Serialization;
using F = Auth0ApiKit.Wire.ClientGrantFields;

namespace Auth0ApiKit.Wire;

/// <summary>A client grant (an authorization of an application for an API) as the Management API reads and writes it.</summary>
internal sealed class ClientGrantDto
{
    [JsonPropertyName(F.Id)]
    public string? Id { get; set; }

    [JsonPropertyName(F.ClientId)]
    public string? ClientId { get; set; }

    [JsonPropertyName(F.Audience)]
    public string? Audience { get; set; }

    [JsonPropertyName(F.Scope)]
    public List<string>? Scope { get; set; }

    [JsonPropertyName(F.SubjectType)]
    public string? SubjectType { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
