using System.Buffers;
using System.Text.Json;
using Auth0ApiKit.Applications;

namespace Auth0ApiKit.Wire;

/// <summary>Maps between <see cref="ApplicationDefinition"/> and <see cref="ClientDto"/>.</summary>
internal static class ClientMapping
{
    /// <summary>
    /// The body of a create, as the dashboard sends it: the definition's settings, with the kind's grant types and
    /// token endpoint authentication method sent explicitly (<c>none</c> for single-page and native applications,
    /// <c>client_secret_post</c> otherwise), since a tenant's own defaults for a body without them differ by kind
    /// (a machine-to-machine application would get four grant types, a single-page one a secret).
    /// </summary>
    public static ClientDto ToCreateBody(ApplicationDefinition application) => new()
    {
        Name = application.Name,
        AppType = application.Kind.Value,
        GrantTypes = [.. application.EffectiveGrantTypes.Select(g => g.Value)],
        TokenEndpointAuthMethod = application.Kind.IsPublicClient ? ClientFields.AuthMethodNone : ClientFields.AuthMethodSecretPost,
        Callbacks = application.Callbacks?.Select(c => c.AbsoluteUri).ToList(),
        IsFirstParty = application.IsFirstParty,
    };

    /// <summary>
    /// A create body as JSON with client properties written over it, each as given: the properties a definition does
    /// not model (a seed's <c>web_origins</c>, or a <c>token_endpoint_auth_method</c> other than the kind's).
    /// </summary>
    public static JsonElement WithAuth0Properties(ClientDto body, JsonElement properties)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in JsonSerializer.SerializeToElement(body, WireJson.Context.ClientDto).EnumerateObject())
            {
                if (!properties.TryGetProperty(property.Name, out _))
                {
                    property.WriteTo(writer);
                }
            }

            foreach (var property in properties.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    /// <summary>The definition a tenant's client describes, kept as read (unknown kinds and grant types included).</summary>
    public static ApplicationDefinition ToDefinition(ClientDto dto) => new(
        dto.Name ?? string.Empty,
        new ApplicationKind(dto.AppType ?? string.Empty),
        dto.GrantTypes?.Select(g => new GrantType(g)),
        dto.Callbacks?.Select(c => Uri.TryCreate(c, UriKind.RelativeOrAbsolute, out var uri) ? uri : null).OfType<Uri>(),
        dto.IsFirstParty);

    /// <summary>
    /// Whether the client is the tenant's global client ("All Applications", <c>global:true</c>): every tenant has it, no
    /// one defines it, and it cannot be deleted, so the SDK's typed world leaves it out.
    /// </summary>
    public static bool IsGlobal(ClientDto dto) => AdditionalProperties.IsTrue(dto.AdditionalProperties, ClientFields.Global);
}
