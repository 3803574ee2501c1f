using Auth0ApiKit.Apis;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Management;

/// <summary>The APIs of a tenant over the Management API (<c>/api/v2/resource-servers</c>).</summary>
internal sealed class ApisClient : IApisClient
{
    private const string Path = "resource-servers";

    private readonly ManagementConnection _connection;
    private readonly ApiTester _tester;
    /// <summary>Striped locks for scope changes: bounded however many APIs the client touches in its life.</summary>
    private readonly SemaphoreSlim[] _scopeLocks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public ApisClient(ManagementConnection connection, ApiTester tester)
    {
        _connection = connection;
        _tester = tester;
    }

    public async Task<TenantApi> CreateAsync(ApiDefinition api, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        ThrowIfBroken(ApiChangeRules.CheckCreate(api));
        try
        {
            var created = await _connection.SendAsync(HttpMethod.Post, Path,
                ManagementConnection.Json(ResourceServerMapping.ToCreateBody(api), WireJson.Context.ResourceServerDto),
                WireJson.Context.ResourceServerDto, cancellationToken).ConfigureAwait(false);
            return ToTenantApi(created);
        }
        catch (Auth0ConflictException)
        {
            // A retry after an answer that was lost, or an API that already exists: adopt it when it matches.
            var existing = await GetAsync(api.Identifier, cancellationToken).ConfigureAwait(false);
            if (existing is not null && ResourceServerMapping.Satisfies(existing.Definition, api))
            {
                return existing;
            }

            throw;
        }
    }

    public async Task<TenantApi?> GetAsync(string identifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        var found = await _connection.SendAsync(HttpMethod.Get, $"{Path}?identifiers={Uri.EscapeDataString(identifier)}",
            null, WireJson.Context.ListResourceServerDto, cancellationToken).ConfigureAwait(false);
        return found.FirstOrDefault(r => r.Identifier == identifier) is { } row ? ToTenantApi(row) : null;
    }

    public async Task<TenantApi?> GetByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var row = await _connection.GetOrNullAsync($"{Path}/{ManagementConnection.Segment(id)}", WireJson.Context.ResourceServerDto, cancellationToken)
            .ConfigureAwait(false);
        return row is null ? null : ToTenantApi(row);
    }

    public IAsyncEnumerable<TenantApi> ListAsync(CancellationToken cancellationToken = default) =>
        ResultPage<TenantApi>.EnumerateAsync((page, ct) => ListPageAsync(page, OffsetPaging.MaxPerPage, ct), cancellationToken);

    public async Task<ResultPage<TenantApi>> ListPageAsync(int page, int perPage, CancellationToken cancellationToken = default)
    {
        var result = await _connection.SendAsync(HttpMethod.Get, $"{Path}?{OffsetPaging.Query(page, perPage)}",
            null, WireJson.Context.ResourceServerPageDto, cancellationToken).ConfigureAwait(false);
        var items = (result.ResourceServers ?? []).Select(ToTenantApi).ToList();
        return OffsetPaging.Page(items, result.Total, result.Start, result.Limit, page, perPage);
    }

    public async Task<TenantApi> UpdateAsync(ApiDefinition desired, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var current = await GetExistingAsync(desired.Identifier, cancellationToken).ConfigureAwait(false);
        return await ChangeAsync(current, desired, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TenantApi> UpdateByIdAsync(string id, ApiDefinition desired, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(desired);
        var current = await GetByIdAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new Auth0NotFoundException($"No API has the id {id} in the tenant.");
        return await ChangeAsync(current, desired, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string identifier, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(identifier, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return false;
        }

        await _connection.SendAsync(HttpMethod.Delete, $"{Path}/{ManagementConnection.Segment(current.Id)}", cancellationToken).ConfigureAwait(false);
        return true;
    }

    public Task<TenantApi> AddScopesAsync(string identifier, IEnumerable<Scope> scopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var added = scopes.ToList();
        return ChangeScopesAsync(identifier, current =>
            [.. current.Where(s => added.All(a => a.Value != s.Value)), .. added], cancellationToken);
    }

    public Task<TenantApi> RemoveScopesAsync(string identifier, IEnumerable<string> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var removed = values.ToHashSet(StringComparer.Ordinal);
        return ChangeScopesAsync(identifier, current => [.. current.Where(s => !removed.Contains(s.Value))], cancellationToken);
    }

    public Task<TenantApi> ReplaceScopesAsync(string identifier, IEnumerable<Scope> scopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var replacement = scopes.ToList();
        return ChangeScopesAsync(identifier, _ => replacement, cancellationToken);
    }

    public async Task<ApiTestReport> TestAsync(string identifier, string clientId, Secret clientSecret, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        var api = await GetExistingAsync(identifier, cancellationToken).ConfigureAwait(false);
        return await _tester.TestAsync(api.Definition, clientId, clientSecret, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TenantApi> ChangeScopesAsync(string identifier, Func<IReadOnlyList<Scope>, List<Scope>> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        var gate = _scopeLocks[(StringComparer.Ordinal.GetHashCode(identifier) & int.MaxValue) % _scopeLocks.Length];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await GetExistingAsync(identifier, cancellationToken).ConfigureAwait(false);
            var scopes = change(current.Definition.Scopes ?? []);
            ThrowIfBroken(Api.WithIdentifier(identifier).WithNoScopes().WithScopes(scopes).Validate());
            await PatchAsync(current.Id, new ResourceServerDto { Scopes = [.. scopes.Select(ResourceServerMapping.ToDto)] }, cancellationToken)
                .ConfigureAwait(false);

            // Auth0 has no ETags: read back, and report a concurrent writer rather than hide it.
            var after = await GetExistingAsync(identifier, cancellationToken).ConfigureAwait(false);
            if (!ResourceServerMapping.SameScopes(after.Definition.Scopes ?? [], scopes))
            {
                throw new Auth0ConcurrentChangeException("api " + identifier,
                    $"The scopes of {identifier} were changed by someone else while they were being written; read them again and retry.");
            }

            return after;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Checks the change against the API as it is, then sends only what differs (nothing when nothing does).</summary>
    private async Task<TenantApi> ChangeAsync(TenantApi current, ApiDefinition desired, CancellationToken cancellationToken)
    {
        ThrowIfBroken(ApiChangeRules.CheckUpdate(current.Definition, desired));
        var (body, hasChanges) = ResourceServerMapping.ToPatchBody(current.Definition, desired);
        return hasChanges ? await PatchAsync(current.Id, body, cancellationToken).ConfigureAwait(false) : current;
    }

    private async Task<TenantApi> PatchAsync(string id, ResourceServerDto body, CancellationToken cancellationToken)
    {
        var patched = await _connection.SendAsync(HttpMethod.Patch, $"{Path}/{ManagementConnection.Segment(id)}",
            ManagementConnection.Json(body, WireJson.Context.ResourceServerDto), WireJson.Context.ResourceServerDto, cancellationToken).ConfigureAwait(false);
        return ToTenantApi(patched);
    }

    private async Task<TenantApi> GetExistingAsync(string identifier, CancellationToken cancellationToken) =>
        await GetAsync(identifier, cancellationToken).ConfigureAwait(false)
        ?? throw new Auth0NotFoundException($"The API {identifier} does not exist in the tenant.");

    private static void ThrowIfBroken(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new DefinitionException("API", errors);
        }
    }

    internal static TenantApi ToTenantApi(ResourceServerDto row) =>
        new(row.Id ?? string.Empty, row.IsSystem == true, ResourceServerMapping.ToDefinition(row));
}
