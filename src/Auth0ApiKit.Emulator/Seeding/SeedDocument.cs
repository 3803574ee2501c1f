using System.Text.Json;
using System.Text.Json.Serialization;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Emulator.Seeding;

/// <summary>
/// What the emulator seeds its tenant with, from a seed file (<see cref="SeedFileReader"/>) and the command line: APIs
/// as Auth0's resource-server bodies, applications as Auth0's client bodies with the emulator's own authorizations,
/// roles as Auth0's role bodies with their permissions, users as Auth0's user-create bodies with their roles and
/// permissions.
/// </summary>
internal sealed class SeedDocument
{
    /// <summary>The APIs to create, in order.</summary>
    public List<SeedApi> Apis { get; set; } = [];

    /// <summary>The applications to create, in order, each with its authorizations.</summary>
    public List<SeedApplication> Applications { get; set; } = [];

    /// <summary>Fixed settings of the management application the emulator creates.</summary>
    public SeedManagementApplication? ManagementApplication { get; set; }

    /// <summary>The roles to create, in order, each with its permissions.</summary>
    public List<SeedRole> Roles { get; set; } = [];

    /// <summary>The users to create, in order, each with its roles and direct permissions.</summary>
    public List<SeedUser> Users { get; set; } = [];

    /// <summary>Static custom-claim rules, applied as Actions would apply them; <see langword="null"/> for none.</summary>
    public SeedClaims? Claims { get; set; }
}

/// <summary>
/// Custom claims that every token gets, by who it is for: per application (its name or client id; client-credentials
/// and user tokens), per user (its <c>user_id</c>) and per role (its name); each a claim name and any JSON value.
/// </summary>
internal sealed class SeedClaims
{
    public Dictionary<string, Dictionary<string, JsonElement>> Applications { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, JsonElement>> Users { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, JsonElement>> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the section came from, for messages.</summary>
    public string Source { get; init; } = SeedVocabulary.Claims;
}

/// <summary>An API: a resource-server body, read as the sync's desired-state JSON reads its <c>apis</c> entries.</summary>
internal sealed class SeedApi
{
    public required ResourceServerDto ResourceServer { get; init; }

    /// <summary>Where the entry came from, for messages.</summary>
    public string Source { get; init; } = "api";
}

/// <summary>An application: a client body (with fixed credentials when given) and the APIs it is authorized for.</summary>
internal sealed class SeedApplication
{
    /// <summary>
    /// The client: <c>name</c>, <c>app_type</c> (<c>non_interactive</c> when absent), <c>client_id</c> and
    /// <c>client_secret</c> (generated when absent), <c>grant_types</c>, <c>callbacks</c>, <c>is_first_party</c>.
    /// </summary>
    public required ClientDto Client { get; init; }

    /// <summary>
    /// The client's other properties (<c>web_origins</c>, <c>jwt_configuration</c>, …) as one object, written into the
    /// create body as they are and checked by the tenant as a create request is; <see langword="null"/> for none.
    /// </summary>
    public JsonElement? Auth0Properties { get; init; }

    public List<SeedAuthorization>? Authorizations { get; set; }

    /// <summary>Where the entry came from, for messages.</summary>
    public string Source { get; init; } = "application";
}

/// <summary>A role: a role body (<c>name</c>, <c>description</c>) and its permissions.</summary>
internal sealed class SeedRole
{
    public required RoleDto Role { get; init; }

    /// <summary>The permissions (<c>resource_server_identifier</c>, <c>permission_name</c>), in order.</summary>
    public List<PermissionDto> Permissions { get; init; } = [];

    /// <summary>Where the entry came from, for messages.</summary>
    public string Source { get; init; } = "role";
}

/// <summary>
/// A user of the database connection: its user-create body (password included: never printed), the names of its roles
/// and its direct permissions.
/// </summary>
internal sealed class SeedUser
{
    /// <summary>The properties of the create body, as given (a <c>user_id</c> is the part after <c>auth0|</c>).</summary>
    public required IReadOnlyDictionary<string, JsonElement> Properties { get; init; }

    /// <summary>The names of the roles to assign, in order.</summary>
    public List<string> Roles { get; init; } = [];

    /// <summary>The direct permissions (<c>resource_server_identifier</c>, <c>permission_name</c>), in order.</summary>
    public List<PermissionDto> Permissions { get; init; } = [];

    /// <summary>Where the entry came from, for messages.</summary>
    public string Source { get; init; } = "user";

    /// <summary>Where the entry came from, never what it holds (its password).</summary>
    public override string ToString() => Source;
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
    [JsonPropertyName(ClientFields.Name)]
    public string? Name { get; set; }

    [JsonPropertyName(ClientFields.ClientId)]
    public string? ClientId { get; set; }

    [JsonPropertyName(ClientFields.ClientSecret)]
    public string? ClientSecret { get; set; }

    /// <summary>The Management API scopes; every scope the emulator models when absent.</summary>
    [JsonPropertyName(ResourceServerFields.Scopes)]
    public List<string>? Scopes { get; set; }
}
