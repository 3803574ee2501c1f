using Auth0ApiKit.Apis;
using Auth0ApiKit.Roles;
using Auth0ApiKit.Sync;

namespace Auth0ApiKit.Tests.Sync;

/// <summary>Roles in a sync, planned and applied against a fake tenant through the management client.</summary>
public sealed class RoleSyncTests : IDisposable
{
    private static readonly ApiDefinition Orders = Api.Define("Orders API").WithIdentifier("https://orders.example.com")
        .WithScope("read:orders", "Read orders").WithScope("write:orders", "Write orders").Build();

    private static readonly ApiDefinition Billing = Api.Define("Billing API").WithIdentifier("https://billing.example.com")
        .WithScope("read:invoices").WithScope("pay:invoices").Build();

    private static readonly RoleDefinition Clerk = Role.Define("clerk").WithDescription("Reads orders and invoices")
        .WithPermission(Orders, "read:orders").WithPermission(Billing, "read:invoices").Build();

    private static readonly RoleDefinition Manager = Role.Define("manager").WithDescription("Runs the shop")
        .WithAllPermissions(Orders).WithPermission(Billing, "pay:invoices").Build();

    private readonly SyncHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static DesiredStateBuilder Shop(params RoleDefinition[] roles) => DesiredState.Create().WithApis([Orders, Billing]).WithRoles(roles);

    [Fact]
    public async Task Two_roles_on_two_apis_apply_a_changed_permission_replans_as_one_change_and_a_role_is_pruned_only_when_asked()
    {
        var plan = await _harness.PlanAsync(Shop(Clerk, Manager).Build());
        plan.RoleChanges.Select(c => (c.Kind, c.Name)).Should().Equal((ChangeKind.Create, "clerk"), (ChangeKind.Create, "manager"));
        (await _harness.ApplyAsync(plan)).Succeeded.Should().BeTrue();
        (await RolePermissionsAsync("clerk")).Should().BeEquivalentTo("https://orders.example.com read:orders", "https://billing.example.com read:invoices");
        (await RolePermissionsAsync("manager")).Should().BeEquivalentTo(
            "https://orders.example.com read:orders", "https://orders.example.com write:orders", "https://billing.example.com pay:invoices");
        (await _harness.PlanAsync(Shop(Clerk, Manager).Build())).IsEmpty.Should().BeTrue();

        var clerk = Role.Define("clerk").WithDescription("Reads orders and invoices")
            .WithPermission(Orders, "read:orders").WithPermission(Billing, "pay:invoices").Build();
        var changed = await _harness.PlanAsync(Shop(clerk, Manager).Build());

        var change = changed.Changes.Where(c => c.Kind != ChangeKind.Unchanged).Should().ContainSingle().Which.Should().BeOfType<RoleChange>().Subject;
        (change.Kind, change.Name).Should().Be((ChangeKind.Update, "clerk"));
        change.AddedPermissions.Should().Equal(new ApiPermission(Billing.Identifier, "pay:invoices"));
        change.RemovedPermissions.Should().Equal(new ApiPermission(Billing.Identifier, "read:invoices"));
        change.Fields.Should().BeEmpty();
        var first = await _harness.ApplyAsync(changed);
        first.Count(SyncStepOutcome.Applied).Should().Be(1);
        (await RolePermissionsAsync("clerk")).Should().BeEquivalentTo("https://orders.example.com read:orders", "https://billing.example.com pay:invoices");
        var writes = Writes();
        (await _harness.ApplyAsync(changed)).Steps.Should().ContainSingle().Which.Outcome.Should().Be(SyncStepOutcome.AlreadyApplied);
        Writes().Should().Be(writes, "applying the same plan again writes nothing");

        var withoutManager = Shop(clerk).Build();
        var kept = await _harness.PlanAsync(withoutManager);
        kept.IsEmpty.Should().BeTrue("without pruning a role the state leaves out stays");
        var pruned = await _harness.PlanAsync(withoutManager, new SyncOptions { Prune = true });
        pruned.Changes.Where(c => c.Kind != ChangeKind.Unchanged).Should().ContainSingle().Which.ToString().Should().Be("- role manager (delete)");
        (await _harness.ApplyAsync(pruned)).Succeeded.Should().BeTrue();
        _harness.Tenant.Roles.FindId("manager").Should().BeNull();
        _harness.Tenant.Roles.FindId("clerk").Should().NotBeNull();
    }

