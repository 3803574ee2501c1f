using System.Text.Json;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using static Auth0ApiKit.Testing.Tests.Endpoints.Requests;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

/// <summary>
/// Roles, their permissions and users, and users' roles and direct permissions, against AUTH0-USER-FLOWS section 8 and
/// Auth0's Management OpenAPI document: status codes (Auth0's quirks included), bodies and error texts.
/// </summary>
public class RoleContractTests
{
    private const string Orders = "https://orders.example.com";
    private const string Billing = "urn:billing";
    private readonly TenantStore _store = NewStore();
    private readonly RolesEndpoint _roles;
    private readonly UserAccessEndpoint _users;
    private readonly ResourceServersEndpoint _apis;
    private readonly string _ada;
    private readonly string _bob;

    public RoleContractTests()
    {
        _roles = new RolesEndpoint(_store);
        _users = new UserAccessEndpoint(_store);
        _apis = new ResourceServersEndpoint(_store);
        _apis.Create(Json("POST", "/", $$"""{"name":"Orders","identifier":"{{Orders}}","scopes":[{"value":"read:orders","description":"Read orders"},{"value":"write:orders","description":"Write orders"}]}"""));
        _apis.Create(Json("POST", "/", $$"""{"name":"Billing","identifier":"{{Billing}}","scopes":[{"value":"pay","description":"Pay"}]}"""));
        _ada = _store.AddUser("ada");
        _bob = _store.AddUser("bob");
    }

    private static string Permissions(params (string Api, string Name)[] permissions) =>
        JsonSerializer.Serialize(new { permissions = permissions.Select(p => new { resource_server_identifier = p.Api, permission_name = p.Name }) });

    private FakeResponse CreateRole(string body) => _roles.Create(Json("POST", "/api/v2/roles", body));

    private string RoleId(string name, string description = "") =>
        CreateRole($$"""{"name":"{{name}}","description":"{{description}}"}""").Parse().GetProperty("id").GetString()!;

    private static void ShouldBeError(FakeResponse response, int status, string message, string? errorCode = null)
    {
        response.Status.Should().Be(status);
        var error = response.Parse();
        error.GetProperty("statusCode").GetInt32().Should().Be(status);
        error.GetProperty("message").GetString().Should().Be(message);
        if (errorCode is not null)
        {
            error.GetProperty("errorCode").GetString().Should().Be(errorCode);
        }
    }

    private static void ShouldBeEmptyObject(FakeResponse response, int status)
    {
        response.Status.Should().Be(status);
        response.BodyText.Should().Be("{}");
    }

    [Fact]
    public void Creating_a_role_answers_200_not_201_with_its_id_name_and_description()
    {
        var created = CreateRole("""{"name":"orders-admin","description":"Manages orders"}""");

        created.Status.Should().Be(200);
        var id = created.Parse().GetProperty("id").GetString()!;
        id.Should().MatchRegex("^rol_[A-Za-z0-9]{16}$");
        created.Parse().ShouldHaveExactly("""{"name":"orders-admin","description":"Manages orders"}""", "id");
        _roles.Get(id).Parse().ShouldHaveExactly($$"""{"id":"{{id}}","name":"orders-admin","description":"Manages orders"}""");
        CreateRole("""{"name":"reader"}""").Parse().ShouldHaveExactly("""{"name":"reader"}""", "id");
    }

    [Fact]
    public void A_role_name_is_unique_and_required_and_the_body_is_closed()
    {
        RoleId("orders-admin");

        ShouldBeError(CreateRole("""{"name":"orders-admin"}"""), 409, "The role already exists.");
        ShouldBeError(CreateRole("""{"description":"x"}"""), 400, "Payload validation error: 'Missing required property: name'.", "invalid_body");
        ShouldBeError(CreateRole("""{"name":"x","permissions":[]}"""), 400, "Payload validation error: 'Additional properties not allowed: permissions'.", "invalid_body");
    }

