using System.Text.Json;
using System.Text.Json.Serialization;

namespace Auth0ApiKit.Wire;

/// <summary>A request to <c>POST /oauth/token</c> sent as JSON (it may also come as form data).</summary>
internal sealed class TokenRequestDto
{
    [JsonPropertyName(TokenRequestFields.GrantType)]
    public string? GrantType { get; set; }

    [JsonPropertyName(TokenRequestFields.ClientId)]
    public string? ClientId { get; set; }

    [JsonPropertyName(TokenRequestFields.ClientSecret)]
    public string? ClientSecret { get; set; }

    [JsonPropertyName(TokenRequestFields.Audience)]
    public string? Audience { get; set; }

    [JsonPropertyName(TokenRequestFields.Scope)]
    public string? Scope { get; set; }

    [JsonPropertyName(TokenRequestFields.RefreshToken)]
    public string? RefreshToken { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The token endpoint's success body.</summary>
internal sealed class TokenResponseDto
{
    [JsonPropertyName(TokenRequestFields.AccessToken)]
    public string? AccessToken { get; set; }

    [JsonPropertyName(TokenRequestFields.RefreshToken)]
    public string? RefreshToken { get; set; }

    [JsonPropertyName(TokenRequestFields.Scope)]
    public string? Scope { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }
}

/// <summary>The names of the token endpoint's request fields, in JSON and in form data alike.</summary>
internal static class TokenRequestFields
{
    public const string GrantType = "grant_type";
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
    public const string Audience = "audience";
    public const string Scope = "scope";
    public const string RefreshToken = "refresh_token";

    /// <summary>The name of the access token in the token endpoint's answer.</summary>
    public const string AccessToken = "access_token";
}
