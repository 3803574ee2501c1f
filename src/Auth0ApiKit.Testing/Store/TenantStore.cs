using System.Text.Json;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Tokens;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;

namespace Auth0ApiKit.Testing.Store;

/// <summary>
/// The in-memory state of one tenant: APIs (resource servers), applications (clients) and their credentials,
/// authorizations (client grants) and users' refresh tokens. Every read and write happens under <see cref="Gate"/>; stored rows are
/// never changed in place, only replaced.
/// </summary>
internal sealed class TenantStore
{
    /// <summary>The system API's scopes, made once per process: stored rows are never changed in place.</summary>
    private static readonly List<ResourceServerScopeDto> ManagementApiScopeRows =
        [.. ManagementRoutes.Scopes.Select(s => new ResourceServerScopeDto { Value = s.Value, Description = s.Description })];

    private readonly Dictionary<string, string> _resourceServerIdByIdentifier = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ClientId, string Audience, string SubjectType), string> _grantIdByKey = [];
    private readonly string _host;
    private long _version;

    public TenantStore(TenantUrls urls, IdGenerator ids)
    {
        var managementAudience = urls.ManagementApiAudience;
        ManagementAudience = managementAudience;
        _host = urls.IssuerUri.Host;
        Ids = ids;
        AddResourceServer(new ResourceServerDto
        {
            Id = ids.ResourceServerId(),
            Name = "Auth0 Management API",
            Identifier = managementAudience,
            IsSystem = true,
            SigningAlgorithm = "RS256",
            TokenLifetime = 86_400,
            TokenLifetimeForWeb = 7_200,
            AllowOfflineAccess = false,
            SkipConsentForVerifiableFirstPartyClients = false,
            Scopes = ManagementApiScopeRows,
        });
        AddClient(GlobalClient.Create(ids));
    }

    /// <summary>The field table resource-server writes are checked, defaulted and merged with (a test may add a row).</summary>
    public WireShape ResourceServerShape { get; init; } = ResourceServerTable.Shape;

    /// <summary>The field table client writes are checked, defaulted and merged with (a test may add a row).</summary>
    public WireShape ClientShape { get; init; } = ClientTable.Shape;

    /// <summary>
    /// The tenant's name, which Auth0 returns in every client's <c>tenant</c>: the first label of the management
    /// audience's host (an IP address whole).
    /// </summary>
    public string TenantName => field ??= FirstLabel(_host);

    /// <summary>The <c>tenant</c> value of the tenant's clients (<see cref="TenantName"/> as JSON), made at the first create.</summary>
    public JsonElement TenantValue => field.ValueKind == JsonValueKind.Undefined ? field = ClientTable.TenantValue(TenantName) : field;

    /// <summary>The users of the database connection, with their password hashes.</summary>
    public UserStore Users { get; } = new();

    /// <summary>Roles, their permissions and members, and users' direct permissions.</summary>
    public RoleStore Roles { get; } = new();

    /// <summary>The lock that guards every table.</summary>
    public object Gate { get; } = new();

    /// <summary>The identifier (audience) of the system API.</summary>
    public string ManagementAudience { get; }

    /// <summary>The tenant's id source.</summary>
    public IdGenerator Ids { get; }

    /// <summary>Counts committed changes (roles and permissions included): a request that changed nothing leaves it as it was.</summary>
    public long Version => Interlocked.Read(ref _version) + Roles.Version;

    public OrderedTable<ResourceServerDto> ResourceServers { get; } = new(r => r.Id!);

    public OrderedTable<ClientDto> Clients { get; } = new(c => c.ClientId!);

    public OrderedTable<ClientGrantDto> ClientGrants { get; } = new(g => g.Id!);

    /// <summary>The applications' credentials; change them through the methods below so that <see cref="Version"/> moves.</summary>
    public ClientCredentialStore ClientCredentials { get; } = new();

    /// <summary>Refresh tokens by value.</summary>
    public Dictionary<string, RefreshTokenGrant> RefreshTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>The first label of a domain; an IP address is kept whole.</summary>
    private static string FirstLabel(string domain) =>
        domain.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && !System.Net.IPAddress.TryParse(domain, out _) ? domain[..dot] : domain;

    public ResourceServerDto? FindResourceServerByIdentifier(string identifier) =>
        _resourceServerIdByIdentifier.TryGetValue(identifier, out var id) && ResourceServers.TryGet(id, out var row) ? row : null;

    /// <summary>Finds a resource server by id first, then by identifier, so identifiers that look like ids still resolve.</summary>
    public ResourceServerDto? FindResourceServer(string idOrIdentifier) =>
        ResourceServers.TryGet(idOrIdentifier, out var row) ? row : FindResourceServerByIdentifier(idOrIdentifier);

    public void AddResourceServer(ResourceServerDto row)
    {
        ResourceServers.Add(row);
        _resourceServerIdByIdentifier.Add(row.Identifier!, row.Id!);
        Touch();
    }

    /// <summary>Replaces an API; permissions naming a scope it no longer has are taken from roles and users, as Auth0 does.</summary>
    public void ReplaceResourceServer(ResourceServerDto row)
    {
        ResourceServers.Replace(row);
        Roles.ForgetPermissionsOutside(row.Identifier!, row.Scopes ?? []);
        Touch();
    }

    /// <summary>Removes an API, every authorization for it and every permission on it, as Auth0 does.</summary>
    public void RemoveResourceServer(ResourceServerDto row)
    {
        ResourceServers.Remove(row.Id!);
        _resourceServerIdByIdentifier.Remove(row.Identifier!);
        RemoveGrantsWhere(g => g.Audience == row.Identifier);
        Roles.ForgetPermissionsOutside(row.Identifier!, scopes: null);
        RemoveRefreshTokensWhere(t => t.Audience == row.Identifier);
        Touch();
    }

    /// <summary>
    /// Deletes a user with its roles, direct permissions and refresh tokens (Auth0 revokes them), so that a user made
    /// again with the same id inherits nothing; whether there was one.
    /// </summary>
    public bool RemoveUser(string userId)
    {
        if (!Users.Remove(userId))
        {
            return false;
        }

        Roles.ForgetUser(userId);
        RemoveRefreshTokensWhere(t => t.UserId == userId);
        Touch();
        return true;
    }

    public void AddClient(ClientDto row)
    {
        Clients.Add(row);
        Touch();
    }

    public void ReplaceClient(ClientDto row)
    {
        Clients.Replace(row);
        Touch();
    }

    /// <summary>Removes an application, its authorizations, its credentials and its refresh tokens.</summary>
    public void RemoveClient(string clientId)
    {
        Clients.Remove(clientId);
        RemoveGrantsWhere(g => g.ClientId == clientId);
        ClientCredentials.RemoveClient(clientId);
        RemoveRefreshTokensWhere(t => t.ClientId == clientId);
        Touch();
    }

    public ClientGrantDto? FindGrant(string clientId, string audience, string subjectType) =>
        _grantIdByKey.TryGetValue((clientId, audience, subjectType), out var id) && ClientGrants.TryGet(id, out var row) ? row : null;

    public void AddGrant(ClientGrantDto row)
    {
        ClientGrants.Add(row);
        _grantIdByKey.Add(GrantKey(row), row.Id!);
        Touch();
    }

    public void ReplaceGrant(ClientGrantDto row)
    {
        ClientGrants.Replace(row);
        Touch();
    }

    public void RemoveGrant(ClientGrantDto row)
    {
        ClientGrants.Remove(row.Id!);
        _grantIdByKey.Remove(GrantKey(row));
        Touch();
    }

    public void AddClientCredential(string clientId, ClientCredentialDto row)
    {
        ClientCredentials.Add(clientId, row);
        Touch();
    }

    public void ReplaceClientCredential(string clientId, ClientCredentialDto row)
    {
        ClientCredentials.Replace(clientId, row);
        Touch();
    }

    public void RemoveClientCredential(string clientId, string credentialId)
    {
        if (ClientCredentials.Remove(clientId, credentialId))
        {
            Touch();
        }
    }

    public void AddRefreshToken(string token, RefreshTokenGrant grant)
    {
        RefreshTokens.Add(token, grant);
        Touch();
    }

    public void RevokeRefreshToken(string token)
    {
        if (RefreshTokens.Remove(token))
        {
            Touch();
        }
    }

    private void RemoveRefreshTokensWhere(Func<RefreshTokenGrant, bool> predicate)
    {
        foreach (var token in RefreshTokens.Where(t => predicate(t.Value)).Select(t => t.Key).ToList())
        {
            RefreshTokens.Remove(token);
        }
    }

    private void RemoveGrantsWhere(Func<ClientGrantDto, bool> predicate)
    {
        foreach (var grant in ClientGrants.Rows.Where(predicate).ToList())
        {
            RemoveGrant(grant);
        }
    }

    private static (string, string, string) GrantKey(ClientGrantDto row) => (row.ClientId!, row.Audience!, row.SubjectType ?? ClientGrantFields.ClientSubjectType);

    /// <summary>Counts one committed change (<see cref="Version"/>); the users and roles endpoints call it after their writes.</summary>
    public void Touch() => Interlocked.Increment(ref _version);
}

/// <summary>What a refresh token stands for: a user's access to one API through one application, with scopes.</summary>
internal sealed record RefreshTokenGrant(string UserId, string ClientId, string Audience, IReadOnlyList<string> Scopes);
