namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>A Management API operation the fake models.</summary>
internal enum ManagementOperation
{
    ListResourceServers,
    CreateResourceServer,
    GetResourceServer,
    UpdateResourceServer,
    DeleteResourceServer,
    ListClientGrants,
    CreateClientGrant,
    GetClientGrant,
    UpdateClientGrant,
    DeleteClientGrant,
    ListClients,
    CreateClient,
    GetClient,
    UpdateClient,
    DeleteClient,
    RotateClientSecret,
    ListClientCredentials,
    CreateClientCredential,
    GetClientCredential,
    UpdateClientCredential,
    DeleteClientCredential,
    ListRoles,
    CreateRole,
    GetRole,
    UpdateRole,
    DeleteRole,
    ListRolePermissions,
    AddRolePermissions,
    RemoveRolePermissions,
    ListRoleUsers,
    AddRoleUsers,
    ListUserRoles,
    AddUserRoles,
    RemoveUserRoles,
    ListUserPermissions,
    AddUserPermissions,
    RemoveUserPermissions,
}

/// <summary>One modelled operation: its method, its path template under <c>/api/v2</c>, and the scopes of which any one lets a token call it.</summary>
internal sealed record ManagementRoute(ManagementOperation Operation, string Method, PathTemplate Path, IReadOnlyList<string> Scopes);

/// <summary>
/// The Management API operations the fake models, each with the scopes Auth0's reference lists for it (only those the
/// fake models). The router, the system API's scope list and the default management application read them here.
/// </summary>
internal static class ManagementRoutes
{
    private static readonly string[] VerbOrder = ["read", "create", "update", "delete"];

    private static readonly ManagementRoute[] Routes =
    [
        Route(ManagementOperation.ListResourceServers, "GET", "/resource-servers", "read:resource_servers"),
        Route(ManagementOperation.CreateResourceServer, "POST", "/resource-servers", "create:resource_servers"),
        Route(ManagementOperation.GetResourceServer, "GET", "/resource-servers/{id}", "read:resource_servers"),
        Route(ManagementOperation.UpdateResourceServer, "PATCH", "/resource-servers/{id}", "update:resource_servers"),
        Route(ManagementOperation.DeleteResourceServer, "DELETE", "/resource-servers/{id}", "delete:resource_servers"),
        Route(ManagementOperation.ListClientGrants, "GET", "/client-grants", "read:client_grants"),
        Route(ManagementOperation.CreateClientGrant, "POST", "/client-grants", "create:client_grants"),
        Route(ManagementOperation.GetClientGrant, "GET", "/client-grants/{id}", "read:client_grants"),
        Route(ManagementOperation.UpdateClientGrant, "PATCH", "/client-grants/{id}", "update:client_grants"),
        Route(ManagementOperation.DeleteClientGrant, "DELETE", "/client-grants/{id}", "delete:client_grants"),
        Route(ManagementOperation.ListClients, "GET", "/clients", ReadClients, ReadClientKeys),
        Route(ManagementOperation.CreateClient, "POST", "/clients", "create:clients"),
        Route(ManagementOperation.GetClient, "GET", "/clients/{id}", ReadClients, ReadClientKeys),
        Route(ManagementOperation.UpdateClient, "PATCH", "/clients/{id}", "update:clients", UpdateClientKeys),
        Route(ManagementOperation.DeleteClient, "DELETE", "/clients/{id}", "delete:clients"),
        Route(ManagementOperation.RotateClientSecret, "POST", "/clients/{id}/rotate-secret", UpdateClientKeys),
        Route(ManagementOperation.ListClientCredentials, "GET", "/clients/{id}/credentials", "read:client_credentials"),
        Route(ManagementOperation.CreateClientCredential, "POST", "/clients/{id}/credentials", "create:client_credentials"),
        Route(ManagementOperation.GetClientCredential, "GET", "/clients/{id}/credentials/{credential_id}", "read:client_credentials"),
        Route(ManagementOperation.UpdateClientCredential, "PATCH", "/clients/{id}/credentials/{credential_id}", "update:client_credentials"),
        Route(ManagementOperation.DeleteClientCredential, "DELETE", "/clients/{id}/credentials/{credential_id}", "delete:client_credentials"),
        Route(ManagementOperation.ListRoles, "GET", "/roles", "read:roles"),
        Route(ManagementOperation.CreateRole, "POST", "/roles", "create:roles"),
        Route(ManagementOperation.GetRole, "GET", "/roles/{id}", "read:roles"),
        Route(ManagementOperation.UpdateRole, "PATCH", "/roles/{id}", "update:roles"),
        Route(ManagementOperation.DeleteRole, "DELETE", "/roles/{id}", "delete:roles"),
        Route(ManagementOperation.ListRolePermissions, "GET", "/roles/{id}/permissions", "read:roles"),
        Route(ManagementOperation.AddRolePermissions, "POST", "/roles/{id}/permissions", "update:roles"),
        Route(ManagementOperation.RemoveRolePermissions, "DELETE", "/roles/{id}/permissions", "update:roles"),
        Route(ManagementOperation.ListRoleUsers, "GET", "/roles/{id}/users", "read:users", "read:roles", "read:role_members"),
        Route(ManagementOperation.AddRoleUsers, "POST", "/roles/{id}/users", "update:roles", "create:role_members"),
        Route(ManagementOperation.ListUserRoles, "GET", "/users/{id}/roles", "read:users", "read:roles", "read:role_members"),
        Route(ManagementOperation.AddUserRoles, "POST", "/users/{id}/roles", "update:users", "create:role_members"),
        Route(ManagementOperation.RemoveUserRoles, "DELETE", "/users/{id}/roles", "update:users", "delete:role_members"),
        Route(ManagementOperation.ListUserPermissions, "GET", "/users/{id}/permissions", "read:users"),
        Route(ManagementOperation.AddUserPermissions, "POST", "/users/{id}/permissions", "update:users"),
        Route(ManagementOperation.RemoveUserPermissions, "DELETE", "/users/{id}/permissions", "update:users"),
    ];

