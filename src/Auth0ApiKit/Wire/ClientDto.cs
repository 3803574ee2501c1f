using System.Text.Json;
using System.Text.Json.Serialization;
using F = Auth0ApiKit.Wire.ClientFields;

namespace Auth0ApiKit.Wire;

/// <summary>An application (a client) as the Management API reads and writes it. Unset fields are omitted.</summary>
internal sealed class ClientDto
{
    [JsonPropertyName(F.ClientId)]
    public string? ClientId { get; set; }

    [JsonPropertyName(F.Name)]
    public string? Name { get; set; }

    [JsonPropertyName(F.ClientSecret)]
    public string? ClientSecret { get; set; }

    [JsonPropertyName(F.AppType)]
    public string? AppType { get; set; }

    [JsonPropertyName(F.GrantTypes)]
    public List<string>? GrantTypes { get; set; }

    [JsonPropertyName(F.TokenEndpointAuthMethod)]
    public string? TokenEndpointAuthMethod { get; set; }

    [JsonPropertyName(F.IsFirstParty)]
    public bool? IsFirstParty { get; set; }

    [JsonPropertyName(F.Callbacks)]
    public List<string>? Callbacks { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