    [Fact]
    public void An_unknown_role_is_not_found_for_every_role_operation()
    {
        const string id = "rol_0000000000000000";

        ShouldBeError(_roles.Get(id), 404, "Role not found.");
        ShouldBeError(_roles.Update(Json("PATCH", "/", """{"name":"x"}"""), id), 404, "Role not found.");
        ShouldBeError(_roles.Delete(id), 404, "Role not found.");
        ShouldBeError(_roles.ListPermissions(Get("/"), id), 404, "Role not found.");
        ShouldBeError(_roles.AddPermissions(Json("POST", "/", Permissions((Orders, "read:orders"))), id), 404, "Role not found.");
        ShouldBeError(_roles.RemovePermissions(Json("DELETE", "/", Permissions((Orders, "read:orders"))), id), 404, "Role not found.");
        ShouldBeError(_roles.ListUsers(Get("/"), id), 404, "Role not found.");
        ShouldBeError(_roles.AddUsers(Json("POST", "/", $$"""{"users":["{{_ada}}"]}"""), id), 404, "Role not found.");
    }

    [Fact]
    public void Patching_a_role_changes_only_what_is_sent_and_keeps_names_unique()
    {
        var id = RoleId("orders-admin", "Manages orders");
        RoleId("reader");

        var patched = _roles.Update(Json("PATCH", "/", """{"description":"Runs orders"}"""), id);

        patched.Status.Should().Be(200);
        patched.Parse().ShouldHaveExactly($$"""{"id":"{{id}}","name":"orders-admin","description":"Runs orders"}""");
        ShouldBeError(_roles.Update(Json("PATCH", "/", """{"name":"reader"}"""), id), 409, "The role already exists.");
        _roles.Update(Json("PATCH", "/", """{"name":"orders-boss"}"""), id).Parse().GetProperty("name").GetString().Should().Be("orders-boss");
    }

    [Fact]
    public void Deleting_a_role_answers_200_with_an_empty_object_and_takes_it_from_its_users()
    {
        var id = RoleId("orders-admin");
        _roles.AddPermissions(Json("POST", "/", Permissions((Orders, "read:orders"))), id);
        _roles.AddUsers(Json("POST", "/", $$"""{"users":["{{_ada}}"]}"""), id);

        ShouldBeEmptyObject(_roles.Delete(id), 200);

        ShouldBeError(_roles.Get(id), 404, "Role not found.");
        _users.ListRoles(Get("/"), _ada).Parse().GetArrayLength().Should().Be(0);
        lock (_store.Gate)
        {
            _store.Roles.EffectivePermissions(_ada, Orders).Should().BeEmpty();
        }
    }

    [Fact]
    public void Roles_are_listed_in_creation_order_filtered_by_name_ignoring_case_and_paged()
    {
        RoleId("Orders-Admin");
        RoleId("reader");
        RoleId("orders-viewer");

        _roles.List(Get("/")).Parse().EnumerateArray().Select(r => r.GetProperty("name").GetString())
            .Should().Equal("Orders-Admin", "reader", "orders-viewer");
        _roles.List(Get("/", "?name_filter=ORDERS")).Parse().EnumerateArray().Select(r => r.GetProperty("name").GetString())
            .Should().Equal("Orders-Admin", "orders-viewer");
        var page = _roles.List(Get("/", "?per_page=1&page=1&include_totals=true")).Parse();
        page.GetProperty("total").GetInt32().Should().Be(3);
        page.GetProperty("start").GetInt32().Should().Be(1);
        page.GetProperty("limit").GetInt32().Should().Be(1);
        page.GetProperty("roles").EnumerateArray().Single().GetProperty("name").GetString().Should().Be("reader");
        _roles.List(Get("/", "?per_page=101")).QueryErrorMessage().Should().Be("Query validation error: 'Value 101 is greater than maximum 100' on property per_page.");
    }

