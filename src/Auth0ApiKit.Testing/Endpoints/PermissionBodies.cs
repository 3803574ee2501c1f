using System.Text.Json.Serialization.Metadata;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.RoleFields;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// What the role and user assignment endpoints share: reading their bodies (checked by <see cref="RoleTable"/>),
/// checking that a permission names a scope of an existing API, writing permissions back, paging, and the 404s.
/// </summary>
internal static class PermissionBodies
{
    /// <summary>Reads <c>{"permissions":[{resource_server_identifier, permission_name}]}</c>.</summary>
    public static FakeResponse? Read(FakeRequest request, out List<Permission> permissions)
    {
        permissions = [];
        if (JsonBody.Read(request, RoleTable.PermissionsBody, WireOperation.Create, out var body) is { } error)
        {
            return error;
        }

        foreach (var item in body.GetProperty(F.Permissions).EnumerateArray())
        {
            permissions.Add(new Permission(item.GetProperty(F.ResourceServerIdentifier).GetString()!, item.GetProperty(F.PermissionName).GetString()!));
        }

        return null;
    }

    /// <summary>Reads a list of ids: <c>{"roles":[…]}</c> or <c>{"users":[…]}</c>, as <paramref name="shape"/> says.</summary>
    public static FakeResponse? ReadIds(FakeRequest request, WireShape shape, string name, out List<string> ids)
    {
        ids = [];
        if (JsonBody.Read(request, shape, WireOperation.Create, out var body) is { } error)
        {
            return error;
        }

        ids.AddRange(body.GetProperty(name).EnumerateArray().Select(id => id.GetString()!));
        return null;
    }

    /// <summary>
    /// Under the gate: Auth0's refusal of the first permission whose API does not exist, or which names no scope of its
    /// API; <see langword="null"/> when every one does.
    /// </summary>
    public static FakeResponse? CheckExist(TenantStore store, IEnumerable<Permission> permissions)
    {
        foreach (var permission in permissions)
        {
            if (store.FindResourceServerByIdentifier(permission.Api) is not { } api)
            {
                return ManagementErrors.Error(404, "Resource server not found", "inexistent_resource_server");
            }

            if (!(api.Scopes ?? []).Any(s => s.Value == permission.Name))
            {
                return ManagementErrors.Error(400, $"Permission \"{permission.Name}\" does not exist on resource server \"{permission.Api}\".", "invalid_body");
            }
        }

        return null;
    }

    /// <summary>Under the gate: a permission as Auth0 lists it, with the scope's description and the API's name.</summary>
    public static PermissionDto ToDto(TenantStore store, Permission permission)
    {
        var api = store.FindResourceServerByIdentifier(permission.Api);
        return new PermissionDto
        {
            PermissionName = permission.Name,
            Description = api?.Scopes?.FirstOrDefault(s => s.Value == permission.Name)?.Description,
            ResourceServerName = api?.Name,
            ResourceServerIdentifier = permission.Api,
        };
    }

    /// <summary>A page of permissions: a bare array, or with <c>include_totals</c> the envelope with totals.</summary>
    public static FakeResponse Page(Paging paging, IReadOnlyList<PermissionDto> rows) =>
        Page(paging, rows, page => new PermissionPageDto { Permissions = page }, WireJson.Context.PermissionPageDto, WireJson.Context.ListPermissionDto);

    /// <summary>A page of rows with offset paging: a bare array, or with <c>include_totals</c> the envelope with totals.</summary>
    public static FakeResponse Page<TRow, TPage>(Paging paging, IReadOnlyList<TRow> rows, Func<List<TRow>, TPage> envelope,
        JsonTypeInfo<TPage> pageType, JsonTypeInfo<List<TRow>> listType)
        where TPage : PageEnvelopeDto
    {
        var page = paging.Slice(rows);
        if (!paging.IncludeTotals)
        {
            return FakeResponse.Json(200, page, listType);
        }

        var answer = envelope(page);
        answer.Total = rows.Count;
        answer.Start = paging.Start;
        answer.Limit = paging.PerPage;
        return FakeResponse.Json(200, answer, pageType);
    }

    /// <summary>The 404 of a role id that names no role.</summary>
    public static FakeResponse RoleNotFound() => ManagementErrors.Error(404, "Role not found.", "inexistent_role");

    /// <summary>The 404 of a user id that names no user (as <c>GET /users/{id}</c> answers it).</summary>
    public static FakeResponse UserNotFound() => ManagementErrors.Error(404, "The user does not exist.", "inexistent_user");

    /// <summary>The 200 <c>{}</c> and 201 <c>{}</c> several assignment calls answer.</summary>
    public static FakeResponse EmptyObject(int status) => FakeResponse.RawJson(status, "{}"u8.ToArray());
}
