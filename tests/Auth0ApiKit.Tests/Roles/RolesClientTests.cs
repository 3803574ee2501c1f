using System.Net;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Management;
using Auth0ApiKit.Roles;
using Auth0ApiKit.Tests.Apis;
using Auth0ApiKit.Tests.Management;

namespace Auth0ApiKit.Tests.Roles;

/// <summary>The roles client against Auth0's answers as AUTH0-USER-FLOWS section 8 records them (canned: the fake's roles come apart).</summary>
public sealed class RolesClientTests : IDisposable
{
    private const string Id = "rol_0123456789abcdef";
    private const string AdminJson = $$"""{"id":"{{Id}}","name":"orders-admin","description":"Manages orders"}""";
    private static readonly ApiDefinition Orders = SampleApis.OrdersWithScopes();
    private static readonly ApiPermission Read = new(SampleApis.Identifier, "read:orders");
    private static readonly ApiPermission Write = new(SampleApis.Identifier, "write:orders");

    private readonly ManagementScenario _scenario;
    private readonly CannedAnswers _auth0;

    public RolesClientTests()
    {
        CannedAnswers? canned = null;
        _scenario = new ManagementScenario(configure: o => o.Transport = canned = new CannedAnswers(o.Transport!));
        _auth0 = canned!;
    }

    public void Dispose() => _scenario.Dispose();

    private IRolesClient Roles => _scenario.Roles;

    private static string PermissionsJson(params ApiPermission[] permissions) =>
        "{\"permissions\":[" + string.Join(",", permissions.Select(p =>
            $$"""{"permission_name":"{{p.Name}}","description":"d","resource_server_name":"Orders API","resource_server_identifier":"{{p.ApiIdentifier}}"}""")) +
        $"],\"start\":0,\"limit\":100,\"total\":{permissions.Length}}}";

    private static string PermissionsBody(params ApiPermission[] permissions) =>
        "{\"permissions\":[" + string.Join(",", permissions.Select(p =>
            $$"""{"permission_name":"{{p.Name}}","resource_server_identifier":"{{p.ApiIdentifier}}"}""")) + "]}";

    [Fact]
    public async Task Create_posts_the_role_reads_Auth0s_200_and_then_grants_its_permissions()
    {
        _auth0.Answer("POST roles", HttpStatusCode.OK, AdminJson)
            .Answer($"POST roles/{Id}/permissions", HttpStatusCode.Created, "{}");

        var created = await Roles.CreateAsync(Role.Define("orders-admin").WithDescription("Manages orders").WithAllPermissions(Orders).Build()).Within();

        created.Id.Should().Be(Id);
        created.Name.Should().Be("orders-admin");
        created.Description.Should().Be("Manages orders");
        created.ToString().Should().Be($"Role 'orders-admin' (id {Id})");
        _auth0.Calls.Should().Equal(
            """POST roles {"name":"orders-admin","description":"Manages orders"}""",
            $"POST roles/{Id}/permissions {PermissionsBody(Read, Write)}");
        _auth0.Exhausted.Should().BeTrue();
    }

    [Fact]
    public async Task Create_of_a_role_without_permissions_or_description_sends_one_call_with_the_name_only()
    {
        _auth0.Answer("POST roles", HttpStatusCode.OK, $$"""{"id":"{{Id}}","name":"viewer"}""");

        var created = await Roles.CreateAsync(Role.Define("viewer").Build()).Within();

        created.Description.Should().BeNull();
        _auth0.Calls.Should().Equal("""POST roles {"name":"viewer"}""");
    }

    [Fact]
    public async Task Create_adopts_the_existing_role_on_409_when_it_matches_and_grants_only_what_it_lacks()
    {
        _auth0.Error("POST roles", HttpStatusCode.Conflict, "Conflict", "The role already exists.")
            .Answer("GET roles?page=0&per_page=100&include_totals=true&name_filter=orders-admin", HttpStatusCode.OK,
                $$"""{"roles":[{"id":"rol_other","name":"Orders-Admin"},{{AdminJson}}],"start":0,"limit":100,"total":2}""")
            .Answer($"GET roles/{Id}/permissions?page=0&per_page=100&include_totals=true", HttpStatusCode.OK, PermissionsJson(Read))
            .Answer($"POST roles/{Id}/permissions", HttpStatusCode.Created, "{}");

        var adopted = await Roles.CreateAsync(Role.Define("orders-admin").WithDescription("Manages orders").WithAllPermissions(Orders).Build()).Within();

        adopted.Id.Should().Be(Id, "the name matches exactly, not only without regard to case");
        _auth0.Calls[^1].Should().Be($"POST roles/{Id}/permissions {PermissionsBody(Write)}");
        _auth0.Exhausted.Should().BeTrue();
    }

