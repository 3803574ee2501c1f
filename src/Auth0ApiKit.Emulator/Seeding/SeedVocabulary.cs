using Auth0ApiKit.Applications;
using Auth0ApiKit.Wire;
using ApiFields = Auth0ApiKit.Wire.ResourceServerFields;

namespace Auth0ApiKit.Emulator.Seeding;

/// <summary>
/// The names a seed file uses: Auth0's own (an API entry is a resource-server body, as in the sync's desired-state
/// JSON; an application entry is a client body), and the camelCase names of earlier seed files as fixed aliases.
/// </summary>
internal static class SeedVocabulary
{
    public const string Apis = "apis";
    public const string Applications = "applications";
    public const string ManagementApplication = "management_application";
    public const string Authorizations = "authorizations";
    public const string AuthorizationApi = "api";
    public const string Claims = "claims";

    /// <summary>The roles section, a user's roles, and the claims section's group per role.</summary>
    public const string Roles = RoleFields.Roles;

    /// <summary>The users section, and the claims section's group per user.</summary>
    public const string Users = RoleFields.Users;

    /// <summary>The camelCase names of earlier seed files, and Auth0's names they stand for.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["signingAlgorithm"] = ApiFields.SigningAlgorithm,
        ["signingSecret"] = ApiFields.SigningSecret,
        ["tokenLifetimeSeconds"] = ApiFields.TokenLifetime,
        ["webTokenLifetimeSeconds"] = ApiFields.TokenLifetimeForWeb,
        ["allowSkippingUserConsent"] = ApiFields.SkipConsent,
        ["allowOfflineAccess"] = ApiFields.AllowOfflineAccess,
        ["enforcePolicies"] = ApiFields.EnforcePolicies,
        ["tokenDialect"] = ApiFields.TokenDialect,
        [KindAlias] = ClientFields.AppType,
        ["firstParty"] = ClientFields.IsFirstParty,
        ["clientId"] = ClientFields.ClientId,
        ["clientSecret"] = ClientFields.ClientSecret,
        ["grantTypes"] = ClientFields.GrantTypes,
        ["managementApplication"] = ManagementApplication,
    };

    /// <summary>The alias of <c>app_type</c>, which also took the dashboard's words for two kinds.</summary>
    public const string KindAlias = "kind";

    /// <summary>The dashboard's words that <see cref="KindAlias"/> took, and Auth0's <c>app_type</c> values for them.</summary>
    public static IReadOnlyDictionary<string, string> KindWords { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["machine_to_machine"] = ApplicationKind.MachineToMachine.Value,
        ["single_page"] = ApplicationKind.SinglePage.Value,
    };

    /// <summary>The client properties the seed turns into the application's definition and fixed credentials.</summary>
    private static readonly HashSet<string> ModelledClientNames =
    [
        ClientFields.Name, ClientFields.AppType, ClientFields.ClientId, ClientFields.ClientSecret, ClientFields.GrantTypes,
        ClientFields.Callbacks, ClientFields.IsFirstParty,
    ];

    public static bool IsDocumentName(string name) => name is Apis or Applications or ManagementApplication or Claims or Roles or Users;

    /// <summary>The groups of static claim rules: per application, per user, per role.</summary>
    public static bool IsClaimGroupName(string name) => name is Applications or Users or Roles;

    /// <summary>Every property of the resource-server table (a desired state's API entry refuses the read-only ones).</summary>
    public static bool IsApiName(string name) => ResourceServerTable.Shape.Find(name) is not null;

    public static bool IsScopeName(string name) => name is ApiFields.ScopeValue or ApiFields.ScopeDescription;

    /// <summary>The modelled client properties, every other property of the client table a write may set, and <c>authorizations</c>.</summary>
    public static bool IsApplicationName(string name) => name == Authorizations || IsModelledClientName(name) || IsClientAuth0Name(name);

    public static bool IsModelledClientName(string name) => ModelledClientNames.Contains(name);

    /// <summary>A client property application definitions do not model, which the create body carries as it is.</summary>
    public static bool IsClientAuth0Name(string name) => !IsModelledClientName(name) && ClientTable.Shape.Find(name) is { IsAuth0Property: true };

    /// <summary>A role body's writable properties and the role's <c>permissions</c>.</summary>
    public static bool IsRoleName(string name) => name is RoleFields.Name or RoleFields.Description or RoleFields.Permissions;

    /// <summary>A permission as Auth0's permission bodies name it.</summary>
    public static bool IsPermissionName(string name) => name is RoleFields.ResourceServerIdentifier or RoleFields.PermissionName;

    /// <summary>Every property of a user-create body, and the user's <c>roles</c> (names) and direct <c>permissions</c>.</summary>
    public static bool IsUserName(string name) => name is Roles or RoleFields.Permissions || UserTable.Shape.Find(name) is not null;

    public static bool IsAuthorizationName(string name) => name is AuthorizationApi or ApiFields.Scopes;

    public static bool IsManagementApplicationName(string name) =>
        name is ClientFields.Name or ClientFields.ClientId or ClientFields.ClientSecret or ApiFields.Scopes;
}