    [Fact]
    public void Role_permissions_are_added_with_201_and_an_empty_object_listed_with_their_api_and_removed_with_204()
    {
        var id = RoleId("orders-admin");

        ShouldBeEmptyObject(_roles.AddPermissions(Json("POST", "/", Permissions((Orders, "read:orders"), (Billing, "pay"))), id), 201);
        _roles.AddPermissions(Json("POST", "/", Permissions((Orders, "read:orders"))), id).Status.Should().Be(201, "adding one held already is not an error");

        var listed = _roles.ListPermissions(Get("/"), id).Parse();
        listed.GetArrayLength().Should().Be(2);
        listed[0].ShouldHaveExactly($$"""{"permission_name":"read:orders","description":"Read orders","resource_server_name":"Orders","resource_server_identifier":"{{Orders}}"}""");
        listed[1].GetProperty("resource_server_identifier").GetString().Should().Be(Billing);
        var page = _roles.ListPermissions(Get("/", "?include_totals=true&per_page=1"), id).Parse();
        page.ShouldHaveExactly("""{"total":2,"start":0,"limit":1}""", "permissions");

        _roles.RemovePermissions(Json("DELETE", "/", Permissions((Billing, "pay"))), id).Status.Should().Be(204);
        _roles.ListPermissions(Get("/"), id).Parse().EnumerateArray().Select(p => p.GetProperty("permission_name").GetString()).Should().Equal("read:orders");
    }

    [Fact]
    public void A_permission_must_name_a_scope_of_an_existing_api()
    {
        var id = RoleId("orders-admin");

        ShouldBeError(_roles.AddPermissions(Json("POST", "/", Permissions(("urn:nowhere", "read:orders"))), id), 404, "Resource server not found", "inexistent_resource_server");
        ShouldBeError(_roles.AddPermissions(Json("POST", "/", Permissions((Orders, "delete:orders"))), id), 400,
            $"Permission \"delete:orders\" does not exist on resource server \"{Orders}\".");
        ShouldBeError(_users.AddPermissions(Json("POST", "/", Permissions((Orders, "pay"))), _ada), 400,
            $"Permission \"pay\" does not exist on resource server \"{Orders}\".");
        ShouldBeError(_roles.AddPermissions(Json("POST", "/", """{"permissions":[]}"""), id), 400,
            "Payload validation error: 'Array is too short (0), minimum 1' on property permissions.", "invalid_body");
        ShouldBeError(_roles.AddPermissions(Json("POST", "/", """{"permissions":[{"permission_name":"read:orders"}]}"""), id), 400,
            "Payload validation error: 'Missing required property: resource_server_identifier' on property permissions[0].", "invalid_body");
        _roles.ListPermissions(Get("/"), id).Parse().GetArrayLength().Should().Be(0, "a refused write changes nothing");
    }

    [Fact]
    public void Assigning_users_to_a_role_answers_200_with_an_empty_object_and_refuses_unknown_users()
    {
        var id = RoleId("orders-admin");

        ShouldBeEmptyObject(_roles.AddUsers(Json("POST", "/", $$"""{"users":["{{_ada}}","{{_bob}}"]}"""), id), 200);
        ShouldBeError(_roles.AddUsers(Json("POST", "/", $$"""{"users":["{{_ada}}","auth0|ghost"]}"""), id), 404, "One or more of the users do not exist.");
        ShouldBeError(_roles.AddUsers(Json("POST", "/", """{"users":[]}"""), id), 400,
            "Payload validation error: 'Array is too short (0), minimum 1' on property users.", "invalid_body");

        var users = _roles.ListUsers(Get("/"), id).Parse();
        users.GetArrayLength().Should().Be(2);
        users[0].ShouldHaveExactly($$"""{"user_id":"{{_ada}}","picture":"https://example.com/ada.png","name":"ada","email":"ada@example.com"}""");
    }

    [Fact]
    public void A_roles_users_are_paged_by_offset_with_totals_or_by_checkpoint()
    {
        var id = RoleId("orders-admin");
        var carl = _store.AddUser("carl");
        _roles.AddUsers(Json("POST", "/", $$"""{"users":["{{_ada}}","{{_bob}}","{{carl}}"]}"""), id);

        var offset = _roles.ListUsers(Get("/", "?page=1&per_page=2&include_totals=true"), id).Parse();
        offset.ShouldHaveExactly("""{"total":3,"start":2,"limit":2}""", "users");
        offset.GetProperty("users")[0].GetProperty("user_id").GetString().Should().Be(carl);

        var first = _roles.ListUsers(Get("/", "?take=2"), id).Parse();
        first.GetProperty("users").GetArrayLength().Should().Be(2);
        first.GetProperty("next").GetString().Should().Be(carl);
        var last = _roles.ListUsers(Get("/", "?take=2&from=" + Uri.EscapeDataString(carl)), id).Parse();
        last.GetProperty("users").EnumerateArray().Single().GetProperty("user_id").GetString().Should().Be(carl);
        last.TryGetProperty("next", out _).Should().BeFalse();
    }

