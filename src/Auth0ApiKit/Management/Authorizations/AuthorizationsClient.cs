using System.Runtime.CompilerServices;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Management;

/// <summary>The authorizations of a tenant over the Management API (<c>/api/v2/client-grants</c>).</summary>
internal sealed class AuthorizationsClient : IAuthorizationsClient
{
    private const string Path = "client-grants";
    private const string ClientSubject = ClientGrantFields.ClientSubjectType;

    private readonly ManagementConnection _connection;
    private readonly ApisClient _apis;
    private readonly Func<CancellationToken, IAsyncEnumerable<TenantApplication>> _listApplications;

    public AuthorizationsClient(ManagementConnection connection, ApisClient apis, Func<CancellationToken, IAsyncEnumerable<TenantApplication>> listApplications)
    {
        _connection = connection;
        _apis = apis;
        _listApplications = listApplications;
    }

    public async Task<TenantAuthorization> AuthorizeAsync(string clientId, string apiIdentifier, IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var granted = await CheckScopesAsync(clientId, apiIdentifier, scopes, cancellationToken).ConfigureAwait(false);
        var body = new ClientGrantDto { ClientId = clientId, Audience = apiIdentifier, Scope = granted };
        try
        {
            var created = await _connection.SendAsync(HttpMethod.Post, Path, ManagementConnection.Json(body, WireJson.Context.ClientGrantDto),
                WireJson.Context.ClientGrantDto, cancellationToken).ConfigureAwait(false);
            return ToTenantAuthorization(created);
        }
        catch (Auth0ConflictException)
        {
            // A retry after a lost answer, or an existing grant: adopt it when it grants the same scopes.
            var existing = await GetAsync(clientId, apiIdentifier, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.Scopes.ToHashSet(StringComparer.Ordinal).SetEquals(granted))
            {
                return existing;
            }

            throw;
        }
    }

    public async Task<TenantAuthorization> ApplyAsync(AuthorizationDefinition authorization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var clientId = authorization.Application.ClientId
            ?? await ResolveByNameAsync(authorization.Application.Name!, cancellationToken).ConfigureAwait(false);
        return await AuthorizeAsync(clientId, authorization.ApiIdentifier, authorization.Scopes, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TenantAuthorization?> GetAsync(string clientId, string apiIdentifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(apiIdentifier);
        await foreach (var grant in ListAsync(clientId, apiIdentifier, cancellationToken).ConfigureAwait(false))
        {
            if (grant.ClientId == clientId && grant.ApiIdentifier == apiIdentifier)
            {
                return grant;
            }
        }

        return null;
    }

    public async IAsyncEnumerable<TenantAuthorization> ListAsync(string? clientId = null, string? apiIdentifier = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = $"{Path}?take={OffsetPaging.MaxPerPage}" + Filter(clientId, apiIdentifier);
        string? from = null;
        do
        {
            var page = await _connection.SendAsync(HttpMethod.Get, from is null ? filter : filter + "&from=" + Uri.EscapeDataString(from),
                null, WireJson.Context.ClientGrantPageDto, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.ClientGrants ?? [])
            {
                if ((row.SubjectType ?? ClientSubject) == ClientSubject)
                {
                    yield return ToTenantAuthorization(row);
                }
            }

            from = page.Next;
        }
        while (!string.IsNullOrEmpty(from));
    }

    public async Task<ResultPage<TenantAuthorization>> ListPageAsync(int page, int perPage, string? clientId = null, string? apiIdentifier = null,
        CancellationToken cancellationToken = default)
    {
        // Filtered on the subject type by Auth0, so that the totals count only applications' authorizations.
        var result = await _connection.SendAsync(HttpMethod.Get,
            $"{Path}?{OffsetPaging.Query(page, perPage)}&subject_type={ClientSubject}{Filter(clientId, apiIdentifier)}",
            null, WireJson.Context.ClientGrantPageDto, cancellationToken).ConfigureAwait(false);
        var items = (result.ClientGrants ?? []).Select(ToTenantAuthorization).ToList();
        return OffsetPaging.Page(items, result.Total, result.Start, result.Limit, page, perPage);
    }

    public async Task<TenantAuthorization> ChangeScopesAsync(string clientId, string apiIdentifier, IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        var granted = await CheckScopesAsync(clientId, apiIdentifier, scopes, cancellationToken).ConfigureAwait(false);
        var existing = await GetAsync(clientId, apiIdentifier, cancellationToken).ConfigureAwait(false)
            ?? throw new Auth0NotFoundException($"The application {clientId} is not authorized for {apiIdentifier}.");
        var updated = await _connection.SendAsync(HttpMethod.Patch, $"{Path}/{ManagementConnection.Segment(existing.Id)}",
            ManagementConnection.Json(new ClientGrantDto { Scope = granted }, WireJson.Context.ClientGrantDto), WireJson.Context.ClientGrantDto,
            cancellationToken).ConfigureAwait(false);
        return ToTenantAuthorization(updated);
    }

    public async Task<bool> RevokeAsync(string clientId, string apiIdentifier, CancellationToken cancellationToken = default)
    {
        var existing = await GetAsync(clientId, apiIdentifier, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return false;
        }

        await _connection.SendAsync(HttpMethod.Delete, $"{Path}/{ManagementConnection.Segment(existing.Id)}", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The dashboard's rule: an application is granted a subset of the API's own scopes, each once.</summary>
    private async Task<List<string>> CheckScopesAsync(string clientId, string apiIdentifier, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiIdentifier);
        ArgumentNullException.ThrowIfNull(scopes);
        var list = scopes.ToList();
        var api = await _apis.GetAsync(apiIdentifier, cancellationToken).ConfigureAwait(false)
            ?? throw new Auth0NotFoundException($"The API {apiIdentifier} does not exist in the tenant.");
        var errors = Authorization.For(api.Definition, ApplicationReference.ByClientId(clientId)).WithScopes(list).Validate();
        if (errors.Count > 0)
        {
            throw new DefinitionException("authorization", errors);
        }

        return list;
    }

    private async Task<string> ResolveByNameAsync(string name, CancellationToken cancellationToken)
    {
        var matches = new List<string>();
        await foreach (var application in _listApplications(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(application.Name, name, StringComparison.Ordinal))
            {
                matches.Add(application.ClientId);
            }
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InvalidOperationException($"No application is named '{name}'; refer to it by client id or create it first."),
            _ => throw new InvalidOperationException($"{matches.Count} applications are named '{name}'; refer to the one you mean by client id."),
        };
    }

    private static string Filter(string? clientId, string? apiIdentifier) =>
        (clientId is null ? string.Empty : "&client_id=" + Uri.EscapeDataString(clientId)) +
        (apiIdentifier is null ? string.Empty : "&audience=" + Uri.EscapeDataString(apiIdentifier));

    internal static TenantAuthorization ToTenantAuthorization(ClientGrantDto row) =>
        new(row.Id ?? string.Empty, row.ClientId ?? string.Empty, row.Audience ?? string.Empty, row.Scope ?? []);
}
