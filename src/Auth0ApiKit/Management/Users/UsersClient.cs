using System.Globalization;
using System.Text.Json;
using Auth0ApiKit.Roles;
using Auth0ApiKit.Users;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;
using F = Auth0ApiKit.Wire.UserFields;

namespace Auth0ApiKit.Management;

/// <summary>The users of a tenant's database connection over the Management API (<c>/api/v2/users</c>).</summary>
internal sealed class UsersClient : IUsersClient
{
    /// <summary>How many users a search may page through (Auth0's search limit).</summary>
    private const int SearchLimit = 1000;

    private const string Path = "users";

    private readonly ManagementConnection _connection;

    public UsersClient(ManagementConnection connection) => _connection = connection;

    public async Task<TenantUser> CreateAsync(UserDefinition user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var body = new UserWriteDto
        {
            Connection = F.DatabaseConnection,
            Email = user.Email,
            Password = user.Password.Reveal(),
            Name = user.Name,
            Nickname = user.Nickname,
            EmailVerified = user.EmailVerified,
            AppMetadata = user.AppMetadata,
            UserMetadata = user.UserMetadata,
        };

        // Auth0 answers 201. A user found on a 409 cannot be adopted (its password cannot be compared), so a create whose
        // outcome is unknown is not repeated: its failure is reported rather than turned into a conflict.
        return ToTenantUser(await _connection.SendAsync(HttpMethod.Post, Path, ManagementConnection.Json(body, WireJson.Context.UserWriteDto),
            WireJson.Context.UserDto, cancellationToken, retryAfterAmbiguousFailure: false).ConfigureAwait(false));
    }

    public async Task<TenantUser?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var row = await _connection.GetOrNullAsync(UserPath(userId), WireJson.Context.UserDto, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToTenantUser(row);
    }

