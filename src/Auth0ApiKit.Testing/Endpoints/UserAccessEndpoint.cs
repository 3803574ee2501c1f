using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;
using static Auth0ApiKit.Testing.Endpoints.PermissionBodies;
using F = Auth0ApiKit.Wire.RoleFields;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// <c>/api/v2/users/{id}/roles</c> and <c>/api/v2/users/{id}/permissions</c>: a user's roles and direct permissions.
/// Assigning roles answers 204; assigning permissions 201 <c>{}</c>, or 400 beyond Auth0's limit of direct permissions.
/// A user's permissions are listed with their sources: the direct assignment and each role that gives them.
/// </summary>
internal sealed class UserAccessEndpoint
{
    private readonly TenantStore _store;

    public UserAccessEndpoint(TenantStore store) => _store = store;

    public FakeResponse ListRoles(FakeRequest request, string userId) =>
        Paging.Read(request, out var paging) ?? ForUser(userId, () =>
            Page(paging, _store.Roles.RolesOf(userId), page => new RolePageDto { Roles = page }, WireJson.Context.RolePageDto, WireJson.Context.ListRoleDto));

    public FakeResponse AddRoles(FakeRequest request, string userId) =>
        AddRoles(userId, ReadIds(request, RoleTable.RolesBody, F.Roles, out var roleIds), roleIds);

    /// <summary>Assigns roles to a user (the face's way in when <paramref name="bodyError"/> is null): 204, or 404 when one is unknown.</summary>
    public FakeResponse AddRoles(string userId, FakeResponse? bodyError, IReadOnlyList<string> roleIds) =>
        bodyError ?? ForUser(userId, () =>
        {
            if (roleIds.Any(id => _store.Roles.Find(id) is null))
            {
                return RoleNotFound();
            }

            foreach (var roleId in roleIds)
            {
                _store.Roles.AddMembers(roleId, [userId]);
            }

            return FakeResponse.Empty(204);
        });

    public FakeResponse RemoveRoles(FakeRequest request, string userId) =>
        ReadIds(request, RoleTable.RolesBody, F.Roles, out var roleIds) ?? ForUser(userId, () =>
        {
            _store.Roles.UnassignRoles(userId, roleIds);
            return FakeResponse.Empty(204);
        });

    /// <summary>Lists every permission a user holds, directly or through roles, each once with all its sources.</summary>
    public FakeResponse ListPermissions(FakeRequest request, string userId) =>
        Paging.Read(request, out var paging) ?? ForUser(userId, () =>
        {
            var rows = new List<PermissionDto>();
            var byPermission = new Dictionary<Permission, PermissionDto>();
            foreach (var (permission, role) in _store.Roles.Sources(userId))
            {
                if (!byPermission.TryGetValue(permission, out var row))
                {
                    row = ToDto(_store, permission);
                    row.Sources = [];
                    byPermission.Add(permission, row);
                    rows.Add(row);
                }

                row.Sources!.Add(role is null
                    ? new PermissionSourceDto { SourceId = "", SourceName = "", SourceType = F.DirectSource }
                    : new PermissionSourceDto { SourceId = role.Id, SourceName = role.Name, SourceType = F.RoleSource });
            }

            return Page(paging, rows);
        });

    public FakeResponse AddPermissions(FakeRequest request, string userId) =>
        AddPermissions(userId, Read(request, out var permissions), permissions);

    /// <summary>Assigns permissions to a user directly (the face's way in when <paramref name="bodyError"/> is null): 201 <c>{}</c>.</summary>
    public FakeResponse AddPermissions(string userId, FakeResponse? bodyError, IReadOnlyList<Permission> permissions) =>
        bodyError ?? ForUser(userId, () =>
            CheckExist(_store, permissions) ?? (_store.Roles.AddDirectPermissions(userId, permissions)
                ? EmptyObject(201)
                : ManagementErrors.Error(400, "No more permissions can be assigned to this user.", "invalid_body")));

    public FakeResponse RemovePermissions(FakeRequest request, string userId) =>
        Read(request, out var permissions) ?? ForUser(userId, () =>
        {
            _store.Roles.RemoveDirectPermissions(userId, permissions);
            return FakeResponse.Empty(204);
        });

    /// <summary>Under the gate: <paramref name="answer"/> when the user exists, else Auth0's 404.</summary>
    private FakeResponse ForUser(string userId, Func<FakeResponse> answer)
    {
        lock (_store.Gate)
        {
            return _store.Users.Contains(userId) ? answer() : UserNotFound();
        }
    }
}
