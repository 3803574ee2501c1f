using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Sync;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Emulator.Seeding;

/// <summary>
/// A seed document checked against the SDK's rules and turned into definitions, with every missing client id, secret
/// and user id generated once: applying the plan to a fresh tenant (at start and on every reset) gives the same state
/// and the same credentials.
/// </summary>
internal sealed class SeedPlan
{
    private const string DefaultManagementName = "Auth0ApiKit emulator management";

    private SeedPlan(IReadOnlyList<ApiDefinition> apis, IReadOnlyList<PlannedApplication> applications, PlannedApplication? management)
    {
        Apis = apis;
        Applications = applications;
        Management = management;
    }

    /// <summary>The APIs, in creation order.</summary>
    public IReadOnlyList<ApiDefinition> Apis { get; }

    /// <summary>The applications, in creation order, with their credentials and authorizations.</summary>
    public IReadOnlyList<PlannedApplication> Applications { get; }

    /// <summary>The management application (authorized for the Management API), or <see langword="null"/> for none.</summary>
    public PlannedApplication? Management { get; }

    /// <summary>The roles, in creation order, with their permissions.</summary>
    public IReadOnlyList<SeedRole> Roles { get; private init; } = [];

    /// <summary>The users, in creation order, with their create bodies, roles and direct permissions.</summary>
    public IReadOnlyList<PlannedUser> Users { get; private init; } = [];

    /// <summary>The static claim rules, or <see langword="null"/> for none.</summary>
    public SeedClaimRules? ClaimRules { get; private init; }

    /// <summary>Checks the document and fixes every credential.</summary>
    /// <exception cref="EmulatorConfigurationException">An entry breaks a rule or refers to something that is not there.</exception>
    public static SeedPlan Resolve(SeedDocument document, bool createManagementApplication)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ids = new IdGenerator(RandomNumberGenerator.GetInt32(int.MaxValue));
        var apis = new List<ApiDefinition>();
        foreach (var seed in document.Apis)
        {
            var api = Build(seed.Source, () => BuildApi(seed.ResourceServer));
            if (apis.Any(a => a.Identifier == api.Identifier))
            {
                throw new EmulatorConfigurationException($"{seed.Source}: the identifier '{api.Identifier}' is seeded twice.");
            }

            apis.Add(api);
        }

        var applications = new List<PlannedApplication>();
        foreach (var seed in document.Applications)
        {
            var definition = Build(seed.Source, () => BuildApplication(seed.Client));
            var clientId = seed.Client.ClientId ?? ids.ClientId();
            if (string.IsNullOrWhiteSpace(clientId) || applications.Any(a => a.ClientId == clientId))
            {
                throw new EmulatorConfigurationException(string.IsNullOrWhiteSpace(clientId)
                    ? $"{seed.Source}: {ClientFields.ClientId} is empty."
                    : $"{seed.Source}: the client id '{clientId}' is seeded twice.");
            }

            var authorizations = (seed.Authorizations ?? []).Select((a, i) =>
                Build($"{seed.Source}.authorizations[{i}]", () => BuildAuthorization(a, definition, apis))).ToList();
            applications.Add(new PlannedApplication(definition, clientId, CheckedSecret(seed.Client.ClientSecret, seed.Source), authorizations)
            {
                Auth0Properties = seed.Auth0Properties,
                Source = seed.Source,
            });
        }