    [Fact]
    public void A_users_roles_are_assigned_and_removed_with_204_and_listed()
    {
        var admin = RoleId("orders-admin");
        var reader = RoleId("reader");

        var assigned = _users.AddRoles(Json("POST", "/", $$"""{"roles":["{{admin}}","{{reader}}"]}"""), _ada);

        assigned.Status.Should().Be(204);
        assigned.Body.Should().BeEmpty();
        _users.ListRoles(Get("/"), _ada).Parse().EnumerateArray().Select(r => r.GetProperty("id").GetString()).Should().Equal(admin, reader);
        _users.ListRoles(Get("/", "?include_totals=true"), _ada).Parse().ShouldHaveExactly("""{"total":2,"start":0,"limit":50}""", "roles");
        _roles.ListUsers(Get("/"), reader).Parse()[0].GetProperty("user_id").GetString().Should().Be(_ada);

        _users.RemoveRoles(Json("DELETE", "/", $$"""{"roles":["{{admin}}"]}"""), _ada).Status.Should().Be(204);
        _users.ListRoles(Get("/"), _ada).Parse().EnumerateArray().Select(r => r.GetProperty("id").GetString()).Should().Equal(reader);
        ShouldBeError(_users.AddRoles(Json("POST", "/", """{"roles":["rol_0000000000000000"]}"""), _ada), 404, "Role not found.");
    }

    [Fact]
    public void An_unknown_user_is_not_found_for_every_user_operation()
    {
        const string ghost = "auth0|ghost";
        var admin = RoleId("orders-admin");

        foreach (var response in new[]
        {
            _users.ListRoles(Get("/"), ghost),
            _users.AddRoles(Json("POST", "/", $$"""{"roles":["{{admin}}"]}"""), ghost),
            _users.RemoveRoles(Json("DELETE", "/", $$"""{"roles":["{{admin}}"]}"""), ghost),
            _users.ListPermissions(Get("/"), ghost),
            _users.AddPermissions(Json("POST", "/", Permissions((Orders, "read:orders"))), ghost),
            _users.RemovePermissions(Json("DELETE", "/", Permissions((Orders, "read:orders"))), ghost),
        })
        {
            ShouldBeError(response, 404, "The user does not exist.", "inexistent_user");
        }
    }

    [Fact]
    public void A_users_permissions_are_listed_once_each_with_every_source_direct_and_through_roles()
    {
        var admin = RoleId("orders-admin");
        _roles.AddPermissions(Json("POST", "/", Permissions((Orders, "read:orders"), (Orders, "write:orders"))), admin);
        _users.AddRoles(Json("POST", "/", $$"""{"roles":["{{admin}}"]}"""), _ada);

        ShouldBeEmptyObject(_users.AddPermissions(Json("POST", "/", Permissions((Orders, "read:orders"), (Billing, "pay"))), _ada), 201);

        var listed = _users.ListPermissions(Get("/"), _ada).Parse();
        listed.GetArrayLength().Should().Be(3);
        listed[0].ShouldHaveExactly($$"""
            {"permission_name":"read:orders","description":"Read orders","resource_server_name":"Orders","resource_server_identifier":"{{Orders}}",
             "sources":[{"source_id":"","source_name":"","source_type":"DIRECT"},{"source_id":"{{admin}}","source_name":"orders-admin","source_type":"ROLE"}]}
            """);
        listed[1].GetProperty("permission_name").GetString().Should().Be("pay");
        listed[2].GetProperty("sources").ToString().Should().Be($$"""[{"source_id":"{{admin}}","source_name":"orders-admin","source_type":"ROLE"}]""");
        _users.ListPermissions(Get("/", "?include_totals=true&per_page=2"), _ada).Parse().ShouldHaveExactly("""{"total":3,"start":0,"limit":2}""", "permissions");

        _users.RemovePermissions(Json("DELETE", "/", Permissions((Orders, "read:orders"))), _ada).Status.Should().Be(204);
        _users.ListPermissions(Get("/"), _ada).Parse()[0].GetProperty("sources").GetArrayLength().Should().Be(1, "the role still gives read:orders");
        lock (_store.Gate)
        {
            _store.Roles.EffectivePermissions(_ada, Orders).Should().Equal("read:orders", "write:orders");
            _store.Roles.EffectivePermissions(_ada, Billing).Should().Equal("pay");
        }
    }

