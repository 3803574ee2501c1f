using Auth0ApiKit.Testing.Endpoints;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

public class ManagementRoutesTests
{
    [Fact]
    public void The_system_apis_scopes_come_from_the_routes_grouped_by_resource_with_Auth0s_descriptions()
    {
        ManagementRoutes.Scopes.Take(14).Should().Equal(
            ("read:resource_servers", "Read Resource Servers"),
            ("create:resource_servers", "Create Resource Servers"),
            ("update:resource_servers", "Update Resource Servers"),
            ("delete:resource_servers", "Delete Resource Servers"),
            ("read:client_grants", "Read Client Grants"),
            ("create:client_grants", "Create Client Grants"),
            ("update:client_grants", "Update Client Grants"),
            ("delete:client_grants", "Delete Client Grants"),
            ("read:clients", "Read Clients"),
            ("create:clients", "Create Clients"),
            ("update:clients", "Update Clients"),
            ("delete:clients", "Delete Clients"),
            ("read:client_keys", "Read Client Keys"),
            ("update:client_keys", "Update Client Keys"));
        ManagementRoutes.Scopes.Skip(14).Take(4).Select(s => s.Value).Should().Equal(
            "read:client_credentials", "create:client_credentials", "update:client_credentials", "delete:client_credentials");
        ManagementRoutes.Scopes.Select(s => s.Value).Should().ContainInOrder(
            "read:roles", "create:roles", "update:roles", "delete:roles", "read:users", "update:users",
            "read:role_members", "create:role_members", "delete:role_members");
    }

    [Theory]
    [InlineData("GET", "clients", null, nameof(ManagementOperation.ListClients))]
    [InlineData("GET", "clients", "abc", nameof(ManagementOperation.GetClient))]
    [InlineData("POST", "clients", "abc/rotate-secret", nameof(ManagementOperation.RotateClientSecret))]
    [InlineData("DELETE", "resource-servers", "https:%2F%2Fx", nameof(ManagementOperation.DeleteResourceServer))]
    public void Find_matches_method_and_template(string method, string resource, string? rest, string expected)
    {
        string[] segments = rest is null ? [resource] : [resource, .. rest.Split('/')];

        ManagementRoutes.Find(method, segments)!.Operation.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("PUT", "clients/abc")]
    [InlineData("GET", "clients//rotate-secret")]
    [InlineData("GET", "clients/abc/rotate-secret")]
    [InlineData("GET", "clients/abc/x/y/z")]
    public void Find_misses_what_the_fake_does_not_model(string method, string path)
    {
        ManagementRoutes.Find(method, path.Split('/')).Should().BeNull();
    }
}
