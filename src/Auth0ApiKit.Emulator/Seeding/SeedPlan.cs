using System.Security.Cryptography;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Emulator.Seeding;

/// <summary>
/// A seed document checked against the SDK's rules and turned into definitions, with every missing client id and
/// secret generated once: applying the plan to a fresh tenant (at start and on every reset) gives the same state and
/// the same credentials.
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

    /// <summary>Checks the document and fixes every credential.</summary>
    /// <exception cref="EmulatorConfigurationException">An entry breaks a rule or refers to something that is not there.</exception>
    public static SeedPlan Resolve(SeedDocument document, bool createManagementApplication)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ids = new IdGenerator(RandomNumberGenerator.GetInt32(int.MaxValue));
        var apis = new List<ApiDefinition>();
        foreach (var seed in document.Apis ?? [])
        {
            var api = Build(seed.Source, () => BuildApi(seed));
            if (apis.Any(a => a.Identifier == api.Identifier))
            {
                throw new EmulatorConfigurationException($"{seed.Source}: the identifier '{api.Identifier}' is seeded twice.");
            }

            apis.Add(api);
        }

        var applications = new List<PlannedApplication>();
        foreach (var seed in document.Applications ?? [])
        {
            var definition = Build(seed.Source, () => BuildApplication(seed));
            var clientId = seed.ClientId ?? ids.ClientId();
            if (string.IsNullOrWhiteSpace(clientId) || applications.Any(a => a.ClientId == clientId))
            {
                throw new EmulatorConfigurationException(string.IsNullOrWhiteSpace(clientId)
                    ? $"{seed.Source}: clientId is empty."
                    : $"{seed.Source}: the client id '{clientId}' is seeded twice.");
            }

            var authorizations = (seed.Authorizations ?? []).Select((a, i) =>
                Build($"{seed.Source}.authorizations[{i}]", () => BuildAuthorization(a, definition, apis))).ToList();
            applications.Add(new PlannedApplication(definition, clientId, CheckedSecret(seed.ClientSecret, seed.Source), authorizations));
        }

        PlannedApplication? management = null;
        if (createManagementApplication)
        {
            var seed = document.ManagementApplication ?? new SeedManagementApplication();
            const string source = "managementApplication";
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
                [new PlannedAuthorization(ManagementAudience, seed.Scopes ?? modelled)]);
        }

        return new SeedPlan(apis, applications, management);
    }

    /// <summary>The identifier that stands for the Management API, whose real audience is known only once the emulator listens.</summary>
    public const string ManagementAudience = "<management>";

    /// <summary>Seeds a fresh tenant: APIs, applications with their fixed credentials, authorizations, the management application.</summary>
    public void Apply(FakeTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        foreach (var api in Apis)
        {
            tenant.Apis.Add(api);
        }

        foreach (var application in Management is null ? Applications : [.. Applications, Management])
        {
            tenant.Applications.Add(application.Definition, application.ClientId, application.ClientSecret);
            foreach (var authorization in application.Authorizations)
            {
                var audience = authorization.Api == ManagementAudience ? tenant.Urls.ManagementApiAudience : authorization.Api;
                tenant.Authorizations.Authorize(application.ClientId, audience, authorization.Scopes);
            }
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
            throw new EmulatorConfigurationException($"{source}: clientSecret is empty.");
        }

        return new Secret(secret);
    }

    private static ApiDefinition BuildApi(SeedApi seed)
    {
        if (string.IsNullOrEmpty(seed.Identifier))
        {
            throw new EmulatorConfigurationException("identifier is required.");
        }

        var builder = Api.Define(seed.Name ?? seed.Identifier).WithIdentifier(seed.Identifier);
        if (seed.SigningAlgorithm is { } algorithm)
        {
            builder.SignedWith(new SigningAlgorithm(algorithm));
        }

        if (seed.SigningSecret is { } secret)
        {
            builder.WithSigningSecret(secret);
        }
        else if (seed.SigningAlgorithm == SigningAlgorithm.HS256.Value)
        {
            // Generated once here, so that resets keep it and the credentials file can show it.
            builder.WithGeneratedSigningSecret();
        }

        if (seed.TokenLifetimeSeconds is { } lifetime)
        {
            builder.TokensExpireAfter(TimeSpan.FromSeconds(lifetime));
        }

        if (seed.WebTokenLifetimeSeconds is { } webLifetime)
        {
            builder.WebTokensExpireAfter(TimeSpan.FromSeconds(webLifetime));
        }

        if (seed.AllowSkippingUserConsent is { } skipConsent)
        {
            builder.AllowSkippingUserConsent(skipConsent);
        }

        if (seed.AllowOfflineAccess is { } offline)
        {
            builder.AllowOfflineAccess(offline);
        }

        if (seed.EnforcePolicies is { } enforce)
        {
            builder.EnforcePolicies(enforce);
        }

        if (seed.TokenDialect is { } dialect)
        {
            builder.WithTokenDialect(new TokenDialect(dialect));
        }

        foreach (var scope in seed.Scopes ?? [])
        {
            builder.WithScope(scope.Value ?? string.Empty, scope.Description);
        }

        return builder.Build();
    }

    private static ApplicationDefinition BuildApplication(SeedApplication seed)
    {
        var builder = Application.Define(seed.Name ?? throw new EmulatorConfigurationException("name is required."), KindOf(seed.Kind));
        if (seed.GrantTypes is { } grantTypes)
        {
            builder.WithGrantTypes(grantTypes.Select(g => new GrantType(g)));
        }

        foreach (var callback in seed.Callbacks ?? [])
        {
            builder.WithCallback(Uri.TryCreate(callback, UriKind.Absolute, out var uri)
                ? uri
                : throw new EmulatorConfigurationException($"callbacks: '{callback}' is not an absolute URL."));
        }

        if (seed.FirstParty is { } firstParty)
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

    /// <summary>Application kinds in the dashboard's words, and Auth0's own <c>app_type</c> values.</summary>
    private static ApplicationKind KindOf(string? kind) => kind switch
    {
        null or "machine_to_machine" => ApplicationKind.MachineToMachine,
        "single_page" => ApplicationKind.SinglePage,
        _ when new ApplicationKind(kind!).IsKnown => new ApplicationKind(kind!),
        _ => throw new EmulatorConfigurationException(
            $"kind: '{kind}' is not an application kind; use machine_to_machine, regular_web, single_page or native."),
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
    IReadOnlyList<PlannedAuthorization> Authorizations);

/// <summary>An authorization as seeded: the API's identifier (or <see cref="SeedPlan.ManagementAudience"/>) and the scopes.</summary>
internal sealed record PlannedAuthorization(string Api, IReadOnlyList<string> Scopes);
