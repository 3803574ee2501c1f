using System.Net;
using System.Text.Json;
using Auth0ApiKit.Emulator.Seeding;

namespace Auth0ApiKit.Emulator.Tests;

/// <summary>The seed file's <c>roles</c> and <c>users</c> sections, and the admin listing of users.</summary>
public sealed class SeedUsersTests : IDisposable
{
    private const string Password = "Secr3t-Pa55word!";

    private const string Seed = """
        {
          "apis": [{
            "identifier": "urn:orders", "enforce_policies": true, "token_dialect": "access_token_authz",
            "scopes": ["read:orders", "write:orders", "delete:orders"]
          }],
          "applications": [{ "name": "web", "client_id": "web-id", "app_type": "regular_web" }],
          "roles": [
            { "name": "orders-reader", "description": "Reads orders",
              "permissions": [{ "resource_server_identifier": "urn:orders", "permission_name": "read:orders" }] },
            { "name": "orders-writer", "permissions": [{ "resource_server_identifier": "urn:orders", "permission_name": "write:orders" }] }
          ],
          "users": [
            { "email": "ada@example.com", "password": "Secr3t-Pa55word!", "name": "Ada Lovelace", "email_verified": true,
              "user_id": "ada", "app_metadata": { "plan": "gold" }, "user_metadata": { "theme": "dark" },
              "roles": ["orders-reader"],
              "permissions": [{ "resource_server_identifier": "urn:orders", "permission_name": "delete:orders" }] },
            { "email": "bob@example.com", "password": "Secr3t-Pa55word!" }
          ]
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("auth0-emulator-users-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string SeedFile(string json)
    {
        var path = Path.Combine(_directory, "seed.json");
        File.WriteAllText(path, json);
        return path;
    }

    private SeedPlan Plan(string json) =>
        SeedPlan.Resolve(SeedSources.Combine(new EmulatorOptions { SeedFile = SeedFile(json) }), createManagementApplication: false);

    [Fact]
    public void Seeds_roles_then_users_through_the_endpoints_with_their_roles_and_permissions()
    {
        var tenant = TestTenant.New();

        Plan(Seed).Apply(tenant);

        tenant.Roles.FindId("orders-reader").Should().NotBeNull();
        var ada = tenant.Users.Find("auth0|ada")!;
        ada.Email.Should().Be("ada@example.com");
        ada.Name.Should().Be("Ada Lovelace");
        ada.EmailVerified.Should().BeTrue();
        tenant.Roles.EffectivePermissions("auth0|ada", "urn:orders").Should().BeEquivalentTo("delete:orders", "read:orders");
        var bob = tenant.Users.Find("bob@example.com")!;
        bob.UserId.Should().MatchRegex("^auth0\\|[0-9a-f]{24}$");
        bob.Name.Should().Be("bob@example.com", "Auth0's default name is the email");
        tenant.Roles.EffectivePermissions(bob.UserId, "urn:orders").Should().BeEmpty();
    }

    [Fact]
    public void Seeds_the_same_users_each_time_with_generated_ids_fixed_once()
    {
        var plan = Plan(Seed);
        var first = TestTenant.New();
        var second = TestTenant.New();

        plan.Apply(first);
        plan.Apply(second);

        second.Users.All.Select(u => u.UserId).Should().Equal(first.Users.All.Select(u => u.UserId));
        second.Users.All.Should().HaveCount(2);
    }

    [Fact]
    public async Task The_admin_endpoint_lists_seeded_users_as_auth0_writes_them_without_passwords_and_again_after_a_reset()
    {
        var seed = SeedFile(Seed);
        await using var emulator = await Emulator.StartAsync(o => o.SeedFile = seed);

        var listed = await emulator.AdminJsonAsync(HttpMethod.Get, "users");
        await emulator.AdminJsonAsync(HttpMethod.Post, "reset");
        var relisted = await emulator.AdminJsonAsync(HttpMethod.Get, "users");

        var users = listed.GetProperty("users").EnumerateArray().ToList();
        users.Select(u => u.GetProperty("email").GetString()).Should().Equal("ada@example.com", "bob@example.com");
        users[0].GetProperty("user_id").GetString().Should().Be("auth0|ada");
        users[0].GetProperty("app_metadata").GetProperty("plan").GetString().Should().Be("gold");
        users[0].GetProperty("user_metadata").GetProperty("theme").GetString().Should().Be("dark");
        users[0].TryGetProperty("password", out _).Should().BeFalse();
        listed.GetRawText().Should().NotContain(Password);
        relisted.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("user_id").GetString())
            .Should().Equal(users.Select(u => u.GetProperty("user_id").GetString()), "a reset seeds the same users");
        JsonSerializer.Serialize(emulator.Credentials, EmulatorJson.Context.EmulatorCredentials).Should().NotContain(Password);
        StartupReport.Describe(emulator.Credentials, credentialsFile: null).Should().NotContain(Password);
        (await emulator.AdminJsonAsync(HttpMethod.Get, "journal")).GetRawText().Should().NotContain(Password);
    }

    [Fact]
    public async Task A_seeded_users_token_carries_the_permissions_of_its_roles_and_its_own()
    {
        var seed = SeedFile(Seed);
        await using var emulator = await Emulator.StartAsync(o => o.SeedFile = seed);

        var minted = await emulator.AdminJsonAsync(HttpMethod.Post, "tokens/user",
            """{"clientId":"web-id","api":"urn:orders","userId":"auth0|ada","scopes":["read:orders","write:orders","delete:orders"]}""");

        var claims = Emulator.Claims(minted.GetProperty("access_token").GetString()!);
        claims.GetProperty("scope").GetString().Should().Be("read:orders delete:orders");
        claims.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Should().BeEquivalentTo("delete:orders", "read:orders");
    }

    [Fact]
    public async Task The_users_listing_is_guarded_as_every_admin_endpoint()
    {
        await using var emulator = await Emulator.StartAsync(o => o.SeedFile = SeedFile(Seed));
        using var request = emulator.AdminRequest(HttpMethod.Get, "users");
        request.Headers.Authorization = null;

        using var response = await emulator.SendAsync(request);
        using var wrongMethod = await emulator.AdminAsync(HttpMethod.Post, "users");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("ada@example.com");
        wrongMethod.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("""{"users":[{"email":"a@example.com","password":"Secr3t-Pa55word!","roles":["admin"]}]}""",
        "seed.json: users[0].roles[0]: no seeded role is named 'admin'.")]
    [InlineData("""{"users":[{"email":"a@example.com","password":"Secr3t-Pa55word!","roles":[1]}]}""",
        "seed.json' is not valid at $.users[0].roles[0]: a role is named by a string, not number.")]
    [InlineData("""{"users":[{"email":"a@example.com","password":"Secr3t-Pa55word!","nick":"a"}]}""",
        "seed.json' is not valid at $.users[0].nick: a user has no property 'nick'.")]
    [InlineData("""{"users":[{"email":"a@example.com","password":"Secr3t-Pa55word!","permissions":[{"permission_name":"read:orders"}]}]}""",
        "seed.json: users[0].permissions[0]: resource_server_identifier is required.")]
    [InlineData("""{"roles":[{"description":"no name"}]}""", "seed.json: roles[0]: name is required.")]
    [InlineData("""{"roles":[{"name":"r","users":[]}]}""", "seed.json' is not valid at $.roles[0].users: a role has no property 'users'.")]
    [InlineData("""{"roles":[{"name":"r","permissions":[{"resource_server_identifier":"urn:x","scope":"x"}]}]}""",
        "seed.json' is not valid at $.roles[0].permissions[0].scope: a permission has no property 'scope'.")]
    [InlineData("""{"roles":{}}""", "seed.json' is not valid at $.roles: expected an array, not object.")]
    public void Refuses_a_broken_entry_at_start_with_one_line_that_names_the_place(string json, string expected)
    {
        var planning = () => Plan(json);

        planning.Should().Throw<EmulatorConfigurationException>().Which.Message.Should().Contain(expected).And.NotContain("\n");
    }

    [Theory]
    [InlineData("""{"users":[{"email":"a@example.com","password":"weakpassword"}]}""",
        "seed.json: users[0]: The fake tenant refused (400): PasswordStrengthError: Password is too weak", "weakpassword")]
    [InlineData("""{"users":[{"email":"not-an-email","password":"Secr3t-Pa55word!"}]}""", "seed.json: users[0]: The fake tenant refused (400): ", Password)]
    [InlineData("""{"users":[{"email":"a@example.com","password":"Secr3t-Pa55word!"},{"email":"A@example.com","password":"Secr3t-Pa55word!"}]}""",
        "seed.json: users[1]: The fake tenant refused (409): The user already exists.", Password)]
    [InlineData("""{"users":[{"email":"a@example.com","password":"Secr3t-Pa55word!","connection":"google-oauth2"}]}""",
        "seed.json: users[0]: The fake tenant refused (400): Connection does not exist.", Password)]
    [InlineData("""{"apis":[{"identifier":"urn:orders","scopes":["read:orders"]}],"roles":[{"name":"r","permissions":[{"resource_server_identifier":"urn:orders","permission_name":"write:orders"}]}]}""",
        "seed.json: roles[0].permissions[0]: The fake tenant refused (400): Permission \"write:orders\" does not exist on resource server \"urn:orders\".", "")]
    [InlineData("""{"users":[{"email":"a@example.com","password":"Secr3t-Pa55word!","permissions":[{"resource_server_identifier":"urn:none","permission_name":"x"}]}]}""",
        "seed.json: users[0].permissions[0]: The fake tenant refused (404): Resource server not found", Password)]
    [InlineData("""{"roles":[{"name":"r"},{"name":"r"}]}""", "seed.json: roles[1]: The fake tenant refused (409): The role already exists.", "")]
    public async Task Refuses_an_entry_the_tenant_refuses_at_start_naming_the_place_and_never_the_password(string json, string expected, string password)
    {
        var seed = SeedFile(json);

        var start = () => Emulator.StartAsync(o => o.SeedFile = seed);

        var message = (await start.Should().ThrowAsync<EmulatorConfigurationException>()).Which.Message;
        message.Should().Contain(expected).And.NotContain("\n");
        if (password.Length > 0)
        {
            message.Should().NotContain(password);
        }
    }

    [Fact]
    public void A_planned_user_never_shows_its_password()
    {
        var plan = Plan(Seed);

        plan.Users.Select(u => u.ToString()).Should().Equal("seed.json: users[0]", "seed.json: users[1]");
        plan.ToString().Should().NotContain(Password);
        JsonDocument.Parse(plan.Users[0].CreateBody()).RootElement.GetProperty("user_id").GetString().Should().Be("ada");
    }
}
