using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Auth0ApiKit.Roles;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Management;

/// <summary>The roles of a tenant over the Management API (<c>/api/v2/roles</c>).</summary>
internal sealed class RolesClient : IRolesClient
{
    private const string Path = "roles";

    private readonly ManagementConnection _connection;

    public RolesClient(ManagementConnection connection) => _connection = connection;

    public async Task<TenantRole> CreateAsync(RoleDefinition role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(role);
        TenantRole created;
        try
        {
            // Auth0 answers 200, not 201.
            created = ToTenantRole(await _connection.SendAsync(HttpMethod.Post, Path,
                ManagementConnection.Json(new RoleDto { Name = role.Name, Description = role.Description }, WireJson.Context.RoleDto),
                WireJson.Context.RoleDto, cancellationToken).ConfigureAwait(false));
        }
        catch (Auth0ConflictException)
        {
            // A retry after an answer that was lost, or a role that already exists: adopt it when it matches.
            var existing = await FindByNameAsync(role.Name, cancellationToken).ConfigureAwait(false);
            if (existing is null || (role.Description is not null && existing.Description != role.Description))
            {
                throw;
            }

            // Never hand back someone else's role that grants more than asked for: adopt only a subset of the definition.
            var held = new List<ApiPermission>();
            await foreach (var permission in ListPermissionsAsync(existing.Id, cancellationToken).ConfigureAwait(false))
            {
                held.Add(permission.Permission);
            }

            if (!held.All(role.Permissions.Contains))
            {
                throw;
            }

            await AddPermissionsAsync(existing.Id, [.. role.Permissions.Except(held)], cancellationToken).ConfigureAwait(false);
            return existing;
        }

        await AddPermissionsAsync(created.Id, role.Permissions, cancellationToken).ConfigureAwait(false);
        return created;
    }

    public async Task<TenantRole?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var row = await _connection.GetOrNullAsync(RolePath(id), WireJson.Context.RoleDto, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToTenantRole(row);
    }

    public async Task<TenantRole?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var filter = "&name_filter=" + Uri.EscapeDataString(name);
        await foreach (var role in ResultPage<TenantRole>.EnumerateAsync(
            (page, ct) => ListPageAsync(page, OffsetPaging.MaxPerPage, filter, ct), cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(role.Name, name, StringComparison.Ordinal))
            {
                return role;
            }
        }