    [Fact]
    public async Task Create_throws_the_conflict_when_the_existing_role_has_another_description()
    {
        _auth0.Error("POST roles", HttpStatusCode.Conflict, "Conflict", "The role already exists.")
            .Answer("GET roles?page=0&per_page=100&include_totals=true&name_filter=orders-admin", HttpStatusCode.OK,
                $$"""{"roles":[{{AdminJson}}],"start":0,"limit":100,"total":1}""");

        var act = () => Roles.CreateAsync(Role.Define("orders-admin").WithDescription("Something else").Build()).Within();

        (await act.Should().ThrowAsync<Auth0ConflictException>()).Which.ServiceMessage.Should().Be("The role already exists.");
        _auth0.Exhausted.Should().BeTrue();
    }

    [Fact]
    public async Task Get_reads_the_role_or_null_when_Auth0_answers_404()
    {
        _auth0.Answer($"GET roles/{Id}", HttpStatusCode.OK, AdminJson)
            .Error("GET roles/rol_missing", HttpStatusCode.NotFound, "Not Found", "Role not found.");

        (await Roles.GetAsync(Id).Within())!.Name.Should().Be("orders-admin");
        (await Roles.GetAsync("rol_missing").Within()).Should().BeNull();
    }

    [Fact]
    public async Task FindByName_returns_null_when_no_name_matches_exactly()
    {
        _auth0.Answer("GET roles?page=0&per_page=100&include_totals=true&name_filter=admin", HttpStatusCode.OK,
            $$"""{"roles":[{{AdminJson}}],"start":0,"limit":100,"total":1}""");

        (await Roles.FindByNameAsync("admin").Within()).Should().BeNull();
    }

    [Fact]
    public async Task List_fetches_page_after_page_as_the_enumeration_goes()
    {
        var first = string.Join(",", Enumerable.Range(0, 100).Select(i => $$"""{"id":"rol_{{i:D16}}","name":"r{{i}}"}"""));
        _auth0.Answer("GET roles?page=0&per_page=100&include_totals=true", HttpStatusCode.OK, $$"""{"roles":[{{first}}],"start":0,"limit":100,"total":101}""")
            .Answer("GET roles?page=1&per_page=100&include_totals=true", HttpStatusCode.OK, """{"roles":[{"id":"rol_last","name":"last"}],"start":100,"limit":100,"total":101}""");

        var roles = await Roles.ListAsync().ToListWithinAsync();

        roles.Should().HaveCount(101);
        roles[^1].Name.Should().Be("last");
    }

