using System.Text.Json;
using Auth0ApiKit.Management;
using Auth0ApiKit.Roles;
using Auth0ApiKit.Tests.Apis;
using Auth0ApiKit.Tests.Management;
using Auth0ApiKit.Users;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Users;

/// <summary>The users client against the fake tenant's database connection, its roles and its permissions.</summary>
public sealed class UsersClientTests : IDisposable
{
    private const string Password = "Corr3ct-horse";
    private readonly ManagementScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    private IUsersClient Users => _scenario.Client.Users;

    private static UserDefinition Define(string email) => User.Define(email).WithPassword(new Secret(Password)).Build();

    [Fact]
    public async Task Create_posts_the_user_into_the_database_connection_and_reads_back_Auth0s_defaults()
    {
        var ann = User.Define("ann@example.com").WithPassword(new Secret(Password)).WithAppMetadata(JsonElement.Parse("""{"plan":"gold"}""")).Build();

        var created = await Users.CreateAsync(ann).Within();

        created.UserId.Should().MatchRegex("^auth0\\|[0-9a-f]{24}$");
        created.Email.Should().Be("ann@example.com");
        created.EmailVerified.Should().BeFalse();
        created.Name.Should().Be("ann@example.com");
        created.Nickname.Should().Be("ann");
        created.Picture.Should().StartWith("https://s.gravatar.com/avatar/");
        created.CreatedAt.Should().Be(_scenario.Time.GetUtcNow());
        created.AppMetadata!.Value.GetProperty("plan").GetString().Should().Be("gold");
        created.UserMetadata.Should().BeNull();
        created.ToString().Should().Be($"user {created.UserId}");
        var call = _scenario.Calls("POST", "users").Should().ContainSingle().Subject;
        call.Status.Should().Be(201);
        call.RequestBody.Should().Be("""{"email":"ann@example.com","app_metadata":{"plan":"gold"},"connection":"Username-Password-Authentication","password":"***"}""");
        call.ResponseBody.Should().NotContain(Password);
        _scenario.Tenant.Users.Find("ann@example.com")!.UserId.Should().Be(created.UserId);
    }

    [Fact]
    public async Task Create_sends_every_profile_property_the_definition_sets()
    {
        var ann = User.Define("ann@example.com").WithPassword(new Secret(Password)).WithName("Ann Example").WithNickname("annie").WithEmailVerified()
            .WithUserMetadata(JsonElement.Parse("""{"theme":"dark"}""")).Build();

        var created = await Users.CreateAsync(ann).Within();

        created.Name.Should().Be("Ann Example");
        created.Nickname.Should().Be("annie");
        created.EmailVerified.Should().BeTrue();
        created.UserMetadata!.Value.GetProperty("theme").GetString().Should().Be("dark");
    }

    [Fact]
    public async Task Create_of_an_email_the_connection_has_throws_the_conflict_once()
    {
        await Users.CreateAsync(Define("ann@example.com")).Within();

        var act = () => Users.CreateAsync(Define("ann@example.com")).Within();

        (await act.Should().ThrowAsync<Auth0ConflictException>()).Which.Message.Should().NotContain(Password);
        _scenario.Calls("POST", "users").Select(c => c.Status).Should().Equal(201, 409);
        _scenario.Tenant.Users.All.Should().ContainSingle();
    }

    [Fact]
    public async Task Get_finds_a_user_by_id_and_answers_null_for_an_unknown_one()
    {
        var created = await Users.CreateAsync(Define("ann@example.com")).Within();

        (await Users.GetAsync(created.UserId).Within())!.Email.Should().Be("ann@example.com");
        (await Users.GetAsync("auth0|000000000000000000000000").Within()).Should().BeNull();
    }

    [Fact]
    public async Task FindByEmail_matches_the_address_exactly()
    {
        var created = await Users.CreateAsync(Define("ann@example.com")).Within();

        (await Users.FindByEmailAsync("ann@example.com").Within()).Should().ContainSingle().Which.UserId.Should().Be(created.UserId);
        (await Users.FindByEmailAsync("bob@example.com").Within()).Should().BeEmpty();
        _scenario.ManagementCalls.Should().Contain("GET users-by-email?email=ann@example.com 200");
    }

