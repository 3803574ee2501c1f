using System.Text.Json;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Store;

/// <summary>
/// The client every Auth0 tenant has: "All Applications", <c>global:true</c>, no <c>app_type</c>, no grant types (so it
/// gets no tokens). It is listed by <c>GET /clients</c> (last) and cannot be deleted; the SDK and the tenant's face leave
/// it out because no one defines it.
/// </summary>
internal static class GlobalClient
{
    public const string Name = "All Applications";

    /// <summary>What a real tenant's global client carries besides its id, secret, name and callbacks; parsed once per process.</summary>
    private static readonly KeyValuePair<string, JsonElement>[] Settings = Parse("""
        {"global":true,"cross_origin_authentication":true,"refresh_token":{"rotation_type":"non-rotating","expiration_type":"non-expiring",
         "leeway":0,"token_lifetime":2592000,"infinite_token_lifetime":true,"infinite_idle_token_lifetime":true,"idle_token_lifetime":1296000}}
        """);

    /// <summary>A new tenant's global client, from static data: an id from the tenant's generator and a fresh secret.</summary>
    public static ClientDto Create(IdGenerator ids) => new()
    {
        ClientId = ids.ClientId(),
        ClientSecret = IdGenerator.ClientSecret(),
        Name = Name,
        IsFirstParty = true,
        Callbacks = [],
        AdditionalProperties = new(Settings, StringComparer.Ordinal),
    };

    private static KeyValuePair<string, JsonElement>[] Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.Clone()))];
    }
}
