using System.Text.Json;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.ClientGrantFields;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// <c>/api/v2/client-grants</c>: authorizations of applications for APIs, listed in id order with offset paging, or
/// checkpoint paging (<c>take</c>, which wins over <c>include_totals</c> and answers without totals) as Auth0 does.
/// </summary>
internal sealed class ClientGrantsEndpoint
{
    private const string ClientSubject = F.ClientSubjectType;

    private readonly TenantStore _store;

    public ClientGrantsEndpoint(TenantStore store) => _store = store;

    public FakeResponse List(FakeRequest request)
    {
        var audience = request.Query[F.Audience];
        var clientId = request.Query[F.ClientId];
        var subjectType = request.Query[F.SubjectType];
        var defaultFor = request.Query[F.DefaultFor];
        if (Paging.Read(request, out var paging) is { } pagingError)
        {
            return pagingError;
        }

        if (Checkpoint.Read(request, out var checkpoint) is { } checkpointError)
        {
            return checkpointError;
        }

        if (ReadAnyOrganization(request, out var anyOrganization) is { } anyOrganizationError)
        {
            return anyOrganizationError;
        }

        if (defaultFor is not null && defaultFor != F.ThirdPartyClients)
        {
            return ManagementErrors.InvalidQuery($"No enum match for: \"{defaultFor}\"", F.DefaultFor);
        }

        lock (_store.Gate)
        {
            var rows = _store.ClientGrants.Rows
                .Where(g => (audience is null || g.Audience == audience) && (clientId is null || g.ClientId == clientId) &&
                            (subjectType is null || (g.SubjectType ?? ClientSubject) == subjectType) &&
                            (!anyOrganization || AdditionalProperties.IsTrue(g.AdditionalProperties, F.AllowAnyOrganization)) &&
                            (defaultFor is null || AdditionalProperties.StringOf(g.AdditionalProperties, F.DefaultFor) == defaultFor))
                .OrderBy(g => g.Id, StringComparer.Ordinal)
                .ToList();
            if (checkpoint is not { } from)
            {
                var page = paging.Slice(rows);
                return paging.IncludeTotals
                    ? FakeResponse.Json(200, new ClientGrantPageDto { Total = rows.Count, Start = paging.Start, Limit = paging.PerPage, ClientGrants = page }, WireJson.Context.ClientGrantPageDto)
                    : FakeResponse.Json(200, page, WireJson.Context.ListClientGrantDto);
            }

            return from.Slice(rows, g => g.Id!, out var slice, out var next) ??
                FakeResponse.Json(200, new ClientGrantPageDto { ClientGrants = slice, Next = next }, WireJson.Context.ClientGrantPageDto);
        }
    }

    public FakeResponse Get(string id)
    {
        lock (_store.Gate)
        {
            return _store.ClientGrants.TryGet(id, out var row) ? FakeResponse.Json(200, row, WireJson.Context.ClientGrantDto) : NotFound();
        }
    }

    public FakeResponse Create(FakeRequest request) =>
        JsonBody.ReadCreate(request, ClientGrantTable.Shape, out var checkedCreate)
            ?? Insert(JsonSerializer.Deserialize(request.Body, WireJson.Context.ClientGrantDto)!, checkedCreate);

    /// <summary>Creates from a typed body (seeding from the tenant's face), checked by the same table as a request.</summary>
    public FakeResponse Create(ClientGrantDto body)
    {
        var checkedCreate = ClientGrantTable.Shape.CheckCreate(body, WireJson.Context.ClientGrantDto);
        return checkedCreate.Mistake is { } mistake ? ManagementErrors.InvalidBody(mistake) : Insert(body, checkedCreate);
    }

    /// <summary>Stores a checked create body with Auth0's defaults and a new id, once its client and API are known.</summary>
    private FakeResponse Insert(ClientGrantDto body, CheckedCreate checkedCreate)
    {
        // The body is this create's own (read from the request, or made by the face): it becomes the row.
        var row = body;
        WireShape.DropNulls(row.AdditionalProperties);
        checkedCreate.AddDefaults(row, static (row, name, value) => ClientGrantTable.Store(row, name, value));
        // client_id is required unless default_for names the applications the grant is for; the two exclude each other.
        var defaultFor = Extra(row, F.DefaultFor);
        if (row.ClientId is null && defaultFor is null)
        {
            return ManagementErrors.InvalidBody($"Missing required property: {F.ClientId}");
        }

        if (row.ClientId is not null && defaultFor is not null)
        {
            return ManagementErrors.InvalidBody($"{F.ClientId} and {F.DefaultFor} cannot be sent together");
        }

        lock (_store.Gate)
        {
            if (row.ClientId is not null && !_store.Clients.TryGet(row.ClientId, out _))
            {
                return ManagementErrors.Error(404, "Client not found", "inexistent_client");
            }

            if (_store.FindResourceServerByIdentifier(row.Audience!) is not { } api)
            {
                return ManagementErrors.Error(404, "Resource server not found", "inexistent_resource_server");
            }

            if (CheckAllowAllScopes(row, api) is { } refused)
            {
                return refused;
            }

            if (_store.FindGrant(row.ClientId!, row.Audience!, row.SubjectType!) is not null)
            {
                return ManagementErrors.Error(409, $"A client grant already exists between {row.ClientId ?? defaultFor?.GetString()} and {row.Audience}", "conflict");
            }

            row.Id = _store.Ids.ClientGrantId();
            HideScopeWhenAllAllowed(row);
            _store.AddGrant(row);
            return FakeResponse.Json(201, row, WireJson.Context.ClientGrantDto);
        }
    }