        return null;
    }

    public IAsyncEnumerable<TenantRole> ListAsync(CancellationToken cancellationToken = default) =>
        ResultPage<TenantRole>.EnumerateAsync((page, ct) => ListPageAsync(page, OffsetPaging.MaxPerPage, ct), cancellationToken);

    public Task<ResultPage<TenantRole>> ListPageAsync(int page, int perPage, CancellationToken cancellationToken = default) =>
        ListPageAsync(page, perPage, filter: string.Empty, cancellationToken);

    public async Task<TenantRole> UpdateAsync(string id, RoleDefinition desired, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var current = await GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new Auth0NotFoundException($"No role has the id {id} in the tenant.");
        var body = new RoleDto
        {
            Name = current.Name == desired.Name ? null : desired.Name,
            Description = desired.Description is null || current.Description == desired.Description ? null : desired.Description,
        };
        var updated = body.Name is null && body.Description is null
            ? current
            : ToTenantRole(await _connection.SendAsync(HttpMethod.Patch, RolePath(id), ManagementConnection.Json(body, WireJson.Context.RoleDto),
                WireJson.Context.RoleDto, cancellationToken).ConfigureAwait(false));

        var held = new List<ApiPermission>();
        await foreach (var permission in ListPermissionsAsync(id, cancellationToken).ConfigureAwait(false))
        {
            held.Add(permission.Permission);
        }

        await RemovePermissionsAsync(id, held.Where(p => !desired.Grants(p)), cancellationToken).ConfigureAwait(false);
        await AddPermissionsAsync(id, desired.Permissions.Except(held), cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        try
        {
            // Auth0 answers 200 with {}.
            await _connection.SendAsync(HttpMethod.Delete, RolePath(id), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Auth0NotFoundException)
        {
            return false;
        }
    }

    /// <summary>Auth0 answers 201 with <c>{}</c>.</summary>
    public Task AddPermissionsAsync(string id, IEnumerable<ApiPermission> permissions, CancellationToken cancellationToken = default) =>
        SendPermissionsAsync(HttpMethod.Post, id, permissions, cancellationToken);

    /// <summary>Auth0 answers 204.</summary>
    public Task RemovePermissionsAsync(string id, IEnumerable<ApiPermission> permissions, CancellationToken cancellationToken = default) =>
        SendPermissionsAsync(HttpMethod.Delete, id, permissions, cancellationToken);

    public IAsyncEnumerable<TenantPermission> ListPermissionsAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return ResultPage<TenantPermission>.EnumerateAsync((page, ct) => ListPermissionsPageAsync(id, page, OffsetPaging.MaxPerPage, ct), cancellationToken);
    }

    public async Task<ResultPage<TenantPermission>> ListPermissionsPageAsync(string id, int page, int perPage, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return await PageAsync($"{RolePath(id)}/permissions", page, perPage, string.Empty, WireJson.Context.PermissionPageDto,
            p => p.Permissions?.Select(ToTenantPermission), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Auth0 answers 200 with <c>{}</c>.</summary>
    public async Task AssignUsersAsync(string id, IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(userIds);
        var users = userIds.ToList();
        foreach (var user in users)
        {
            ArgumentException.ThrowIfNullOrEmpty(user, nameof(userIds));
        }

        if (users.Count > 0)
        {
            await _connection.SendAsync(HttpMethod.Post, $"{RolePath(id)}/users",
                ManagementConnection.Json(new RoleUsersBodyDto { Users = users }, WireJson.Context.RoleUsersBodyDto), cancellationToken).ConfigureAwait(false);
        }
    }

    public IAsyncEnumerable<RoleMember> ListUsersAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return ListUsersFromAsync(id, cancellationToken);
    }

    public async Task<ResultPage<RoleMember>> ListUsersPageAsync(string id, int page, int perPage, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return await PageAsync($"{RolePath(id)}/users", page, perPage, string.Empty, WireJson.Context.RoleUserPageDto,
            p => p.Users?.Select(ToRoleMember), cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<RoleMember> ListUsersFromAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = $"{RolePath(id)}/users?take={OffsetPaging.MaxPerPage}";
        string? from = null;
        do
        {
            var page = await _connection.SendAsync(HttpMethod.Get, from is null ? first : first + "&from=" + Uri.EscapeDataString(from),
                null, WireJson.Context.RoleUserPageDto, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Users ?? [])
            {
                yield return ToRoleMember(row);
            }

            from = page.Next;
        }
        while (!string.IsNullOrEmpty(from));
    }

    private Task<ResultPage<TenantRole>> ListPageAsync(int page, int perPage, string filter, CancellationToken cancellationToken) =>
        PageAsync(Path, page, perPage, filter, WireJson.Context.RolePageDto, p => p.Roles?.Select(ToTenantRole), cancellationToken);

    private Task<ResultPage<TItem>> PageAsync<TPage, TItem>(string path, int page, int perPage, string filter, JsonTypeInfo<TPage> pageType,
        Func<TPage, IEnumerable<TItem>?> items, CancellationToken cancellationToken)
        where TPage : PageEnvelopeDto =>
        OffsetPaging.FetchAsync(_connection, path, page, perPage, filter, pageType, items, cancellationToken);

    private Task SendPermissionsAsync(HttpMethod method, string id, IEnumerable<ApiPermission> permissions, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return PermissionWrites.SendAsync(_connection, method, $"{RolePath(id)}/permissions", permissions, cancellationToken);
    }

    private static string RolePath(string id) => $"{Path}/{ManagementConnection.Segment(id)}";

    internal static TenantRole ToTenantRole(RoleDto row) => new(row.Id ?? string.Empty, row.Name ?? string.Empty, row.Description);

    internal static TenantPermission ToTenantPermission(PermissionDto row) =>
        new(new ApiPermission(row.ResourceServerIdentifier ?? string.Empty, row.PermissionName ?? string.Empty), row.Description, row.ResourceServerName);

    private static RoleMember ToRoleMember(RoleUserDto row) => new(row.UserId ?? string.Empty, row.Email, row.Name, row.Picture);
}