    public async Task<IReadOnlyList<TenantUser>> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        var rows = await _connection.SendAsync(HttpMethod.Get, $"users-by-email?{F.Email}={Uri.EscapeDataString(email)}", null,
            WireJson.Context.ListUserDto, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ToTenantUser)];
    }

    public IAsyncEnumerable<TenantUser> ListAsync(string? query = null, CancellationToken cancellationToken = default) =>
        ResultPage<TenantUser>.EnumerateAsync(
            (page, ct) => (page + 1) * OffsetPaging.MaxPerPage > SearchLimit
                ? Task.FromResult(OffsetPaging.Page<TenantUser>([], null, null, null, page, OffsetPaging.MaxPerPage))
                : ListPageAsync(page, OffsetPaging.MaxPerPage, query, ct),
            cancellationToken);

    public async Task<ResultPage<TenantUser>> ListPageAsync(int page, int perPage, string? query = null, CancellationToken cancellationToken = default)
    {
        var filter = query is null ? string.Empty : "&q=" + Uri.EscapeDataString(query);
        var result = await _connection.SendAsync(HttpMethod.Get, $"{Path}?{OffsetPaging.Query(page, perPage)}{filter}", null,
            WireJson.Context.UserPageDto, cancellationToken).ConfigureAwait(false);
        return OffsetPaging.Page([.. (result.Users ?? []).Select(ToTenantUser)], result.Total, result.Start, result.Limit, page, perPage);
    }

    public async Task<TenantUser> UpdateAsync(string userId, UserUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(update);
        if (update.Validate() is { Count: > 0 } errors)
        {
            throw new DefinitionException("user update", errors);
        }

        UserDto? updated = null;
        if (update.DescribesUser)
        {
            updated = await PatchAsync(userId, new UserWriteDto
            {
                Name = update.Name,
                Nickname = update.Nickname,
                EmailVerified = update.EmailVerified,
                AppMetadata = update.AppMetadata,
                UserMetadata = update.UserMetadata,
            }, cancellationToken).ConfigureAwait(false);
        }

        if (update.Password is { } password)
        {
            // Auth0's SDKs send the connection with a new password.
            updated = await PatchAsync(userId, new UserWriteDto { Password = password.Reveal(), Connection = F.DatabaseConnection }, cancellationToken)
                .ConfigureAwait(false);
        }

        return updated is not null
            ? ToTenantUser(updated)
            : await GetAsync(userId, cancellationToken).ConfigureAwait(false) ?? throw new Auth0NotFoundException($"No user has the id {userId} in the tenant.");
    }

    public async Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(userId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        try
        {
            // Auth0 answers 204, whether or not the user existed.
            await _connection.SendAsync(HttpMethod.Delete, UserPath(userId), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Auth0NotFoundException)
        {
            return false;
        }
    }

    public IAsyncEnumerable<TenantRole> ListRolesAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return ResultPage<TenantRole>.EnumerateAsync((page, ct) => OffsetPaging.FetchAsync(_connection, $"{UserPath(userId)}/roles", page,
            OffsetPaging.MaxPerPage, string.Empty, WireJson.Context.RolePageDto, p => p.Roles?.Select(RolesClient.ToTenantRole), ct), cancellationToken);
    }

    /// <summary>Auth0 answers 204.</summary>
    public Task AssignRolesAsync(string userId, IEnumerable<string> roleIds, CancellationToken cancellationToken = default) =>
        SendRolesAsync(HttpMethod.Post, userId, roleIds, cancellationToken);

    /// <summary>Auth0 answers 204.</summary>
    public Task RemoveRolesAsync(string userId, IEnumerable<string> roleIds, CancellationToken cancellationToken = default) =>
        SendRolesAsync(HttpMethod.Delete, userId, roleIds, cancellationToken);

    public IAsyncEnumerable<UserPermission> ListPermissionsAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return ResultPage<UserPermission>.EnumerateAsync((page, ct) => OffsetPaging.FetchAsync(_connection, $"{UserPath(userId)}/permissions", page,
            OffsetPaging.MaxPerPage, string.Empty, WireJson.Context.PermissionPageDto, p => p.Permissions?.Select(ToUserPermission), ct), cancellationToken);
    }

    /// <summary>Auth0 answers 201 with <c>{}</c>.</summary>
    public Task AddPermissionsAsync(string userId, IEnumerable<ApiPermission> permissions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return PermissionWrites.SendAsync(_connection, HttpMethod.Post, $"{UserPath(userId)}/permissions", permissions, cancellationToken);
    }

    /// <summary>Auth0 answers 204.</summary>
    public Task RemovePermissionsAsync(string userId, IEnumerable<ApiPermission> permissions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return PermissionWrites.SendAsync(_connection, HttpMethod.Delete, $"{UserPath(userId)}/permissions", permissions, cancellationToken);
    }

    private Task<UserDto> PatchAsync(string userId, UserWriteDto body, CancellationToken cancellationToken) =>
        _connection.SendAsync(HttpMethod.Patch, UserPath(userId), ManagementConnection.Json(body, WireJson.Context.UserWriteDto), WireJson.Context.UserDto,
            cancellationToken);

    /// <summary>Assigns or removes roles; Auth0 wants at least one per call, so none sends nothing.</summary>
    private async Task SendRolesAsync(HttpMethod method, string userId, IEnumerable<string> roleIds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(roleIds);
        var roles = roleIds.ToList();
        foreach (var role in roles)
        {
            ArgumentException.ThrowIfNullOrEmpty(role, nameof(roleIds));
        }

        if (roles.Count > 0)
        {
            await _connection.SendAsync(method, $"{UserPath(userId)}/roles",
                ManagementConnection.Json(new UserRolesBodyDto { Roles = roles }, WireJson.Context.UserRolesBodyDto), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string UserPath(string userId) => $"{Path}/{ManagementConnection.Segment(userId)}";

    internal static TenantUser ToTenantUser(UserDto row) =>
        new(row.UserId ?? string.Empty, row.Email, row.EmailVerified ?? false, row.Name, row.Nickname, row.Picture, Timestamp(row.CreatedAt),
            Timestamp(row.UpdatedAt), Clone(row.AppMetadata), Clone(row.UserMetadata));

    private static UserPermission ToUserPermission(PermissionDto row) =>
        new(new ApiPermission(row.ResourceServerIdentifier ?? string.Empty, row.PermissionName ?? string.Empty), row.Description, row.ResourceServerName,
            [.. (row.Sources ?? []).Select(s => s.SourceType == RoleFields.DirectSource
                ? new PermissionSource(PermissionSourceKind.Direct, null, null)
                : new PermissionSource(PermissionSourceKind.Role, s.SourceId, s.SourceName))]);

    private static DateTimeOffset? Timestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    private static JsonElement? Clone(JsonElement? value) => value?.Clone();
}