        PlannedApplication? management = null;
        if (createManagementApplication)
        {
            var seed = document.ManagementApplication ?? new SeedManagementApplication();
            const string source = SeedVocabulary.ManagementApplication;
            var modelled = ManagementRoutes.Scopes.Select(s => s.Value).ToList();
            if (seed.Scopes?.FirstOrDefault(s => !modelled.Contains(s)) is { } unknown)
            {
                throw new EmulatorConfigurationException(
                    $"{source}.scopes: the emulator models no Management API scope '{unknown}'; it has {string.Join(", ", modelled)}.");
            }

            var definition = Build(source, () => Application.Define(seed.Name ?? DefaultManagementName, ApplicationKind.MachineToMachine).Build());
            var clientId = seed.ClientId ?? ids.ClientId();
            if (applications.Any(a => a.ClientId == clientId))
            {
                throw new EmulatorConfigurationException($"{source}: the client id '{clientId}' is also a seeded application's.");
            }

            management = new PlannedApplication(definition, clientId, CheckedSecret(seed.ClientSecret, source),
                [new PlannedAuthorization(ManagementAudience, seed.Scopes ?? modelled)]) { Source = source };
        }

        foreach (var role in document.Roles)
        {
            if (string.IsNullOrEmpty(role.Role.Name))
            {
                throw new EmulatorConfigurationException($"{role.Source}: {RoleFields.Name} is required.");
            }

            CheckPermissions(role.Permissions, role.Source);
        }

