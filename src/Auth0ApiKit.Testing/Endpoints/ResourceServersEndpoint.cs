using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary><c>/api/v2/resource-servers</c>: list, get, create, update and delete APIs as Auth0 does.</summary>
internal sealed class ResourceServersEndpoint
{
    private const int MaxIdentifiersFilter = 10;

    private readonly TenantStore _store;

    public ResourceServersEndpoint(TenantStore store) => _store = store;

    public FakeResponse List(FakeRequest request)
    {
        if (Paging.Read(request, out var paging) is { } error)
        {
            return error;
        }

        var identifiers = request.Query.GetValues("identifiers") ?? [];
        if (identifiers.Length > MaxIdentifiersFilter)
        {
            return ManagementErrors.InvalidQuery($"Array is too long ({identifiers.Length}), maximum {MaxIdentifiersFilter}", "identifiers");
        }

        // Auth0 documents no `fields` here yet honours it: any name is accepted, an unknown one matches nothing.
        if (Projection.Read(request, readable: null, tenantName: null, out var projection) is { } projectionError)
        {
            return projectionError;
        }

        lock (_store.Gate)
        {
            IReadOnlyList<ResourceServerDto> rows = identifiers.Length == 0
                ? _store.ResourceServers.Rows
                : [.. _store.ResourceServers.Rows.Where(r => identifiers.Contains(r.Identifier, StringComparer.Ordinal))];
            var page = paging.Slice(rows);
            if (projection is not null)
            {
                return paging.IncludeTotals
                    ? projection.List(page, WireJson.Context.ResourceServerDto, "resource_servers", (rows.Count, paging.Start, paging.PerPage))
                    : projection.List(page, WireJson.Context.ResourceServerDto);
            }

            return paging.IncludeTotals
                ? FakeResponse.Json(200, new ResourceServerPageDto { Total = rows.Count, Start = paging.Start, Limit = paging.PerPage, ResourceServers = page }, WireJson.Context.ResourceServerPageDto)
                : FakeResponse.Json(200, page, WireJson.Context.ListResourceServerDto);
        }
    }

    public FakeResponse Get(string idOrIdentifier)
    {
        lock (_store.Gate)
        {
            return FindFromPath(idOrIdentifier) is { } row
                ? FakeResponse.Json(200, row, WireJson.Context.ResourceServerDto)
                : NotFound();
        }
    }

    public FakeResponse Create(FakeRequest request) =>
        JsonBody.ReadCreate(request, _store.ResourceServerShape, out var checkedCreate)
            ?? Insert(JsonSerializer.Deserialize(request.Body, WireJson.Context.ResourceServerDto)!, checkedCreate);

    /// <summary>Creates from a typed body (seeding from the tenant's face), checked by the same table as a request.</summary>
    public FakeResponse Create(ResourceServerDto body)
    {
        var checkedCreate = _store.ResourceServerShape.CheckCreate(body, WireJson.Context.ResourceServerDto);
        return checkedCreate.Mistake is { } mistake ? ManagementErrors.InvalidBody(mistake) : Insert(body, checkedCreate);
    }

    /// <summary>
    /// Stores a checked create body with Auth0's defaults (<paramref name="checkedCreate"/>), a new id and, for HS256,
    /// a generated secret.
    /// </summary>
    private FakeResponse Insert(ResourceServerDto body, CheckedCreate checkedCreate)
    {
        // The body is this create's own (read from the request, or made by the face): it becomes the row.
        var row = body;
        WireShape.DropNulls(row.AdditionalProperties);
        checkedCreate.AddDefaults(row, static (row, name, value) => ResourceServerTable.Store(row, name, value));
        if (CheckLifetimes(row) is { } ruleError)
        {
            return ruleError;
        }

        if (row.SigningAlgorithm == SigningAlgorithm.HS256.Value)
        {
            row.SigningSecret ??= IdGenerator.SigningSecret();
        }

        lock (_store.Gate)
        {
            if (_store.FindResourceServerByIdentifier(row.Identifier!) is not null)
            {
                return ManagementErrors.Error(409, "A resource server with the same identifier already exists.", "conflict");
            }

            row.Id = _store.Ids.ResourceServerId();
            _store.AddResourceServer(row);
            return FakeResponse.Json(201, row, WireJson.Context.ResourceServerDto);
        }
    }

    public FakeResponse Update(FakeRequest request, string idOrIdentifier)
    {
        ResourceServerDto? current;
        lock (_store.Gate)
        {
            current = FindFromPath(idOrIdentifier);
        }

        if (current is null)
        {
            return NotFound();
        }

        var operation = current.IsSystem == true ? WireOperation.SystemUpdate : WireOperation.Update;
        if (JsonBody.Read(request, _store.ResourceServerShape, operation, out var patch) is { } bodyError)
        {
            return bodyError;
        }

        lock (_store.Gate)
        {
            // Re-read under the lock: the merge applies to the latest state.
            current = _store.FindResourceServer(current.Id!);
            if (current is null)
            {
                return NotFound();
            }

            var stored = WireJson.ToElement(current, WireJson.Context.ResourceServerDto);
            var merged = _store.ResourceServerShape.Merge(stored, patch, WireJson.Context.ResourceServerDto);
            if (CheckLifetimes(merged) is { } mergedError)
            {
                return mergedError;
            }

            if (merged.SigningAlgorithm == SigningAlgorithm.HS256.Value)
            {
                merged.SigningSecret ??= IdGenerator.SigningSecret();
            }

            _store.ReplaceResourceServer(merged);
            return FakeResponse.Json(200, merged, WireJson.Context.ResourceServerDto);
        }
    }

    public FakeResponse Delete(string idOrIdentifier)
    {
        lock (_store.Gate)
        {
            var row = FindFromPath(idOrIdentifier);
            if (row?.IsSystem == true)
            {
                return ManagementErrors.Error(400, "System resource servers cannot be deleted.", "operation_not_supported");
            }

            if (row is not null)
            {
                _store.RemoveResourceServer(row);
            }

            return FakeResponse.Empty(204);
        }
    }

    internal static FakeResponse NotFound() =>
        ManagementErrors.Error(404, "The resource server does not exist", "inexistent_resource_server");

    /// <summary>Auth0's rule across two fields: the web lifetime may not exceed the token lifetime.</summary>
    private static FakeResponse? CheckLifetimes(ResourceServerDto row)
    {
        var errors = new List<ValidationError>();
        ApiServerRules.CheckWebNotAboveToken(row.TokenLifetimeForWeb ?? 0, row.TokenLifetime ?? 0, errors);
        return RuleResponses.FirstOrNull(errors);
    }

    /// <summary>
    /// The API a path names by id or identifier. Auth0 also resolves an identifier percent-encoded twice (Terraform's
    /// data source sends <c>https:%252F%252F…</c>): when the once-decoded segment names nothing, it is decoded once more.
    /// </summary>
    private ResourceServerDto? FindFromPath(string idOrIdentifier) =>
        _store.FindResourceServer(idOrIdentifier)
        ?? (idOrIdentifier.Contains('%', StringComparison.Ordinal) && Uri.UnescapeDataString(idOrIdentifier) is var again
            && !string.Equals(again, idOrIdentifier, StringComparison.Ordinal) ? _store.FindResourceServer(again) : null);
}