    [Fact]
    public async Task List_pages_through_every_user_and_filters_with_q()
    {
        foreach (var name in new[] { "ann", "bob", "cy" })
        {
            await Users.CreateAsync(Define($"{name}@example.com")).Within();
        }

        var page = await Users.ListPageAsync(1, 2).Within();
        page.Items.Select(u => u.Email).Should().Equal("cy@example.com");
        page.Total.Should().Be(3);
        page.Start.Should().Be(2);

        var all = await Users.ListAsync().ToListWithinAsync();
        all.Select(u => u.Email).Should().Equal("ann@example.com", "bob@example.com", "cy@example.com");

        var bob = await Users.ListAsync("email:\"bob@example.com\"").ToListWithinAsync();
        bob.Should().ContainSingle().Which.Email.Should().Be("bob@example.com");
        _scenario.ManagementCalls.Should().Contain("""GET users?page=0&per_page=100&include_totals=true&q=email:"bob@example.com" 200""");
    }

    [Fact]
    public async Task List_stops_at_the_first_1000_users_as_Auth0s_search_pages_no_further()
    {
        for (var i = 0; i < 1001; i++)
        {
            _scenario.Tenant.Users.Add($"user{i}@example.com", Password);
        }

        var all = await Users.ListAsync().ToListWithinAsync();

        all.Should().HaveCount(1000);
        _scenario.ManagementCalls.Should().HaveCount(10).And.OnlyContain(c => c.EndsWith(" 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_sends_the_profile_then_the_password_in_a_request_of_its_own()
    {
        var created = await Users.CreateAsync(User.Define("ann@example.com").WithPassword(new Secret(Password))
            .WithAppMetadata(JsonElement.Parse("""{"plan":"gold","region":"eu"}""")).Build()).Within();

        var updated = await Users.UpdateAsync(created.UserId, new UserUpdate
        {
            Name = "Ann Example",
            EmailVerified = true,
            AppMetadata = JsonElement.Parse("""{"plan":null,"seats":3}"""),
            Password = new Secret("N3w-password"),
        }).Within();

        updated.Name.Should().Be("Ann Example");
        updated.EmailVerified.Should().BeTrue();
        updated.AppMetadata!.Value.GetRawText().Should().Be("""{"region":"eu","seats":3}""", "Auth0 merges metadata at their first level; null removes");
        _scenario.Calls("PATCH", $"users/{Uri.EscapeDataString(created.UserId)}").Select(c => (c.Status, c.RequestBody)).Should().Equal(
            (200, """{"email_verified":true,"name":"Ann Example","app_metadata":{"plan":null,"seats":3}}"""),
            (200, """{"connection":"Username-Password-Authentication","password":"***"}"""));
    }

    [Fact]
    public async Task Update_refuses_a_weak_password_before_sending_and_never_shows_it()
    {
        var created = await Users.CreateAsync(Define("ann@example.com")).Within();
        var calls = _scenario.ManagementCalls.Count;

        var act = () => Users.UpdateAsync(created.UserId, new UserUpdate { Name = "Ann", Password = new Secret("weakling") }).Within();

        var error = (await act.Should().ThrowAsync<DefinitionException>()).Which;
        error.Errors.Should().ContainSingle().Which.Rule.Should().Be(RuleCodes.WeakPassword);
        error.Message.Should().NotContain("weakling");
        _scenario.ManagementCalls.Should().HaveCount(calls);
        new UserUpdate { Name = "Ann", Password = new Secret("weakling") }.ToString().Should().Be("UserUpdate { name, password }");
    }

    [Fact]
    public async Task Update_of_an_unknown_user_is_not_found_and_an_empty_update_reads_the_user()
    {
        var created = await Users.CreateAsync(Define("ann@example.com")).Within();

        (await Users.UpdateAsync(created.UserId, new UserUpdate()).Within()).UserId.Should().Be(created.UserId);
        var act = () => Users.UpdateAsync("auth0|000000000000000000000000", new UserUpdate { Name = "x" }).Within();
        await act.Should().ThrowAsync<Auth0NotFoundException>();
    }

    [Fact]
    public async Task Delete_answers_whether_a_user_was_there()
    {
        var created = await Users.CreateAsync(Define("ann@example.com")).Within();

        (await Users.DeleteAsync(created.UserId).Within()).Should().BeTrue();
        (await Users.DeleteAsync(created.UserId).Within()).Should().BeFalse();
        _scenario.Tenant.Users.All.Should().BeEmpty();
        _scenario.Calls("DELETE", $"users/{Uri.EscapeDataString(created.UserId)}").Should().ContainSingle();
    }

    [Fact]
    public async Task Roles_are_assigned_listed_and_removed()
    {
        var user = await Users.CreateAsync(Define("ann@example.com")).Within();
        var admin = await _scenario.Roles.CreateAsync(Role.Define("orders-admin").Build()).Within();
        var viewer = await _scenario.Roles.CreateAsync(Role.Define("viewer").Build()).Within();

        await Users.AssignRolesAsync(user.UserId, [admin.Id, viewer.Id]).Within();
        (await Users.ListRolesAsync(user.UserId).ToListWithinAsync()).Select(r => r.Name).Should().BeEquivalentTo("orders-admin", "viewer");

        await Users.RemoveRolesAsync(user.UserId, [viewer.Id]).Within();
        await Users.AssignRolesAsync(user.UserId, []).Within();
        (await Users.ListRolesAsync(user.UserId).ToListWithinAsync()).Should().ContainSingle().Which.Id.Should().Be(admin.Id);
        _scenario.Calls("POST", $"users/{Uri.EscapeDataString(user.UserId)}/roles").Should().ContainSingle().Which.Status.Should().Be(204);
    }

    [Fact]
    public async Task Assigning_an_unknown_role_is_not_found()
    {
        var user = await Users.CreateAsync(Define("ann@example.com")).Within();

        var act = () => Users.AssignRolesAsync(user.UserId, ["rol_0000000000000000"]).Within();

        await act.Should().ThrowAsync<Auth0NotFoundException>();
    }

    [Fact]
    public async Task Permissions_are_listed_with_their_sources_and_only_direct_ones_are_removed()
    {
        var orders = await _scenario.Apis.CreateAsync(SampleApis.OrdersWithScopes()).Within();
        var read = new ApiPermission(orders.Identifier, "read:orders");
        var write = new ApiPermission(orders.Identifier, "write:orders");
        var user = await Users.CreateAsync(Define("ann@example.com")).Within();
        var admin = await _scenario.Roles.CreateAsync(Role.Define("orders-admin").WithPermission(SampleApis.OrdersWithScopes(), "write:orders").Build()).Within();
        await Users.AssignRolesAsync(user.UserId, [admin.Id]).Within();

        await Users.AddPermissionsAsync(user.UserId, [read, write]).Within();
        var held = await Users.ListPermissionsAsync(user.UserId).ToListWithinAsync();

        held.Select(p => p.Permission).Should().BeEquivalentTo([read, write]);
        held.Single(p => p.Permission == read).Sources.Select(s => s.ToString()).Should().Equal("direct");
        var both = held.Single(p => p.Permission == write);
        both.IsDirect.Should().BeTrue();
        both.ApiName.Should().Be(orders.Definition.Name);
        both.Sources.Should().Contain(s => s.Kind == PermissionSourceKind.Role && s.RoleId == admin.Id && s.RoleName == "orders-admin");

        await Users.RemovePermissionsAsync(user.UserId, [read, write]).Within();
        var left = await Users.ListPermissionsAsync(user.UserId).ToListWithinAsync();
        left.Should().ContainSingle().Which.Sources.Should().ContainSingle().Which.Kind.Should().Be(PermissionSourceKind.Role);
        _scenario.Tenant.Roles.EffectivePermissions(user.UserId, orders.Identifier).Should().Equal("write:orders");
    }

    [Fact]
    public async Task A_permission_the_API_does_not_define_is_refused_by_the_tenant()
    {
        await _scenario.Apis.CreateAsync(SampleApis.OrdersWithScopes()).Within();
        var user = await Users.CreateAsync(Define("ann@example.com")).Within();

        var act = () => Users.AddPermissionsAsync(user.UserId, [new ApiPermission(SampleApis.Identifier, "delete:orders")]).Within();

        await act.Should().ThrowAsync<Auth0ValidationException>();
    }

    [Fact]
    public async Task Calls_about_an_unknown_user_are_not_found()
    {
        const string nobody = "auth0|000000000000000000000000";

        await FluentActions.Awaiting(() => Users.ListRolesAsync(nobody).ToListWithinAsync()).Should().ThrowAsync<Auth0NotFoundException>();
        await FluentActions.Awaiting(() => Users.ListPermissionsAsync(nobody).ToListWithinAsync()).Should().ThrowAsync<Auth0NotFoundException>();
    }

    [Fact]
    public async Task Without_the_users_scopes_the_tenant_answers_403()
    {
        using var scenario = new ManagementScenario(scopes: ["read:resource_servers"]);

        var act = () => scenario.Client.Users.CreateAsync(Define("ann@example.com")).Within();

        (await act.Should().ThrowAsync<Auth0ForbiddenException>()).Which.Message.Should().Contain("create:users").And.NotContain(Password);
    }
}