        return new SeedPlan(apis, applications, management)
        {
            Roles = document.Roles,
            Users = [.. document.Users.Select(user => PlanUser(user, document.Roles, ids))],
            ClaimRules = document.Claims is { } claims ? SeedClaimRules.Resolve(claims, applications) : null,
        };
    }

    /// <summary>The identifier that stands for the Management API, whose real audience is known only once the emulator listens.</summary>
    public const string ManagementAudience = "<management>";

    /// <summary>
    /// Seeds a fresh tenant: APIs, applications with their fixed credentials and Auth0 properties, authorizations, the
    /// management application, roles and their permissions, users (through the users endpoint's create, so Auth0's
    /// rules and password policy apply) with their roles and permissions, the static claim rules.
    /// </summary>
    /// <exception cref="EmulatorConfigurationException">
    /// The tenant refuses an application's Auth0 properties, a role, a user or a permission (named with the entry's place).
    /// </exception>
    public void Apply(FakeTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        foreach (var api in Apis)
        {
            tenant.Apis.Add(api);
        }

        foreach (var application in Management is null ? Applications : [.. Applications, Management])
        {
            Seed(application.Source, () => tenant.Applications.Add(application.Definition, application.ClientId, application.ClientSecret,
                application.Auth0Properties));

            foreach (var authorization in application.Authorizations)
            {
                var audience = authorization.Api == ManagementAudience ? tenant.Urls.ManagementApiAudience : authorization.Api;
                tenant.Authorizations.Authorize(application.ClientId, audience, authorization.Scopes);
            }
        }

        foreach (var role in Roles)
        {
            var roleId = Seed(role.Source, () => tenant.Roles.Add(role.Role.Name!, role.Role.Description));
            foreach (var (permission, i) in role.Permissions.Select((p, i) => (p, i)))
            {
                Seed($"{role.Source}.{RoleFields.Permissions}[{i}]",
                    () => tenant.Roles.Grant(roleId, permission.ResourceServerIdentifier!, permission.PermissionName!));
            }
        }

        foreach (var user in Users)
        {
            var userId = Seed(user.Source, () => tenant.Users.Add(user.CreateBody())).UserId;
            foreach (var (role, i) in user.Roles.Select((r, i) => (r, i)))
            {
                Seed($"{user.Source}.{SeedVocabulary.Roles}[{i}]", () => tenant.Roles.Assign(tenant.Roles.FindId(role)!, userId));
            }

            foreach (var (permission, i) in user.Permissions.Select((p, i) => (p, i)))
            {
                Seed($"{user.Source}.{RoleFields.Permissions}[{i}]",
                    () => tenant.Roles.GrantToUser(userId, permission.ResourceServerIdentifier!, permission.PermissionName!));
            }
        }

        ClaimRules?.Register(tenant);
    }

    /// <summary>
    /// A user as seeded: its create body with the database connection and a fixed <c>user_id</c> (one generated when
    /// the entry has none, so that resets keep it), its roles checked against the seeded ones.
    /// </summary>
    private static PlannedUser PlanUser(SeedUser seed, IReadOnlyList<SeedRole> roles, IdGenerator ids)
    {
        foreach (var (name, i) in seed.Roles.Select((r, i) => (r, i)))
        {
            if (!roles.Any(r => r.Role.Name == name))
            {
                throw new EmulatorConfigurationException($"{seed.Source}.{SeedVocabulary.Roles}[{i}]: no seeded role is named '{name}'.");
            }
        }

        CheckPermissions(seed.Permissions, seed.Source);
        var body = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            if (!seed.Properties.ContainsKey(UserFields.Connection))
            {
                writer.WriteString(UserFields.Connection, UserFields.DatabaseConnection);
            }

            if (!seed.Properties.ContainsKey(UserFields.UserId))
            {
                writer.WriteString(UserFields.UserId, ids.UserId()[(UserFields.DatabaseProvider.Length + 1)..]);
            }

            foreach (var (name, value) in seed.Properties)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return new PlannedUser(body.WrittenSpan.ToArray(), seed.Roles, seed.Permissions, seed.Source);
    }

    /// <summary>Every permission names its API and its scope (whether they exist, the tenant says when it is seeded).</summary>
    private static void CheckPermissions(List<PermissionDto> permissions, string source)
    {
        foreach (var (permission, i) in permissions.Select((p, i) => (p, i)))
        {
            var missing = permission.ResourceServerIdentifier is null ? RoleFields.ResourceServerIdentifier
                : permission.PermissionName is null ? RoleFields.PermissionName
                : null;
            if (missing is not null)
            {
                throw new EmulatorConfigurationException($"{source}.{RoleFields.Permissions}[{i}]: {missing} is required.");
            }
        }
    }

    /// <summary>Seeds one thing, naming the entry in the tenant's refusal.</summary>
    private static void Seed(string source, Action seed) => Seed(source, () =>
    {
        seed();
        return 0;
    });

    /// <summary>Seeds one thing and gives what the tenant answered, naming the entry in the tenant's refusal.</summary>
    private static T Seed<T>(string source, Func<T> seed)
    {
        try
        {
            return seed();
        }
        catch (FakeTenantException e)
        {
            throw new EmulatorConfigurationException($"{source}: {e.Message}", e);
        }
    }

    private static Secret CheckedSecret(string? secret, string source)
    {
        if (secret is null)
        {
            return new Secret(IdGenerator.ClientSecret());
        }

        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new EmulatorConfigurationException($"{source}: {ClientFields.ClientSecret} is empty.");
        }

        return new Secret(secret);
    }

    /// <summary>
    /// The API a resource-server body describes, read as a desired state's API entry; named after its identifier when
    /// it has no name, with an HS256 secret generated once (so that resets keep it and the credentials file shows it).
    /// </summary>
    private static ApiDefinition BuildApi(ResourceServerDto body)
    {
        if (string.IsNullOrEmpty(body.Identifier))
        {
            throw new EmulatorConfigurationException($"{ResourceServerFields.Identifier} is required.");
        }

        body.Name ??= body.Identifier;
        var errors = new List<ValidationError>();
        var api = DesiredStateJson.ReadApi(body, string.Empty, errors);
        if (errors.Count > 0)
        {
            throw new DefinitionException("API", errors);
        }

        return api.SigningAlgorithm == SigningAlgorithm.HS256 && api.SigningSecret is null
            ? api.ToBuilder().WithGeneratedSigningSecret().Build()
            : api;
    }

    /// <summary>The application a client body describes (the properties application definitions model).</summary>
    private static ApplicationDefinition BuildApplication(ClientDto client)
    {
        var builder = Application.Define(client.Name ?? throw new EmulatorConfigurationException($"{ClientFields.Name} is required."), KindOf(client.AppType));
        if (client.GrantTypes is { } grantTypes)
        {
            builder.WithGrantTypes(grantTypes.Select(g => new GrantType(g)));
        }

        foreach (var callback in client.Callbacks ?? [])
        {
            builder.WithCallback(Uri.TryCreate(callback, UriKind.Absolute, out var uri)
                ? uri
                : throw new EmulatorConfigurationException($"{ClientFields.Callbacks}: '{callback}' is not an absolute URL."));
        }

        if (client.IsFirstParty is { } firstParty)
        {
            builder.FirstParty(firstParty);
        }

        return builder.Build();
    }

    private static PlannedAuthorization BuildAuthorization(SeedAuthorization seed, ApplicationDefinition application, List<ApiDefinition> apis)
    {
        var api = apis.FirstOrDefault(a => a.Identifier == seed.Api)
            ?? throw new EmulatorConfigurationException(seed.Api is null
                ? "api (the API's identifier) is required."
                : $"api: no seeded API has the identifier '{seed.Api}'.");
        var builder = Authorization.For(api, application);
        var definition = (seed.Scopes is { } scopes ? builder.WithScopes(scopes) : builder.WithAllScopes()).Build();
        return new PlannedAuthorization(api.Identifier, definition.Scopes);
    }

    /// <summary>Auth0's <c>app_type</c> values; an application without one is a machine-to-machine application.</summary>
    private static ApplicationKind KindOf(string? appType) => appType switch
    {
        null => ApplicationKind.MachineToMachine,
        _ when new ApplicationKind(appType).IsKnown => new ApplicationKind(appType),
        _ => throw new EmulatorConfigurationException(
            $"{ClientFields.AppType}: '{appType}' is not an application kind; use non_interactive, regular_web, spa or native."),
    };

    /// <summary>Runs a builder, turning every broken rule into one line that names the entry.</summary>
    private static T Build<T>(string source, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (DefinitionException e)
        {
            throw new EmulatorConfigurationException($"{source}: {string.Join("; ", e.Errors)}", e);
        }
        catch (EmulatorConfigurationException e)
        {
            throw new EmulatorConfigurationException($"{source}: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new EmulatorConfigurationException($"{source}: {e.Message}", e);
        }
    }
}