    /// <summary>Every modelled operation.</summary>
    public static IReadOnlyList<ManagementRoute> All => Routes;

    /// <summary>The scope that lets a token read client secrets.</summary>
    public const string ReadClientKeys = "read:client_keys";

    /// <summary>The scope that lets a token write client secrets.</summary>
    public const string UpdateClientKeys = "update:client_keys";

    private const string ReadClients = "read:clients";

    /// <summary>
    /// Every scope of the modelled operations, with the description Auth0 gives it (<c>read:client_keys</c>: "Read
    /// Client Keys"), grouped by resource in the order the table first names it, then read, create, update, delete.
    /// </summary>
    public static IReadOnlyList<(string Value, string Description)> Scopes { get; } = [.. All
        .SelectMany(r => r.Scopes)
        .Distinct(StringComparer.Ordinal)
        .GroupBy(scope => scope[(scope.IndexOf(':', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal)
        .SelectMany(resource => resource.OrderBy(scope => Array.IndexOf(VerbOrder, scope[..scope.IndexOf(':', StringComparison.Ordinal)])))
        .Select(scope => (scope, Describe(scope)))];

    /// <summary>The modelled operation <paramref name="method"/> and the path <paramref name="segments"/> (after <c>api/v2</c>) name, or <see langword="null"/>.</summary>
    public static ManagementRoute? Find(string method, ReadOnlySpan<string> segments)
    {
        foreach (var route in Routes)
        {
            if (route.Method == method && route.Path.Matches(segments))
            {
                return route;
            }
        }

        return null;
    }

    private static ManagementRoute Route(ManagementOperation operation, string method, string template, params string[] scopes) =>
        new(operation, method, new PathTemplate(template), scopes);

    /// <summary><c>read:client_keys</c> becomes "Read Client Keys", as Auth0 describes its system API's scopes.</summary>
    private static string Describe(string scope) =>
        string.Join(' ', scope.Split(':', '_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