    public FakeResponse Update(FakeRequest request, string id)
    {
        if (JsonBody.Read(request, ClientGrantTable.Shape, WireOperation.Update, out var patch) is { } bodyError)
        {
            return bodyError;
        }

        lock (_store.Gate)
        {
            if (!_store.ClientGrants.TryGet(id, out var current))
            {
                return ManagementErrors.Error(404, "The client grant does not exist.", "inexistent_client_grant");
            }

            var stored = WireJson.ToElement(current, WireJson.Context.ClientGrantDto);
            var updated = ClientGrantTable.Shape.Merge(stored, patch, WireJson.Context.ClientGrantDto);
            if (_store.FindResourceServerByIdentifier(updated.Audience!) is { } api && CheckAllowAllScopes(patch, api) is { } refused)
            {
                return refused;
            }

            HideScopeWhenAllAllowed(updated);
            _store.ReplaceGrant(updated);
            return FakeResponse.Json(200, updated, WireJson.Context.ClientGrantDto);
        }
    }

    /// <summary>
    /// The scopes a client-credentials token of <paramref name="grant"/> carries: the grant's own or, when it allows all
    /// scopes, every scope <paramref name="api"/> defines when the token is asked for.
    /// </summary>
    internal static IReadOnlyList<string> GrantedScopes(ClientGrantDto grant, ResourceServerDto api) =>
        AllowsAllScopes(grant) ? [.. (api.Scopes ?? []).Select(s => s.Value!)] : grant.Scope ?? [];

    public FakeResponse Delete(string id)
    {
        lock (_store.Gate)
        {
            if (_store.ClientGrants.TryGet(id, out var row))
            {
                _store.RemoveGrant(row);
            }

            return FakeResponse.Empty(204);
        }
    }

    /// <summary>404 of a GET of an unknown grant (a PATCH's 404 says "client grant", as Auth0's do).</summary>
    private static FakeResponse NotFound() =>
        ManagementErrors.Error(404, "The grant does not exist.", "inexistent_client_grant");

    /// <summary>Reads <c>allow_any_organization</c>, whose only allowed value is <c>true</c> (Auth0's enum <c>[true]</c>).</summary>
    private static FakeResponse? ReadAnyOrganization(FakeRequest request, out bool anyOrganization)
    {
        if (Paging.ReadBoolean(request, F.AllowAnyOrganization, out anyOrganization) is { } error)
        {
            return error;
        }

        return request.Query[F.AllowAnyOrganization] is not null && !anyOrganization
            ? ManagementErrors.InvalidQuery("No enum match for: false", F.AllowAnyOrganization)
            : null;
    }
    private static JsonElement? Extra(ClientGrantDto row, string name) => AdditionalProperties.Find(row.AdditionalProperties, name);

    private static bool AllowsAllScopes(ClientGrantDto row) => AdditionalProperties.IsTrue(row.AdditionalProperties, F.AllowAllScopes);

    /// <summary>Auth0 answers a grant that allows all scopes without <c>scope</c>; one that stops doing so has <c>[]</c> unless sent.</summary>
    private static void HideScopeWhenAllAllowed(ClientGrantDto row)
    {
        if (AllowsAllScopes(row))
        {
            row.Scope = null;
        }
        else
        {
            row.Scope ??= [];
        }
    }

    /// <summary><c>allow_all_scopes</c>, with any value, is refused for a system API (the Management API).</summary>
    private static FakeResponse? CheckAllowAllScopes(ClientGrantDto row, ResourceServerDto api) =>
        api.IsSystem == true && Extra(row, F.AllowAllScopes) is not null ? AllowAllScopesOnSystemApi() : null;

    private static FakeResponse? CheckAllowAllScopes(JsonElement patch, ResourceServerDto api) =>
        api.IsSystem == true && patch.TryGetProperty(F.AllowAllScopes, out _) ? AllowAllScopesOnSystemApi() : null;

    private static FakeResponse AllowAllScopesOnSystemApi() =>
        ManagementErrors.Error(400, $"`{F.AllowAllScopes}` cannot be provided when `{F.Audience}` is a system API", "invalid_body");
}
