using System.Text.Json;
using System.Text.Json.Serialization;

namespace Auth0ApiKit.Wire;

/// <summary>The Management API's error body: <c>{"statusCode":..,"error":..,"message":..,"errorCode":..}</c>.</summary>
internal sealed class ManagementErrorDto
{
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; set; }

    [JsonPropertyName("attributes")]
    public JsonElement? Attributes { get; set; }
}

/// <summary>The token endpoint's error body (RFC 6749 section 5.2).</summary>
internal sealed class OAuthErrorDto
{
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }

    [JsonPropertyName("error_uri")]
    public string? ErrorUri { get; set; }
}
