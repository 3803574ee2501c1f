using System.Text.Json.Serialization;

namespace Auth0ApiKit.Wire;

/// <summary>An access token as a <see cref="Authentication.DistributedAccessTokenCache"/> stores it (the SDK's own format, not Auth0's).</summary>
internal sealed record CachedAccessTokenDto(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("audience")] string Audience,
    [property: JsonPropertyName("obtained_at")] DateTimeOffset ObtainedAt,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes)
{
    /// <summary>The format version written today; entries of another version are ignored (a miss).</summary>
    public const int CurrentVersion = 1;
}

/// <summary>Source-generated JSON for <see cref="CachedAccessTokenDto"/>.</summary>
[JsonSerializable(typeof(CachedAccessTokenDto))]
internal sealed partial class CachedAccessTokenJsonContext : JsonSerializerContext;