    [Fact]
    public void A_user_can_hold_at_most_Auth0s_limit_of_direct_permissions()
    {
        var scopes = string.Join(',', Enumerable.Range(0, RoleStore.MaxDirectPermissionsPerUser + 1).Select(i => $$"""{"value":"s{{i}}"}"""));
        _apis.Create(Json("POST", "/", $$"""{"identifier":"urn:many","scopes":[{{scopes}}]}"""));
        var all = Enumerable.Range(0, RoleStore.MaxDirectPermissionsPerUser + 1).Select(i => ("urn:many", "s" + i)).ToArray();

        _users.AddPermissions(Json("POST", "/", Permissions(all[..^1])), _ada).Status.Should().Be(201);
        ShouldBeError(_users.AddPermissions(Json("POST", "/", Permissions(all[^1])), _ada), 400, "No more permissions can be assigned to this user.");
        _users.AddPermissions(Json("POST", "/", Permissions(all[0])), _ada).Status.Should().Be(201, "one held already does not count again");
    }

    [Fact]
    public void Removing_a_scope_from_an_api_or_deleting_the_api_takes_its_permissions_from_roles_and_users()
    {
        var admin = RoleId("orders-admin");
        _roles.AddPermissions(Json("POST", "/", Permissions((Orders, "read:orders"), (Orders, "write:orders"), (Billing, "pay"))), admin);
        _users.AddPermissions(Json("POST", "/", Permissions((Orders, "write:orders"), (Billing, "pay"))), _bob);

        _apis.Update(Json("PATCH", "/", """{"scopes":[{"value":"read:orders","description":"Read orders"}]}"""), Orders).Status.Should().Be(200);
        _apis.Delete(Billing).Status.Should().Be(204);

        _roles.ListPermissions(Get("/"), admin).Parse().EnumerateArray().Select(p => p.GetProperty("permission_name").GetString()).Should().Equal("read:orders");
        _users.ListPermissions(Get("/"), _bob).Parse().GetArrayLength().Should().Be(0);
        _apis.Create(Json("POST", "/", $$"""{"identifier":"{{Billing}}","scopes":[{"value":"pay"}]}"""));
        _users.ListPermissions(Get("/"), _bob).Parse().GetArrayLength().Should().Be(0, "a new API of the same identifier does not bring them back");
    }

    [Fact]
    public void A_forgotten_user_loses_roles_and_direct_permissions_and_refused_writes_change_nothing()
    {
        var admin = RoleId("orders-admin");
        _roles.AddUsers(Json("POST", "/", $$"""{"users":["{{_ada}}","{{_bob}}"]}"""), admin);
        _users.AddPermissions(Json("POST", "/", Permissions((Orders, "read:orders"))), _ada);
        var before = _store.Version;

        ShouldBeError(_roles.AddUsers(Json("POST", "/", """{"users":["auth0|ghost"]}"""), admin), 404, "One or more of the users do not exist.");
        _store.Version.Should().Be(before);

        lock (_store.Gate)
        {
            _store.Roles.ForgetUser(_ada);
            _store.Roles.DirectPermissionsOf(_ada).Should().BeEmpty();
            _store.Roles.RolesOf(_ada).Should().BeEmpty();
        }

        _store.Version.Should().BeGreaterThan(before);
        _roles.ListUsers(Get("/"), admin).Parse().EnumerateArray().Select(u => u.GetProperty("user_id").GetString()).Should().Equal(_bob);
    }
}