    [Fact]
    public async Task A_state_that_declares_no_roles_never_reads_or_deletes_the_tenants_roles_even_when_pruning()
    {
        _harness.Tenant.Apis.Add(Orders);
        var admin = _harness.Tenant.Roles.Add("admin");
        _harness.Tenant.Roles.Grant(admin, Orders.Identifier, "write:orders");

        var plan = await _harness.PlanAsync(DesiredState.Create().WithApi(Orders).Build(), new SyncOptions { Prune = true });

        plan.RoleChanges.Should().BeEmpty();
        plan.IsEmpty.Should().BeTrue();
        _harness.Tenant.Journal.Entries.Should().NotContain(e => e.PathAndQuery.Contains("/roles", StringComparison.Ordinal));
        var none = await _harness.PlanAsync(DesiredState.Create().WithApi(Orders).WithRoles([]).Build(), new SyncOptions { Prune = true });
        none.RoleChanges.Should().ContainSingle().Which.ToString().Should().Be("- role admin (delete)");
    }

    [Fact]
    public async Task A_role_keeps_its_permissions_on_apis_outside_the_state_and_a_new_description_is_an_update()
    {
        _harness.Tenant.Apis.Add(Orders);
        var admin = _harness.Tenant.Roles.Add("admin", "Old");
        _harness.Tenant.Roles.Grant(admin, Orders.Identifier, "write:orders");
        _harness.Tenant.Roles.Grant(admin, _harness.Tenant.Apis.System.Identifier, "read:clients");
        var desired = DesiredState.Create().WithApi(Orders)
            .WithRole(Role.Define("admin").WithDescription("Administers orders").WithPermission(Orders, "read:orders").Build()).Build();

        var plan = await _harness.PlanAsync(desired);

        plan.ToString().Should().Be("""
            Plan: 0 to create, 1 to update, 0 to replace, 0 to delete, 1 unchanged.

              ~ role admin (update)
                  description: "Old" -> "Administers orders"
                  permissions:
                    + https://orders.example.com read:orders
                    - https://orders.example.com write:orders
            """.ReplaceLineEndings());
        (await _harness.ApplyAsync(plan)).Succeeded.Should().BeTrue();
        (await RolePermissionsAsync("admin")).Should().BeEquivalentTo("https://orders.example.com read:orders", $"{_harness.Tenant.Apis.System.Identifier} read:clients");
        (await _harness.PlanAsync(desired)).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task A_role_changed_after_the_plan_is_not_overwritten_and_one_whose_api_failed_is_skipped()
    {
        _harness.Tenant.Apis.Add(Orders);
        var clerk = _harness.Tenant.Roles.Add("clerk");
        var plan = await _harness.PlanAsync(DesiredState.Create().WithApi(Orders)
            .WithRole(Role.Define("clerk").WithPermission(Orders, "read:orders").Build()).Build());
        _harness.Tenant.Roles.Grant(clerk, Orders.Identifier, "write:orders");

        var result = await _harness.ApplyAsync(plan);

        result.Steps.Should().ContainSingle().Which.Error.Should().BeOfType<Auth0ConcurrentChangeException>()
            .Which.Message.Should().Contain("the role's permissions were changed after the plan was made");
        (await RolePermissionsAsync("clerk")).Should().Equal("https://orders.example.com write:orders");

        var broken = Api.Define("Broken").WithIdentifier("https://broken.example.com").WithScope("use").Build();
        var withBroken = await _harness.PlanAsync(DesiredState.Create().WithApi(broken)
            .WithRole(Role.Define("user").WithPermission(broken, "use").Build()).Build());
        _harness.Tenant.Apis.Add(broken.ToBuilder().Named("Someone else's").Build());
        var outcome = await _harness.ApplyAsync(withBroken);
        outcome.Steps.Select(s => s.Outcome).Should().Equal(SyncStepOutcome.Failed, SyncStepOutcome.Skipped);
        outcome.Steps[1].Message.Should().Be("skipped: the change of its API https://broken.example.com did not succeed, so the API may lack what this role needs.");
        _harness.Tenant.Roles.FindId("user").Should().BeNull();
    }

    /// <summary>A role's permissions in the fake tenant, read through the management client, as <c>api scope</c>.</summary>
    private Task<List<string>> RolePermissionsAsync(string name)
    {
        var id = _harness.Tenant.Roles.FindId(name) ?? throw new InvalidOperationException($"No role {name}.");
        return _harness.RunAsync(async () =>
        {
            var held = new List<string>();
            await foreach (var permission in _harness.Client.Roles.ListPermissionsAsync(id))
            {
                held.Add(permission.ToString());
            }

            return held;
        });
    }

    /// <summary>How many calls that write (not GET) the tenant's journal holds.</summary>
    private int Writes() => _harness.Tenant.Journal.Entries.Count(e => e.Method != "GET" && e.PathAndQuery.StartsWith("/api/v2/", StringComparison.Ordinal));
}
