using System.Text.Json.Serialization;

namespace Auth0ApiKit.Wire;

/// <summary>The envelope of a page of a list call made with <c>include_totals=true</c>.</summary>
internal abstract class PageEnvelopeDto
{
    [JsonPropertyName("total")]
    public int? Total { get; set; }

    [JsonPropertyName("start")]
    public int? Start { get; set; }

    [JsonPropertyName("limit")]
    public int? Limit { get; set; }
}

/// <summary>A page of resource servers.</summary>
internal sealed class ResourceServerPageDto : PageEnvelopeDto
{
    [JsonPropertyName("resource_servers")]
    public List<ResourceServerDto>? ResourceServers { get; set; }
}

/// <summary>A page of clients; <see cref="Next"/> is the checkpoint of the next page (absent on the last).</summary>
internal sealed class ClientPageDto : PageEnvelopeDto
{
    [JsonPropertyName("clients")]
    public List<ClientDto>? Clients { get; set; }

    [JsonPropertyName("next")]
    public string? Next { get; set; }
}

/// <summary>A page of client grants; <see cref="Next"/> is the checkpoint of the next page (absent on the last).</summary>
internal sealed class ClientGrantPageDto : PageEnvelopeDto
{
    [JsonPropertyName("client_grants")]
    public List<ClientGrantDto>? ClientGrants { get; set; }

    [JsonPropertyName("next")]
    public string? Next { get; set; }
}
