using Auth0ApiKit.Apis;
using Auth0ApiKit.Roles;
using Auth0ApiKit.Sync;

namespace Auth0ApiKit.Tests.Sync;

/// <summary>The planner's role rules, on snapshots built in memory (no tenant, no I/O).</summary>
public sealed class RolePlanTests
{
    private const string ManagementApi = "https://tenant.auth0.test/api/v2/";

    private static readonly ApiDefinition Orders = Api.Define("Orders API").WithIdentifier("https://orders.example.com")
        .WithScope("read:orders").WithScope("write:orders").Build();

    private static readonly ApiDefinition Billing = Api.Define("Billing API").WithIdentifier("https://billing.example.com")
        .WithScope("read:invoices").Build();

    private static readonly ApiPermission ReadOrders = new(Orders.Identifier, "read:orders");
    private static readonly ApiPermission WriteOrders = new(Orders.Identifier, "write:orders");
    private static readonly ApiPermission ReadInvoices = new(Billing.Identifier, "read:invoices");
    private static readonly ApiPermission ReadClients = new(ManagementApi, "read:clients");

    private static TenantSnapshot Tenant(params SnapshotRole[] roles) => new(
        [Auth0ModelFactory.TenantApi(Orders), Auth0ModelFactory.TenantApi(Billing),
         Auth0ModelFactory.TenantApi(Api.Define("Auth0 Management API").WithIdentifier(ManagementApi).WithScope("read:clients").Build(), isSystem: true)],
        [], [], roles);

    private static SnapshotRole Held(string name, string? description, params ApiPermission[] permissions) =>
        new(Auth0ModelFactory.TenantRole(name, description, "rol_" + name), permissions);

    private static SyncPlan Plan(DesiredStateBuilder desired, TenantSnapshot tenant, bool prune = false) =>
        SyncPlanner.Plan(desired.Build(), tenant, new SyncOptions { Prune = prune });

    private static DesiredStateBuilder Apis() => DesiredState.Create().WithApis([Orders, Billing]);

    [Fact]
    public void Without_declared_roles_no_role_is_planned_even_when_pruning()
    {
        var plan = Plan(Apis(), Tenant(Held("admin", null, WriteOrders)), prune: true);

        plan.RoleChanges.Should().BeEmpty();
        plan.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Roles_are_matched_by_exact_name_and_compared_by_description_and_permission_set()
    {
        var tenant = Tenant(
            Held("clerk", "Clerk", ReadOrders, ReadInvoices),
            Held("manager", "Manager", ReadOrders),
            Held("Auditor", null));
        var desired = Apis().WithRoles([
            Role.Define("clerk").WithPermission(Billing, "read:invoices").WithPermission(Orders, "read:orders").Build(),
            Role.Define("manager").WithDescription("Runs the shop").WithAllPermissions(Orders).Build(),
            Role.Define("auditor").Build(),
        ]);

        var roles = Plan(desired, tenant).RoleChanges;

        roles.Select(r => (r.Kind, r.Name)).Should().Equal(
            (ChangeKind.Unchanged, "clerk"), (ChangeKind.Update, "manager"), (ChangeKind.Create, "auditor"));
        roles[0].Should().Match<RoleChange>(r => r.Fields.Count == 0 && r.AddedPermissions.Count == 0, "no description set is no difference");
        roles[1].Fields.Select(f => f.ToString()).Should().Equal("description: \"Manager\" -> \"Runs the shop\"");
        roles[1].AddedPermissions.Should().Equal(WriteOrders);
        roles[1].RemovedPermissions.Should().BeEmpty();
        roles[1].Before!.Id.Should().Be("rol_manager");
        roles[2].Before.Should().BeNull();
    }

    [Fact]
    public void Pruning_deletes_undeclared_roles_by_name_and_only_when_asked()
    {
        var tenant = Tenant(Held("zeta", null, ReadOrders), Held("clerk", null), Held("alpha", null, ReadClients));
        var desired = Apis().WithRole(Role.Define("clerk").Build());

        Plan(desired, tenant).RoleChanges.Select(r => r.Kind).Should().Equal(ChangeKind.Unchanged);
        var pruned = Plan(desired, tenant, prune: true).RoleChanges;

        pruned.Select(r => (r.Kind, r.Name)).Should().Equal((ChangeKind.Unchanged, "clerk"), (ChangeKind.Delete, "alpha"), (ChangeKind.Delete, "zeta"));
        pruned[1].RemovedPermissions.Should().Equal(ReadClients);
        pruned[2].RemovedPermissions.Should().Equal(ReadOrders);
    }

    [Fact]
    public void Permissions_on_apis_outside_the_state_are_neither_counted_nor_removed()
    {
        var tenant = Tenant(Held("admin", null, ReadOrders, ReadClients, ReadInvoices));

        var change = Plan(DesiredState.Create().WithApi(Orders).WithRole(Role.Define("admin").WithPermission(Orders, "read:orders").Build()), tenant)
            .RoleChanges.Single();

        change.Kind.Should().Be(ChangeKind.Unchanged);
        change.BeforePermissions.Should().Equal(ReadOrders);
        change.Kept.Should().Equal(ReadClients, ReadInvoices);
    }

    [Fact]
    public void Permissions_on_an_api_being_replaced_go_with_it_and_are_granted_anew()
    {
        var hs256 = Orders.ToBuilder().SignedWith(SigningAlgorithm.HS256).Build();
        var tenant = Tenant(Held("clerk", null, ReadOrders));
        var desired = DesiredState.Create().WithApis([hs256, Billing]).WithRole(Role.Define("clerk").WithPermission(hs256, "read:orders").Build());

        var plan = SyncPlanner.Plan(desired.Build(), tenant, new SyncOptions { AllowReplacement = true });

        plan.ApiChanges[0].Kind.Should().Be(ChangeKind.Replace);
        var role = plan.RoleChanges.Single();
        (role.Kind, role.BeforePermissions.Count).Should().Be((ChangeKind.Update, 0));
        role.AddedPermissions.Should().Equal(ReadOrders);
    }

    [Fact]
    public void Role_changes_render_in_text_and_json()
    {
        var tenant = Tenant(Held("manager", "Manager", ReadOrders, ReadInvoices), Held("old", null, WriteOrders));
        var desired = Apis().WithRoles([
            Role.Define("clerk").WithDescription("Reads \"orders\"").WithPermission(Orders, "read:orders").Build(),
            Role.Define("manager").WithDescription("Runs the shop").WithAllPermissions(Orders).Build(),
        ]);

        var plan = Plan(desired, tenant, prune: true);

        plan.ToString().Should().Be("""
            Plan: 1 to create, 1 to update, 0 to replace, 1 to delete, 2 unchanged.

              + role clerk (create)
                  description: "Reads \"orders\""
                  permissions:
                    + https://orders.example.com read:orders

              ~ role manager (update)
                  description: "Manager" -> "Runs the shop"
                  permissions:
                    + https://orders.example.com write:orders
                    - https://billing.example.com read:invoices

              - role old (delete)
            """.ReplaceLineEndings());
        plan.ToJson().Should().Contain("""
                {
                  "resource": "role",
                  "action": "update",
                  "name": "manager",
                  "fields": [
                    {
                      "field": "description",
                      "before": "Manager",
                      "after": "Runs the shop"
                    }
                  ],
                  "permissions": [
                    {
                      "action": "create",
                      "audience": "https://orders.example.com",
                      "permission": "write:orders"
                    },
                    {
                      "action": "delete",
                      "audience": "https://billing.example.com",
                      "permission": "read:invoices"
                    }
                  ]
                }
            """.ReplaceLineEndings());
    }
}
