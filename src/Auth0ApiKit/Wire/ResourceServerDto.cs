using System.Text.Json;
using System.Text.Json.Serialization;
using F = Auth0ApiKit.Wire.ResourceServerFields;

namespace Auth0ApiKit.Wire;

/// <summary>A resource server (an API) as the Management API reads and writes it. Unset fields are omitted.</summary>
internal sealed class ResourceServerDto
{
    [JsonPropertyName(F.Id)]
    public string? Id { get; set; }

    [JsonPropertyName(F.Name)]
    public string? Name { get; set; }

    [JsonPropertyName(F.Identifier)]
    public string? Identifier { get; set; }

    [JsonPropertyName(F.SigningAlgorithm)]
    public string? SigningAlgorithm { get; set; }

    [JsonPropertyName(F.SigningSecret)]
    public string? SigningSecret { get; set; }

    [JsonPropertyName(F.TokenLifetime)]
    public long? TokenLifetime { get; set; }

    [JsonPropertyName(F.TokenLifetimeForWeb)]
    public long? TokenLifetimeForWeb { get; set; }

    [JsonPropertyName(F.AllowOfflineAccess)]
    public bool? AllowOfflineAccess { get; set; }

    [JsonPropertyName(F.SkipConsent)]
    public bool? SkipConsentForVerifiableFirstPartyClients { get; set; }

    [JsonPropertyName(F.Scopes)]
    public List<ResourceServerScopeDto>? Scopes { get; set; }

    [JsonPropertyName(F.EnforcePolicies)]
    public bool? EnforcePolicies { get; set; }

    [JsonPropertyName(F.TokenDialect)]
    public string? TokenDialect { get; set; }

    [JsonPropertyName(F.IsSystem)]
    public bool? IsSystem { get; set; }

    /// <summary>Fields the SDK does not model: kept so that they round-trip, and so that the fake can refuse them.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>One scope of a resource server.</summary>
internal sealed class ResourceServerScopeDto
{
    [JsonPropertyName(F.ScopeValue)]
    public string? Value { get; set; }

    [JsonPropertyName(F.ScopeDescription)]
    public string? Description { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
