using Auth0ApiKit.Apis;
using Auth0ApiKit.Management;
using Auth0ApiKit.Roles;
using Auth0ApiKit.Tests.Apis;
using Auth0ApiKit.Tests.Management;

namespace Auth0ApiKit.Tests.Roles;

/// <summary>The roles client end to end against the fake tenant's <c>/roles</c> (its canned-answer twin is <see cref="RolesClientTests"/>).</summary>
public sealed class RolesClientTenantTests : IDisposable
{
    private static readonly ApiDefinition Orders = SampleApis.OrdersWithScopes();
    private static readonly ApiPermission Read = new(SampleApis.Identifier, "read:orders");
    private static readonly ApiPermission Write = new(SampleApis.Identifier, "write:orders");

    private readonly ManagementScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    private IRolesClient Roles => _scenario.Roles;

    private async Task<RoleDefinition> AdminAsync()
    {
        await _scenario.Apis.CreateAsync(Orders).Within();
        return Role.Define("orders-admin").WithDescription("Manages orders").WithAllPermissions(Orders).Build();
    }

    [Fact]
    public async Task Create_makes_the_role_with_its_permissions_in_the_tenant()
    {
        var created = await Roles.CreateAsync(await AdminAsync()).Within();

        created.Id.Should().MatchRegex("^rol_[A-Za-z0-9]{16}$");
        (await Roles.GetAsync(created.Id).Within())!.Description.Should().Be("Manages orders");
        (await Roles.FindByNameAsync("orders-admin").Within())!.Id.Should().Be(created.Id);
        (await Roles.ListPermissionsAsync(created.Id).ToListWithinAsync()).Select(p => (p.Permission, p.Description, p.ApiName)).Should().Equal(
            (Read, "Read orders", "Orders API"), (Write, "Create and change orders", "Orders API"));
        _scenario.ManagementCalls.Should().Contain(["POST roles 200", $"POST roles/{created.Id}/permissions 201"]);
    }

    [Fact]
    public async Task Create_adopts_the_role_the_tenant_has_on_409_and_grants_only_what_it_lacks()
    {
        var admin = await AdminAsync();
        var roleId = _scenario.Tenant.Roles.Add("orders-admin", "Manages orders");
        _scenario.Tenant.Roles.Grant(roleId, SampleApis.Identifier, "read:orders");

        var adopted = await Roles.CreateAsync(admin).Within();

        adopted.Id.Should().Be(roleId);
        _scenario.Calls("POST", "roles").Should().ContainSingle().Which.Status.Should().Be(409);
        _scenario.Calls("POST", $"roles/{roleId}/permissions").Should().ContainSingle()
            .Which.RequestBody.Should().Be("""{"permissions":[{"permission_name":"write:orders","resource_server_identifier":"https://orders.example.com"}]}""");
        (await Roles.ListPermissionsAsync(roleId).ToListWithinAsync()).Select(p => p.Permission).Should().Equal(Read, Write);
    }

    [Fact]
    public async Task Create_throws_the_tenants_conflict_when_its_role_has_another_description()
    {
        var admin = await AdminAsync();
        _scenario.Tenant.Roles.Add("orders-admin", "Something else");

        var act = () => Roles.CreateAsync(admin).Within();

        await act.Should().ThrowAsync<Auth0ConflictException>();
        _scenario.Tenant.Roles.FindId("orders-admin").Should().NotBeNull();
    }

    [Fact]
    public async Task Create_never_adopts_a_role_that_grants_more_than_the_definition()
    {
        await AdminAsync();
        var reader = Role.Define("orders-admin").WithDescription("Manages orders").WithPermission(Orders, "read:orders").Build();
        var roleId = _scenario.Tenant.Roles.Add("orders-admin", "Manages orders");
        _scenario.Tenant.Roles.Grant(roleId, SampleApis.Identifier, "read:orders", "write:orders");

        var act = () => Roles.CreateAsync(reader).Within();

        await act.Should().ThrowAsync<Auth0ConflictException>();
        (await Roles.ListPermissionsAsync(roleId).ToListWithinAsync()).Select(p => p.Permission).Should().Equal(Read, Write);
    }

    [Fact]
    public async Task Update_brings_name_description_and_permissions_to_the_definition()
    {
        var created = await Roles.CreateAsync(await AdminAsync()).Within();

        var updated = await Roles.UpdateAsync(created.Id, Role.Define("orders-reader").WithDescription("Reads orders").WithPermission(Orders, "read:orders").Build())
            .Within();

        (updated.Name, updated.Description).Should().Be(("orders-reader", "Reads orders"));
        (await Roles.ListPermissionsAsync(created.Id).ToListWithinAsync()).Select(p => p.Permission).Should().Equal(Read);
    }

    [Fact]
    public async Task A_permission_the_API_does_not_define_is_refused_by_the_tenant()
    {
        await AdminAsync();
        var role = await Roles.CreateAsync(Role.Define("viewer").Build()).Within();

        var act = () => Roles.AddPermissionsAsync(role.Id, [new ApiPermission(SampleApis.Identifier, "delete:orders")]).Within();

        await act.Should().ThrowAsync<Auth0ValidationException>();
    }

    [Fact]
    public async Task Users_are_assigned_and_listed_with_checkpoint_and_offset_paging()
    {
        var role = await Roles.CreateAsync(Role.Define("viewer").Build()).Within();
        var ann = _scenario.Tenant.Users.Add("ann@example.com", "Corr3ct-horse", name: "Ann");
        var bob = _scenario.Tenant.Users.Add("bob@example.com", "Corr3ct-horse");

        await Roles.AssignUsersAsync(role.Id, [ann.UserId, bob.UserId]).Within();

        var members = await Roles.ListUsersAsync(role.Id).ToListWithinAsync();
        members.Select(m => m.UserId).Should().BeEquivalentTo([ann.UserId, bob.UserId]);
        members.Single(m => m.UserId == ann.UserId).Email.Should().Be("ann@example.com");
        var page = await Roles.ListUsersPageAsync(role.Id, 0, 1).Within();
        (page.Items.Count, page.Total).Should().Be((1, 2));
        _scenario.Tenant.Roles.EffectivePermissions(ann.UserId, SampleApis.Identifier).Should().BeEmpty();
    }

    [Fact]
    public async Task Assigning_an_unknown_user_is_not_found()
    {
        var role = await Roles.CreateAsync(Role.Define("viewer").Build()).Within();

        var act = () => Roles.AssignUsersAsync(role.Id, ["auth0|000000000000000000000000"]).Within();

        await act.Should().ThrowAsync<Auth0NotFoundException>();
    }

    [Fact]
    public async Task Delete_removes_the_role_from_its_users_and_a_second_delete_finds_nothing()
    {
        var created = await Roles.CreateAsync(await AdminAsync()).Within();
        var ann = _scenario.Tenant.Users.Add("ann@example.com", "Corr3ct-horse");
        await Roles.AssignUsersAsync(created.Id, [ann.UserId]).Within();
        _scenario.Tenant.Roles.EffectivePermissions(ann.UserId, SampleApis.Identifier).Should().Equal("read:orders", "write:orders");

        (await Roles.DeleteAsync(created.Id).Within()).Should().BeTrue();
        (await Roles.DeleteAsync(created.Id).Within()).Should().BeFalse();

        (await Roles.GetAsync(created.Id).Within()).Should().BeNull();
        _scenario.Tenant.Roles.EffectivePermissions(ann.UserId, SampleApis.Identifier).Should().BeEmpty();
        (await _scenario.Client.Users.ListRolesAsync(ann.UserId).ToListWithinAsync()).Should().BeEmpty();
    }
}
