using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Auth0ApiKit.Wire;
using ApiFields = Auth0ApiKit.Wire.ResourceServerFields;

namespace Auth0ApiKit.Emulator.Seeding;

/// <summary>
/// Reads a seed file in Auth0's names (<see cref="SeedVocabulary"/>, its camelCase aliases translated), naming the
/// file and the place of any problem in a one-line message.
/// </summary>
internal static class SeedFileReader
{
    /// <summary>Reads and parses the file; every entry is labelled with the file and its place for later messages.</summary>
    /// <exception cref="EmulatorConfigurationException">The file is missing, unreadable or not a valid seed document.</exception>
    public static SeedDocument Read(string path)
    {
        var file = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new EmulatorConfigurationException($"cannot read the seed file '{path}': {e.Message}", e);
        }

        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize(bytes, EmulatorJson.Context.JsonElement);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } jsonPath ? $" at {jsonPath}" : string.Empty;
            var line = e.LineNumber is { } number ? $" (line {number + 1})" : string.Empty;
            throw new EmulatorConfigurationException($"the seed file '{file}' is not valid{where}{line}: {FirstSentence(e.Message)}", e);
        }

        return ReadDocument(file, root);
    }

    private static SeedDocument ReadDocument(string file, JsonElement root)
    {
        var document = new SeedDocument();
        if (root.ValueKind == JsonValueKind.Null)
        {
            return document;
        }

        foreach (var (name, value) in Properties(file, root, "$", "a seed file", SeedVocabulary.IsDocumentName))
        {
            switch (name)
            {
                case SeedVocabulary.Apis:
                    document.Apis = [.. Items(file, value, name).Select(item => ReadApi(file, item.Value, item.Path))];
                    break;
                case SeedVocabulary.Applications:
                    document.Applications = [.. Items(file, value, name).Select(item => ReadApplication(file, item.Value, item.Path))];
                    break;
                case SeedVocabulary.Roles:
                    document.Roles = [.. Items(file, value, name).Select(item => ReadRole(file, item.Value, item.Path))];
                    break;
                case SeedVocabulary.Users:
                    document.Users = [.. Items(file, value, name).Select(item => ReadUser(file, item.Value, item.Path))];
                    break;
                case SeedVocabulary.Claims:
                    document.Claims = value.ValueKind == JsonValueKind.Null ? null : ReadClaims(file, value);
                    break;
                default:
                    document.ManagementApplication = value.ValueKind == JsonValueKind.Null ? null : Read(file,
                        Properties(file, value, $"$.{name}", "the management application", SeedVocabulary.IsManagementApplicationName),
                        $"$.{name}", EmulatorJson.Context.SeedManagementApplication);
                    break;
            }
        }

        return document;
    }

    /// <summary>An API entry: a desired state's API entry, with the seed's scope shorthand <c>"read:orders"</c>.</summary>
    private static SeedApi ReadApi(string file, JsonElement entry, string path)
    {
        var properties = Properties(file, entry, $"$.{path}", "an API", SeedVocabulary.IsApiName);
        properties.Remove(ApiFields.Scopes, out var scopes);
        var body = Read(file, properties, $"$.{path}", WireJson.Context.ResourceServerDto);
        body.Scopes = scopes.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null :
            [.. Items(file, scopes, $"{path}.{ApiFields.Scopes}").Select(item => ReadScope(file, item.Value, item.Path))];
        return new SeedApi { ResourceServer = body, Source = $"{file}: {path}" };
    }

    private static ResourceServerScopeDto ReadScope(string file, JsonElement scope, string path) => scope.ValueKind switch
    {
        JsonValueKind.String => new ResourceServerScopeDto { Value = scope.GetString() },
        JsonValueKind.Object => Read(file, Properties(file, scope, $"$.{path}", "a scope", SeedVocabulary.IsScopeName),
            $"$.{path}", WireJson.Context.ResourceServerScopeDto),
        _ => throw Invalid(file, $"$.{path}", "a scope is a string or an object with 'value' and 'description'."),
    };

    /// <summary>
    /// An application entry: a client body, whose properties application definitions do not model are kept apart as
    /// they are, and the emulator's own <c>authorizations</c>.
    /// </summary>
    private static SeedApplication ReadApplication(string file, JsonElement entry, string path)
    {
        var properties = Properties(file, entry, $"$.{path}", "an application", SeedVocabulary.IsApplicationName);
        properties.Remove(SeedVocabulary.Authorizations, out var authorizations);
        var auth0Properties = properties.Where(p => SeedVocabulary.IsClientAuth0Name(p.Key)).ToDictionary(StringComparer.Ordinal);
        foreach (var name in auth0Properties.Keys)
        {
            properties.Remove(name);
        }

        return new SeedApplication
        {
            Client = Read(file, properties, $"$.{path}", WireJson.Context.ClientDto),
            Auth0Properties = auth0Properties.Count == 0 ? null : JsonElement.Parse(Write(auth0Properties).WrittenSpan),
            Authorizations = authorizations.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null :
                [.. Items(file, authorizations, $"{path}.{SeedVocabulary.Authorizations}").Select(item => Read(file,
                    Properties(file, item.Value, $"$.{item.Path}", "an authorization", SeedVocabulary.IsAuthorizationName),
                    $"$.{item.Path}", EmulatorJson.Context.SeedAuthorization))],
            Source = $"{file}: {path}",
        };
    }

    /// <summary>A role entry: a role body (<c>name</c>, <c>description</c>) and its <c>permissions</c>.</summary>
    private static SeedRole ReadRole(string file, JsonElement entry, string path)
    {
        var properties = Properties(file, entry, $"$.{path}", "a role", SeedVocabulary.IsRoleName);
        properties.Remove(RoleFields.Permissions, out var permissions);
        return new SeedRole
        {
            Role = Read(file, properties, $"$.{path}", WireJson.Context.RoleDto),
            Permissions = ReadPermissions(file, permissions, $"{path}.{RoleFields.Permissions}"),
            Source = $"{file}: {path}",
        };
    }

    /// <summary>
    /// A user entry: the properties of a user-create body, kept as they are for the tenant to check, and the emulator's
    /// own <c>roles</c> (role names) and <c>permissions</c>. Nothing here repeats a value: the password stays in the entry.
    /// </summary>
    private static SeedUser ReadUser(string file, JsonElement entry, string path)
    {
        var properties = Properties(file, entry, $"$.{path}", "a user", SeedVocabulary.IsUserName);
        properties.Remove(SeedVocabulary.Roles, out var roles);
        properties.Remove(RoleFields.Permissions, out var permissions);
        return new SeedUser
        {
            Properties = properties,
            Roles = [.. Items(file, roles, $"{path}.{SeedVocabulary.Roles}").Select(item => item.Value.ValueKind == JsonValueKind.String
                ? item.Value.GetString()!
                : throw Invalid(file, $"$.{item.Path}", $"a role is named by a string, not {Kind(item.Value)}."))],
            Permissions = ReadPermissions(file, permissions, $"{path}.{RoleFields.Permissions}"),
            Source = $"{file}: {path}",
        };
    }

    /// <summary>A list of permissions as Auth0's permission bodies write them (absent or null: none).</summary>
    private static List<PermissionDto> ReadPermissions(string file, JsonElement permissions, string path) =>
        [.. Items(file, permissions, path).Select(item => Read(file,
            Properties(file, item.Value, $"$.{item.Path}", "a permission", SeedVocabulary.IsPermissionName), $"$.{item.Path}", WireJson.Context.PermissionDto))];

    /// <summary>
    /// The <c>claims</c> section: groups (<c>applications</c>, <c>users</c>, <c>roles</c>), each an object of keys (an
    /// application's name or client id, a user id, a role name) to objects of claim names and their JSON values.
    /// </summary>
    private static SeedClaims ReadClaims(string file, JsonElement section)
    {
        var claims = new SeedClaims { Source = $"{file}: {SeedVocabulary.Claims}" };
        foreach (var (group, keys) in Properties(file, section, $"$.{SeedVocabulary.Claims}", "the claims section", SeedVocabulary.IsClaimGroupName))
        {
            var rules = group switch
            {
                SeedVocabulary.Applications => claims.Applications,
                SeedVocabulary.Users => claims.Users,
                _ => claims.Roles,
            };
            var groupPath = $"$.{SeedVocabulary.Claims}.{group}";
            foreach (var key in Members(file, keys, groupPath, $"'{group}' of the claims section"))
            {
                var keyPath = $"{groupPath}['{key.Name}']";
                rules[key.Name] = Members(file, key.Value, keyPath, "a set of claims")
                    .ToDictionary(claim => claim.Name, claim => claim.Value.Clone(), StringComparer.Ordinal);
            }
        }

        return claims;
    }

    /// <summary>The members of an object whose names are free (keys, claim names), each given once.</summary>
    private static List<JsonProperty> Members(string file, JsonElement entry, string path, string what)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(file, path, $"{what} is an object, not {Kind(entry)}.");
        }

        var members = entry.EnumerateObject().ToList();
        if (members.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Invalid(file, $"{path}['{twice.Key}']", $"'{twice.Key}' is given twice.");
        }

        return members;
    }

    /// <summary>
    /// An entry's properties under Auth0's names, aliases translated; a name that is not the entry's, or one property
    /// given twice (in one spelling or in both), is refused.
    /// </summary>
    private static Dictionary<string, JsonElement> Properties(string file, JsonElement entry, string path, string what, Func<string, bool> isKnown)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(file, path, $"{what} is an object, not {Kind(entry)}.");
        }

        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in entry.EnumerateObject())
        {
            var spelling = property.Name;
            var name = SeedVocabulary.Aliases.GetValueOrDefault(spelling, spelling);
            if (!isKnown(name))
            {
                throw Invalid(file, $"{path}.{spelling}", $"{what} has no property '{spelling}'.");
            }

            if (!spellings.TryAdd(name, spelling))
            {
                throw Invalid(file, $"{path}.{spelling}", spellings[name] == spelling
                    ? $"'{spelling}' is given twice."
                    : $"'{spellings[name]}' and '{spelling}' are two spellings of '{name}'; keep one.");
            }

            properties[name] = spelling == SeedVocabulary.KindAlias && property.Value.ValueKind == JsonValueKind.String &&
                SeedVocabulary.KindWords.TryGetValue(property.Value.GetString()!, out var appType)
                    ? JsonSerializer.SerializeToElement(appType, EmulatorJson.Context.String)
                    : property.Value;
        }

        return properties;
    }

    /// <summary>The items of an array (<see langword="null"/> or absent is none), each with its path for messages.</summary>
    private static IEnumerable<(JsonElement Value, string Path)> Items(string file, JsonElement array, string path) => array.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => [],
        JsonValueKind.Array => array.EnumerateArray().Select((item, i) => (item, $"{path}[{i}]")),
        _ => throw Invalid(file, $"$.{path}", $"expected an array, not {Kind(array)}."),
    };

    /// <summary>Properties as a wire or emulator type, through the source-generated contexts.</summary>
    private static T Read<T>(string file, Dictionary<string, JsonElement> properties, string path, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(Write(properties).WrittenSpan, type)!;
        }
        catch (JsonException e)
        {
            throw new EmulatorConfigurationException($"the seed file '{file}' is not valid at {path}{e.Path?[1..]}: {FirstSentence(e.Message)}", e);
        }
    }

    /// <summary>Properties as one JSON object.</summary>
    private static ArrayBufferWriter<byte> Write(Dictionary<string, JsonElement> properties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer;
    }

    private static EmulatorConfigurationException Invalid(string file, string path, string problem) =>
        new($"the seed file '{file}' is not valid at {path}: {problem}");

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();

    /// <summary>System.Text.Json's messages run on with paths and positions already given: keep the first sentence.</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..(end + 1)]).ReplaceLineEndings(" ");
    }
}