    [Fact]
    public async Task ListPage_reports_the_totals_and_checks_the_page_size_before_sending()
    {
        _auth0.Answer("GET roles?page=2&per_page=10&include_totals=true", HttpStatusCode.OK, $$"""{"roles":[{{AdminJson}}],"start":20,"limit":10,"total":21}""");

        var page = await Roles.ListPageAsync(2, 10).Within();

        page.Items.Should().ContainSingle().Which.Id.Should().Be(Id);
        (page.Start, page.Limit, page.Total, page.HasMore).Should().Be((20, 10, 21, false));
        await FluentActions.Awaiting(() => Roles.ListPageAsync(0, 101)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        _auth0.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task Update_sends_only_what_changes_and_brings_the_permissions_to_the_definitions()
    {
        var other = new ApiPermission("urn:billing", "read:invoices");
        _auth0.Answer($"GET roles/{Id}", HttpStatusCode.OK, AdminJson)
            .Answer($"PATCH roles/{Id}", HttpStatusCode.OK, $$"""{"id":"{{Id}}","name":"orders-writer","description":"Manages orders"}""")
            .Answer($"GET roles/{Id}/permissions?page=0&per_page=100&include_totals=true", HttpStatusCode.OK, PermissionsJson(Read, other))
            .Answer($"DELETE roles/{Id}/permissions", HttpStatusCode.NoContent, null)
            .Answer($"POST roles/{Id}/permissions", HttpStatusCode.Created, "{}");

        var updated = await Roles.UpdateAsync(Id, Role.Define("orders-writer").WithDescription("Manages orders").WithAllPermissions(Orders).Build()).Within();

        updated.Name.Should().Be("orders-writer");
        _auth0.Calls.Should().Equal(
            $"GET roles/{Id}",
            $$"""PATCH roles/{{Id}} {"name":"orders-writer"}""",
            $"GET roles/{Id}/permissions?page=0&per_page=100&include_totals=true",
            $"DELETE roles/{Id}/permissions {PermissionsBody(other)}",
            $"POST roles/{Id}/permissions {PermissionsBody(Write)}");
    }

    [Fact]
    public async Task Update_that_changes_nothing_only_reads_and_a_definition_without_description_leaves_the_tenants_alone()
    {
        _auth0.Answer($"GET roles/{Id}", HttpStatusCode.OK, AdminJson)
            .Answer($"GET roles/{Id}/permissions?page=0&per_page=100&include_totals=true", HttpStatusCode.OK, PermissionsJson(Write));

        var updated = await Roles.UpdateAsync(Id, Role.Define("orders-admin").WithPermission(Orders, "write:orders").Build()).Within();

        updated.Description.Should().Be("Manages orders");
        _auth0.Calls.Should().HaveCount(2);
    }

    [Fact]
    public async Task Update_of_a_role_that_is_not_there_throws_not_found()
    {
        _auth0.Error("GET roles/rol_missing", HttpStatusCode.NotFound, "Not Found", "Role not found.");

        var act = () => Roles.UpdateAsync("rol_missing", Role.Define("x").Build()).Within();

        (await act.Should().ThrowAsync<Auth0NotFoundException>()).Which.Message.Should().Contain("rol_missing");
    }

    [Fact]
    public async Task Delete_reads_Auth0s_200_with_an_empty_object_and_a_missing_role_is_not_an_error()
    {
        _auth0.Answer($"DELETE roles/{Id}", HttpStatusCode.OK, "{}")
            .Error("DELETE roles/rol_missing", HttpStatusCode.NotFound, "Not Found", "Role not found.");

        (await Roles.DeleteAsync(Id).Within()).Should().BeTrue();
        (await Roles.DeleteAsync("rol_missing").Within()).Should().BeFalse();
    }

    [Fact]
    public async Task Permission_writes_read_Auth0s_201_and_204_and_send_nothing_for_no_permissions()
    {
        _auth0.Answer($"POST roles/{Id}/permissions", HttpStatusCode.Created, "{}")
            .Answer($"DELETE roles/{Id}/permissions", HttpStatusCode.NoContent, null);

        await Roles.AddPermissionsAsync(Id, [Read]).Within();
        await Roles.RemovePermissionsAsync(Id, [Read]).Within();
        await Roles.AddPermissionsAsync(Id, []).Within();
        await Roles.RemovePermissionsAsync(Id, []).Within();

        _auth0.Calls.Should().Equal($"POST roles/{Id}/permissions {PermissionsBody(Read)}", $"DELETE roles/{Id}/permissions {PermissionsBody(Read)}");
    }

    [Fact]
    public async Task A_permission_Auth0_refuses_surfaces_as_a_validation_exception_with_its_message()
    {
        _auth0.Error($"POST roles/{Id}/permissions", HttpStatusCode.BadRequest, "Bad Request", "Permission does not exist.");

        var act = () => Roles.AddPermissionsAsync(Id, [new ApiPermission(SampleApis.Identifier, "nope")]).Within();

        (await act.Should().ThrowAsync<Auth0ValidationException>()).Which.ServiceMessage.Should().Be("Permission does not exist.");
    }

    [Fact]
    public async Task ListPermissions_reads_each_permission_with_its_description_and_API_name()
    {
        _auth0.Answer($"GET roles/{Id}/permissions?page=0&per_page=100&include_totals=true", HttpStatusCode.OK, PermissionsJson(Read, Write));

        var permissions = await Roles.ListPermissionsAsync(Id).ToListWithinAsync();

        permissions.Select(p => p.Permission).Should().Equal(Read, Write);
        permissions[0].Description.Should().Be("d");
        permissions[0].ApiName.Should().Be("Orders API");
        permissions[0].ToString().Should().Be("https://orders.example.com read:orders");
    }

    [Fact]
    public async Task AssignUsers_reads_Auth0s_200_and_sends_nothing_for_no_users()
    {
        _auth0.Answer($"POST roles/{Id}/users", HttpStatusCode.OK, "{}");

        await Roles.AssignUsersAsync(Id, ["auth0|aaa", "auth0|bbb"]).Within();
        await Roles.AssignUsersAsync(Id, []).Within();

        _auth0.Calls.Should().Equal($$"""POST roles/{{Id}}/users {"users":["auth0|aaa","auth0|bbb"]}""");
    }

    [Fact]
    public async Task AssignUsers_of_a_user_that_does_not_exist_throws_not_found_with_Auth0s_message()
    {
        _auth0.Error($"POST roles/{Id}/users", HttpStatusCode.NotFound, "Not Found", "One or more of the users do not exist.");

        var act = () => Roles.AssignUsersAsync(Id, ["auth0|ghost"]).Within();

        (await act.Should().ThrowAsync<Auth0NotFoundException>()).Which.ServiceMessage.Should().Be("One or more of the users do not exist.");
    }

    [Fact]
    public async Task ListUsers_follows_Auth0s_checkpoints_until_there_is_no_next()
    {
        _auth0.Answer($"GET roles/{Id}/users?take=100", HttpStatusCode.OK,
                """{"users":[{"user_id":"auth0|aaa","email":"a@example.com","name":"A","picture":"https://p/a.png"}],"next":"cp1"}""")
            .Answer($"GET roles/{Id}/users?take=100&from=cp1", HttpStatusCode.OK, """{"users":[{"user_id":"auth0|bbb"}]}""");

        var members = await Roles.ListUsersAsync(Id).ToListWithinAsync();

        members.Select(m => m.UserId).Should().Equal("auth0|aaa", "auth0|bbb");
        (members[0].Email, members[0].Name, members[0].Picture).Should().Be(("a@example.com", "A", "https://p/a.png"));
        members[0].ToString().Should().Be("user auth0|aaa").And.NotContain("@");
    }

    [Fact]
    public async Task ListUsersPage_reads_one_offset_page_with_totals()
    {
        _auth0.Answer($"GET roles/{Id}/users?page=1&per_page=1&include_totals=true", HttpStatusCode.OK,
            """{"users":[{"user_id":"auth0|bbb"}],"start":1,"limit":1,"total":2}""");

        var page = await Roles.ListUsersPageAsync(Id, 1, 1).Within();

        page.Items.Should().ContainSingle().Which.UserId.Should().Be("auth0|bbb");
        (page.Start, page.Total, page.HasMore).Should().Be((1, 2, false));
    }

    [Fact]
    public async Task A_missing_scope_surfaces_as_forbidden_with_Auth0s_error_code_after_one_try_with_a_fresh_token()
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            _auth0.Error("GET roles?page=0&per_page=100&include_totals=true", HttpStatusCode.Forbidden, "Forbidden",
                "Insufficient scope, expected any of: read:roles", "insufficient_scope");
        }

        var act = () => Roles.ListAsync().ToListWithinAsync();

        (await act.Should().ThrowAsync<Auth0ForbiddenException>()).Which.ErrorCode.Should().Be("insufficient_scope");
        _auth0.Exhausted.Should().BeTrue();
    }

    [Fact]
    public void The_model_factory_builds_roles_permissions_and_members_for_mocks()
    {
        Auth0ModelFactory.TenantRole("admin").Id.Should().MatchRegex("^rol_[A-Za-z0-9]{16}$");
        Auth0ModelFactory.TenantRole("admin", "d", "rol_x").Should().BeEquivalentTo(new { Id = "rol_x", Name = "admin", Description = "d" });
        Auth0ModelFactory.TenantPermission(Read, "Read", "Orders API").Permission.Should().Be(Read);
        Auth0ModelFactory.RoleMember("auth0|a", "a@example.com").Email.Should().Be("a@example.com");
    }
}
