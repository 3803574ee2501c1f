using System.Text.Json;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;
using static Auth0ApiKit.Testing.Endpoints.PermissionBodies;
using F = Auth0ApiKit.Wire.RoleFields;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// <c>/api/v2/roles</c>: roles, their permissions and their users, with Auth0's quirks (a create answers 200, a delete
/// 200 <c>{}</c>, adding permissions 201 <c>{}</c>, adding users 200 <c>{}</c>). Roles are listed in creation order.
/// </summary>
internal sealed class RolesEndpoint
{
    private const string NameFilter = "name_filter";

    private readonly TenantStore _store;

    public RolesEndpoint(TenantStore store) => _store = store;

    /// <summary>Lists roles; <c>name_filter</c> keeps those whose name contains it, ignoring case.</summary>
    public FakeResponse List(FakeRequest request)
    {
        if (Paging.Read(request, out var paging) is { } error)
        {
            return error;
        }

        var filter = request.Query[NameFilter];
        lock (_store.Gate)
        {
            IReadOnlyList<RoleDto> rows = string.IsNullOrEmpty(filter)
                ? _store.Roles.Rows
                : [.. _store.Roles.Rows.Where(r => r.Name!.Contains(filter, StringComparison.OrdinalIgnoreCase))];
            return Page(paging, rows, page => new RolePageDto { Roles = page }, WireJson.Context.RolePageDto, WireJson.Context.ListRoleDto);
        }
    }

    public FakeResponse Create(FakeRequest request)
    {
        if (JsonBody.Read(request, RoleTable.Shape, WireOperation.Create, out var body) is { } error)
        {
            return error;
        }

        return Insert(body.Deserialize(WireJson.Context.RoleDto)!);
    }

    /// <summary>Creates from a typed body (seeding from the tenant's face), checked by the same table as a request.</summary>
    public FakeResponse Create(RoleDto body) =>
        RoleTable.Shape.CheckCreate(body, WireJson.Context.RoleDto).Mistake is { } mistake ? ManagementErrors.InvalidBody(mistake) : Insert(body);

    /// <summary>Stores a checked body as a new role with a new id: 200 with the role, or 409 when the name is taken.</summary>
    private FakeResponse Insert(RoleDto body)
    {
        var row = new RoleDto { Name = body.Name, Description = body.Description };
        lock (_store.Gate)
        {
            if (_store.Roles.FindByName(row.Name!) is not null)
            {
                return ManagementErrors.Error(409, "The role already exists.", "conflict");
            }

            row.Id = _store.Ids.RoleId();
            _store.Roles.Add(row);
            return FakeResponse.Json(200, row, WireJson.Context.RoleDto);
        }
    }

    public FakeResponse Get(string id) => ForRole(id, () => FakeResponse.Json(200, _store.Roles.Find(id)!, WireJson.Context.RoleDto));

    public FakeResponse Update(FakeRequest request, string id)
    {
        if (JsonBody.Read(request, RoleTable.Shape, WireOperation.Update, out var patch) is { } error)
        {
            return error;
        }

        lock (_store.Gate)
        {
            if (_store.Roles.Find(id) is not { } current)
            {
                return RoleNotFound();
            }

            var updated = RoleTable.Shape.Merge(WireJson.ToElement(current, WireJson.Context.RoleDto), patch, WireJson.Context.RoleDto);
            if (updated.Name != current.Name && _store.Roles.FindByName(updated.Name!) is not null)
            {
                return ManagementErrors.Error(409, "The role already exists.", "conflict");
            }

            _store.Roles.Replace(updated);
            return FakeResponse.Json(200, updated, WireJson.Context.RoleDto);
        }
    }

    /// <summary>Deletes a role: its members lose it and the permissions it gave.</summary>
    public FakeResponse Delete(string id)
    {
        lock (_store.Gate)
        {
            return _store.Roles.Remove(id) ? EmptyObject(200) : RoleNotFound();
        }
    }

    public FakeResponse ListPermissions(FakeRequest request, string id) =>
        Paging.Read(request, out var paging) ?? ForRole(id, () => Page(paging, [.. _store.Roles.PermissionsOf(id).Select(p => ToDto(_store, p))]));

    public FakeResponse AddPermissions(FakeRequest request, string id) => AddPermissions(id, Read(request, out var permissions), permissions);

    /// <summary>Adds permissions to a role (the face's way in when <paramref name="bodyError"/> is null): 201 <c>{}</c>.</summary>
    public FakeResponse AddPermissions(string id, FakeResponse? bodyError, IReadOnlyList<Permission> permissions) =>
        bodyError ?? ForRole(id, () =>
        {
            if (CheckExist(_store, permissions) is { } missing)
            {
                return missing;
            }

            _store.Roles.AddPermissions(id, permissions);
            return EmptyObject(201);
        });

    public FakeResponse RemovePermissions(FakeRequest request, string id) =>
        Read(request, out var permissions) ?? ForRole(id, () =>
        {
            _store.Roles.RemovePermissions(id, permissions);
            return FakeResponse.Empty(204);
        });

    /// <summary>Lists a role's members with offset paging, or checkpoint paging (<c>from</c>, <c>take</c>) as Auth0 offers here.</summary>
    public FakeResponse ListUsers(FakeRequest request, string id) =>
        Paging.Read(request, out var paging) ?? Checkpoint.Read(request, out var checkpoint) ?? ForRole(id, () =>
        {
            List<RoleUserDto> rows = [.. _store.Roles.MembersOf(id).Select(userId => _store.Users.Find(userId)).OfType<UserDto>()
                .Select(u => new RoleUserDto { UserId = u.UserId, Picture = u.Picture, Name = u.Name, Email = u.Email })];
            if (checkpoint is not { } from)
            {
                return Page(paging, rows, page => new RoleUserPageDto { Users = page }, WireJson.Context.RoleUserPageDto, WireJson.Context.ListRoleUserDto);
            }

            return from.Slice(rows, u => u.UserId!, out var slice, out var next) ??
                FakeResponse.Json(200, new RoleUserPageDto { Users = slice, Next = next }, WireJson.Context.RoleUserPageDto);
        });

    public FakeResponse AddUsers(FakeRequest request, string id) =>
        AddUsers(id, ReadIds(request, RoleTable.UsersBody, F.Users, out var userIds), userIds);

    /// <summary>Assigns a role to users (the face's way in when <paramref name="bodyError"/> is null): 200 <c>{}</c>, or 404 when one is unknown.</summary>
    public FakeResponse AddUsers(string id, FakeResponse? bodyError, IReadOnlyList<string> userIds) =>
        bodyError ?? ForRole(id, () =>
        {
            if (!userIds.All(_store.Users.Contains))
            {
                return ManagementErrors.Error(404, "One or more of the users do not exist.", "inexistent_user");
            }

            _store.Roles.AddMembers(id, userIds);
            return EmptyObject(200);
        });

    /// <summary>Under the gate: <paramref name="answer"/> when the role exists, else Auth0's 404.</summary>
    private FakeResponse ForRole(string id, Func<FakeResponse> answer)
    {
        lock (_store.Gate)
        {
            return _store.Roles.Find(id) is null ? RoleNotFound() : answer();
        }
    }
}
