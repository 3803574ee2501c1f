using System.Text.Json;
using System.Text.Json.Serialization;

namespace Auth0ApiKit.Emulator.Seeding;

/// <summary>
/// What the emulator seeds its tenant with, as a seed file holds it (camelCase JSON, the dashboard's words) or as the
/// command line adds to it. Every property is optional; unknown properties are refused so that typos show.
/// </summary>
internal sealed class SeedDocument
{
    /// <summary>The APIs to create, in order.</summary>
    public List<SeedApi>? Apis { get; set; }

    /// <summary>The applications to create, in order, each with its authorizations.</summary>
    public List<SeedApplication>? Applications { get; set; }

    /// <summary>Fixed settings of the management application the emulator creates.</summary>
    public SeedManagementApplication? ManagementApplication { get; set; }
}

/// <summary>An API: the fields of <see cref="Apis.ApiDefinitionBuilder"/>.</summary>
internal sealed class SeedApi
{
    public string? Name { get; set; }

    public string? Identifier { get; set; }

    /// <summary><c>RS256</c> (the default) or <c>HS256</c>.</summary>
    public string? SigningAlgorithm { get; set; }

    /// <summary>The HS256 secret; generated when absent.</summary>
    public string? SigningSecret { get; set; }

    public long? TokenLifetimeSeconds { get; set; }

    public long? WebTokenLifetimeSeconds { get; set; }

    public bool? AllowSkippingUserConsent { get; set; }

    public bool? AllowOfflineAccess { get; set; }

    public bool? EnforcePolicies { get; set; }

    /// <summary><c>access_token</c>, <c>access_token_authz</c>, <c>rfc9068_profile</c> or <c>rfc9068_profile_authz</c>.</summary>
    public string? TokenDialect { get; set; }

    public List<SeedScope>? Scopes { get; set; }

    /// <summary>Where the entry came from, for messages.</summary>
    [JsonIgnore]
    public string Source { get; set; } = "api";
}

/// <summary>A scope: <c>{"value":"read:orders","description":"Read orders"}</c>, or just <c>"read:orders"</c>.</summary>
[JsonConverter(typeof(SeedScopeConverter))]
internal sealed record SeedScope(string? Value, string? Description);

/// <summary>An application, with fixed credentials when given and the APIs it is authorized for.</summary>
internal sealed class SeedApplication
{
    public string? Name { get; set; }

    /// <summary>
    /// <c>machine_to_machine</c> (the default), <c>regular_web</c>, <c>single_page</c> or <c>native</c>; Auth0's own
    /// <c>non_interactive</c> and <c>spa</c> are accepted too.
    /// </summary>
    public string? Kind { get; set; }

    /// <summary>A fixed client id; generated when absent.</summary>
    public string? ClientId { get; set; }

    /// <summary>A fixed client secret; generated when absent.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Grant types replacing the kind's defaults, such as <c>client_credentials</c>.</summary>
    public List<string>? GrantTypes { get; set; }

    public List<string>? Callbacks { get; set; }

    public bool? FirstParty { get; set; }

    public List<SeedAuthorization>? Authorizations { get; set; }

    [JsonIgnore]
    public string Source { get; set; } = "application";
}

/// <summary>An authorization of the enclosing application for an API.</summary>
internal sealed class SeedAuthorization
{
    /// <summary>The API's identifier.</summary>
    public string? Api { get; set; }

    /// <summary>The granted scopes; every scope the API defines when absent.</summary>
    public List<string>? Scopes { get; set; }
}

/// <summary>The management application: fixed credentials, a name, a subset of the Management API's scopes.</summary>
internal sealed class SeedManagementApplication
{
    public string? Name { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The Management API scopes; every scope the emulator models when absent.</summary>
    public List<string>? Scopes { get; set; }
}

/// <summary>Reads a scope written as a string or as an object; writes it as an object.</summary>
internal sealed class SeedScopeConverter : JsonConverter<SeedScope>
{
    public override SeedScope? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new SeedScope(reader.GetString(), null);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A scope is a string or an object with 'value' and 'description'.");
        }

        string? value = null;
        string? description = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "value":
                    value = reader.GetString();
                    break;
                case "description":
                    description = reader.GetString();
                    break;
                default:
                    throw new JsonException($"A scope has only 'value' and 'description', not '{property}'.");
            }
        }

        return new SeedScope(value, description);
    }

    public override void Write(Utf8JsonWriter writer, SeedScope value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("value", value.Value);
        if (value.Description is not null)
        {
            writer.WriteString("description", value.Description);
        }

        writer.WriteEndObject();
    }
}
