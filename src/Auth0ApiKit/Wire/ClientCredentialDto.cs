using System.Text.Json.Serialization;
using F = Auth0ApiKit.Wire.ClientCredentialFields;

namespace Auth0ApiKit.Wire;

/// <summary>
/// A client credential as the Management API reads and writes it: a create body sends <c>pem</c> or <c>subject_dn</c>;
/// answers never carry the <c>pem</c>. Timestamps are ISO 8601 texts, as Auth0 writes them.
/// </summary>
internal sealed class ClientCredentialDto
{
    [JsonPropertyName(F.Id)]
    public string? Id { get; set; }

    [JsonPropertyName(F.CredentialType)]
    public string? CredentialType { get; set; }

    [JsonPropertyName(F.Kid)]
    public string? Kid { get; set; }

    [JsonPropertyName(F.Alg)]
    public string? Alg { get; set; }

    [JsonPropertyName(F.Name)]
    public string? Name { get; set; }

    [JsonPropertyName(F.SubjectDn)]
    public string? SubjectDn { get; set; }

    [JsonPropertyName(F.ThumbprintSha256)]
    public string? ThumbprintSha256 { get; set; }

    [JsonPropertyName(F.Pem)]
    public string? Pem { get; set; }

    [JsonPropertyName(F.ParseExpiryFromCert)]
    public bool? ParseExpiryFromCert { get; set; }

    [JsonPropertyName(F.CreatedAt)]
    public string? CreatedAt { get; set; }

    [JsonPropertyName(F.UpdatedAt)]
    public string? UpdatedAt { get; set; }

    [JsonPropertyName(F.ExpiresAt)]
    public string? ExpiresAt { get; set; }
}
