using Auth0ApiKit.Emulator.Seeding;

namespace Auth0ApiKit.Emulator.Tests;

/// <summary>The seed file's <c>claims</c> section: static claim rules per application, user and role, applied as Actions.</summary>
public sealed class SeedClaimsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("auth0-emulator-claims-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string SeedFile(string json)
    {
        var path = Path.Combine(_directory, "seed.json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string Seed = """
        {
          "apis": [{ "identifier": "urn:orders", "scopes": ["read:orders"] }],
          "applications": [
            { "name": "worker", "client_id": "worker-id", "client_secret": "worker-secret", "authorizations": [{ "api": "urn:orders" }] },
            { "name": "web", "client_id": "web-id", "app_type": "regular_web" }
          ],
          "claims": {
            "applications": {
              "worker": { "https://acme.example/tenant": "acme", "https://acme.example/limits": { "rps": 10 } },
              "web-id": { "https://acme.example/channel": "web" }
            },
            "users": { "auth0|ada": { "https://acme.example/plan": "gold", "https://acme.example/channel": "vip" } },
            "roles": { "orders-admin": { "https://acme.example/admin": true } }
          }
        }
        """;

    [Fact]
    public async Task Seeded_claims_land_in_client_credentials_and_user_tokens()
    {
        var seed = SeedFile(Seed);
        await using var emulator = await Emulator.StartAsync(o => o.SeedFile = seed);

        var worker = Emulator.Claims(await emulator.TokenAsync("worker-id", "worker-secret", "urn:orders"));
        var user = await emulator.AdminJsonAsync(HttpMethod.Post, "tokens/user", """{"clientId":"web-id","api":"urn:orders","userId":"auth0|ada"}""");
        var other = await emulator.AdminJsonAsync(HttpMethod.Post, "tokens/user", """{"clientId":"web-id","api":"urn:orders","userId":"auth0|bob"}""");

        worker.GetProperty("https://acme.example/tenant").GetString().Should().Be("acme");
        worker.GetProperty("https://acme.example/limits").GetRawText().Should().Be("""{"rps":10}""");
        var ada = Emulator.Claims(user.GetProperty("access_token").GetString()!);
        ada.GetProperty("https://acme.example/plan").GetString().Should().Be("gold");
        ada.GetProperty("https://acme.example/channel").GetString().Should().Be("vip", "a user's rule wins over its application's");
        ada.TryGetProperty("https://acme.example/tenant", out _).Should().BeFalse("the worker's rule is the worker's");
        var bob = Emulator.Claims(other.GetProperty("access_token").GetString()!);
        bob.GetProperty("https://acme.example/channel").GetString().Should().Be("web");
        bob.TryGetProperty("https://acme.example/plan", out _).Should().BeFalse();
    }

    [Fact]
    public void Resolves_application_keys_to_client_ids_and_keeps_user_and_role_rules()
    {
        var plan = SeedPlan.Resolve(SeedSources.Combine(new EmulatorOptions { SeedFile = SeedFile(Seed) }), createManagementApplication: false);

        plan.ClaimRules!.Applications.Keys.Should().BeEquivalentTo(["worker-id", "web-id"]);
        plan.ClaimRules.Users.Keys.Should().Equal("auth0|ada");
        plan.ClaimRules.Roles["orders-admin"]["https://acme.example/admin"].GetBoolean().Should().BeTrue();
    }

    [Theory]
    [InlineData("""{"claims":{"applications":{"nobody":{"https://a.example/x":1}}}}""", "seed.json: claims.applications['nobody']: no seeded application has the name or client id 'nobody'.")]
    [InlineData("""{"claims":{"users":{"auth0|1":{"roles":["admin"]}}}}""", "seed.json: claims.users['auth0|1']: 'roles' is a claim Auth0 restricts")]
    [InlineData("""{"claims":{"users":{"auth0|1":{"":1}}}}""", "seed.json: claims.users['auth0|1']: a claim name is empty.")]
    [InlineData("""{"claims":{"groups":{}}}""", "seed.json' is not valid at $.claims.groups: the claims section has no property 'groups'.")]
    [InlineData("""{"claims":{"users":[]}}""", "seed.json' is not valid at $.claims.users: 'users' of the claims section is an object, not array.")]
    [InlineData("""{"claims":{"roles":{"admin":"yes"}}}""", "seed.json' is not valid at $.claims.roles['admin']: a set of claims is an object, not string.")]
    [InlineData("""{"claims":{"roles":{"admin":{"https://a.example/x":1,"https://a.example/x":2}}}}""", "seed.json' is not valid at $.claims.roles['admin']['https://a.example/x']: 'https://a.example/x' is given twice.")]
    public void Refuses_a_broken_claims_section_with_one_line_that_names_the_place(string json, string expected)
    {
        var planning = () => SeedPlan.Resolve(SeedSources.Combine(new EmulatorOptions { SeedFile = SeedFile(json) }), createManagementApplication: false);

        planning.Should().Throw<EmulatorConfigurationException>().Which.Message.Should().Contain(expected).And.NotContain("\n");
    }
}
