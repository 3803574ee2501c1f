using System.Collections;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;
using F = Auth0ApiKit.Wire.ClientFields;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// The filters of <c>GET /api/v2/clients</c>, read and checked as Auth0 checks them: <c>is_global</c>,
/// <c>is_first_party</c>, <c>app_type</c> (a comma list), <c>external_client_id</c>, and <c>q</c>, which takes only the two
/// grant queries Auth0 permits, alone, with checkpoint paging.
/// </summary>
internal sealed class ClientListFilter
{
    private const string AnyOrganizationQuery = "client_grant.allow_any_organization:true";
    private const string OrganizationQueryPrefix = "client_grant.organization_id:";
    private const int MaxExternalClientIdLength = 120;

    private static readonly ClientListFilter None = new();

    private bool? _isGlobal;
    private bool? _isFirstParty;
    private string[]? _appTypes;
    private string? _externalClientId;
    private string? _query;

    private bool IsEmpty => _isGlobal is null && _isFirstParty is null && _appTypes is null && _externalClientId is null && _query is null;

    /// <summary>Reads the filters; on a bad value returns Auth0's query-validation error.</summary>
    /// <param name="request">The request.</param>
    /// <param name="checkpoint">Whether the request pages by checkpoint (<c>from</c>/<c>take</c>), which <c>q</c> needs.</param>
    /// <param name="filter">The filters read.</param>
    public static FakeResponse? Read(FakeRequest request, bool checkpoint, out ClientListFilter filter)
    {
        filter = None;
        var read = new ClientListFilter();
        if (ReadFlag(request, "is_global", out read._isGlobal) is { } globalError)
        {
            return globalError;
        }

        if (ReadFlag(request, F.IsFirstParty, out read._isFirstParty) is { } firstPartyError)
        {
            return firstPartyError;
        }

        if (request.Query[F.AppType] is { } appTypes)
        {
            read._appTypes = appTypes.Split(',');
            if (!read._appTypes.All(t => ClientTable.AppTypes.Contains(t, StringComparer.Ordinal)))
            {
                return ManagementErrors.InvalidQuery(
                    $"String '{appTypes}' does not match pattern. Must be a comma separated list of the following values: {string.Join(',', ClientTable.AppTypes)}",
                    F.AppType);
            }
        }

        if (request.Query["external_client_id"] is { } externalClientId)
        {
            if (externalClientId.Length is 0 or > MaxExternalClientIdLength)
            {
                return ManagementErrors.InvalidQuery(externalClientId.Length == 0
                    ? "String is too short (0 chars), minimum 1"
                    : $"String is too long ({externalClientId.Length} chars), maximum {MaxExternalClientIdLength}", "external_client_id");
            }

            read._externalClientId = externalClientId;
        }

        if (request.Query["q"] is { } query)
        {
            if (ReadQuery(query, checkpoint, otherFilters: !read.IsEmpty) is { } queryError)
            {
                return queryError;
            }

            read._query = query;
        }

        filter = read.IsEmpty ? None : read;
        return null;
    }

    /// <summary>The clients that pass, in Auth0's list order: creation order, but the global client (the store's first) last.</summary>
    public IReadOnlyList<ClientDto> Select(TenantStore store)
    {
        IReadOnlyList<ClientDto> rows = store.Clients.Rows is { Count: > 0 } all && ClientMapping.IsGlobal(all[0]) ? new FirstLast(all) : store.Clients.Rows;
        if (IsEmpty)
        {
            return rows;
        }

        // Organizations are not modelled: no client is granted to one; allow_any_organization is read from the grants.
        HashSet<string>? queried = _query is null ? null
            : _query == AnyOrganizationQuery
                ? [.. store.ClientGrants.Rows.Where(g => AdditionalProperties.IsTrue(g.AdditionalProperties, ClientGrantFields.AllowAnyOrganization)).Select(g => g.ClientId!)]
                : [];
        return [.. rows.Where(c => Matches(c, queried))];
    }

    private static FakeResponse? ReadFlag(FakeRequest request, string name, out bool? value)
    {
        value = null;
        if (Paging.ReadBoolean(request, name, out var flag) is { } error)
        {
            return error;
        }

        if (request.Query[name] is not null)
        {
            value = flag;
        }

        return null;
    }

    /// <summary>Checks <c>q</c> against Auth0's restrictions: one of two grant queries, no other filter, checkpoint paging.</summary>
    private static FakeResponse? ReadQuery(string query, bool checkpoint, bool otherFilters)
    {
        if (query != AnyOrganizationQuery && !(query.StartsWith(OrganizationQueryPrefix, StringComparison.Ordinal) && query.Length > OrganizationQueryPrefix.Length))
        {
            return ManagementErrors.InvalidQuery(
                $"Unsupported query '{query}'. Permitted queries: {OrganizationQueryPrefix}{{organization_id}}, {AnyOrganizationQuery}", "q");
        }

        if (otherFilters)
        {
            return ManagementErrors.InvalidQuery("q cannot be used in combination with other filters", "q");
        }

        return checkpoint ? null : ManagementErrors.InvalidQuery("q requires checkpoint pagination (from and take)", "q");
    }

    private bool Matches(ClientDto client, HashSet<string>? queried) =>
        (_isGlobal is not { } global || ClientMapping.IsGlobal(client) == global) &&
        (_isFirstParty is not { } firstParty || (client.IsFirstParty ?? true) == firstParty) &&
        (_appTypes is null || _appTypes.Contains(client.AppType, StringComparer.Ordinal)) &&
        (_externalClientId is null || AdditionalProperties.StringOf(client.AdditionalProperties, "external_client_id") == _externalClientId) &&
        (queried is null || queried.Contains(client.ClientId!));

    /// <summary>Rows with the first moved to the end, without copying them.</summary>
    private sealed class FirstLast(IReadOnlyList<ClientDto> rows) : IReadOnlyList<ClientDto>
    {
        public int Count => rows.Count;

        public ClientDto this[int index] => rows[(index + 1) % rows.Count];

        public IEnumerator<ClientDto> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