/// <summary>An application as seeded: its definition, fixed credentials and authorizations.</summary>
internal sealed record PlannedApplication(ApplicationDefinition Definition, string ClientId, Secret ClientSecret,
    IReadOnlyList<PlannedAuthorization> Authorizations)
{
    /// <summary>The client properties the definition does not model, as one object for the create body; null for none.</summary>
    public JsonElement? Auth0Properties { get; init; }

    /// <summary>Where the entry came from, for messages.</summary>
    public string Source { get; init; } = "application";
}

/// <summary>
/// A user as seeded: the create body (its password included, so the body is handed out only as a fresh copy and never
/// shown), the names of its roles and its direct permissions.
/// </summary>
internal sealed class PlannedUser(byte[] createBody, IReadOnlyList<string> roles, IReadOnlyList<PermissionDto> permissions, string source)
{
    /// <summary>The names of the roles to assign.</summary>
    public IReadOnlyList<string> Roles { get; } = roles;

    /// <summary>The direct permissions.</summary>
    public IReadOnlyList<PermissionDto> Permissions { get; } = permissions;

    /// <summary>Where the entry came from, for messages.</summary>
    public string Source { get; } = source;

    /// <summary>A copy of the <c>POST /api/v2/users</c> body.</summary>
    public byte[] CreateBody() => (byte[])createBody.Clone();

    /// <summary>Where the entry came from, never what it holds.</summary>
    public override string ToString() => Source;
}

/// <summary>An authorization as seeded: the API's identifier (or <see cref="SeedPlan.ManagementAudience"/>) and the scopes.</summary>
internal sealed record PlannedAuthorization(string Api, IReadOnlyList<string> Scopes);
