using System.Net;
using System.Net.Http.Headers;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Emulator.Seeding;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Emulator.Tests;

public sealed class SeedingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("auth0-emulator-seed-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string SeedFile(string json)
    {
        var path = Path.Combine(_directory, "seed.json");
        File.WriteAllText(path, json);
        return path;
    }

    private SeedPlan Plan(string json, Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { SeedFile = SeedFile(json) };
        configure?.Invoke(options);
        return SeedPlan.Resolve(SeedSources.Combine(options), options.CreateManagementApplication);
    }

    private Action Planning(string json, Action<EmulatorOptions>? configure = null) => () => Plan(json, configure);

    private const string OrdersSeed = """
        {
          // Comments and trailing commas are fine.
          "apis": [
            {
              "name": "Orders API",
              "identifier": "https://orders.example.com",
              "token_lifetime": 3600,
              "token_lifetime_for_web": 600,
              "allow_offline_access": true,
              "token_dialect": "access_token_authz",
              "scopes": ["read:orders", { "value": "write:orders", "description": "Create and change orders" }],
            },
            { "identifier": "urn:billing", "signing_alg": "HS256" }
          ],
          "applications": [
            {
              "name": "billing-worker",
              "client_id": "billing-worker-id",
              "client_secret": "billing-worker-secret",
              "authorizations": [
                { "api": "https://orders.example.com", "scopes": ["read:orders"] },
                { "api": "urn:billing" }
              ]
            },
            { "name": "storefront", "app_type": "spa", "callbacks": ["https://shop.example.com/callback"] }
          ],
          "management_application": { "client_id": "mgmt-id", "client_secret": "mgmt-secret", "scopes": ["read:resource_servers"] }
        }
        """;

    /// <summary>The seed of <see cref="OrdersSeed"/> in the camelCase names of earlier seed files.</summary>
    private const string CamelCaseOrdersSeed = """
        {
          // Comments and trailing commas are fine.
          "apis": [
            {
              "name": "Orders API",
              "identifier": "https://orders.example.com",
              "tokenLifetimeSeconds": 3600,
              "webTokenLifetimeSeconds": 600,
              "allowOfflineAccess": true,
              "tokenDialect": "access_token_authz",
              "scopes": ["read:orders", { "value": "write:orders", "description": "Create and change orders" }],
            },
            { "identifier": "urn:billing", "signingAlgorithm": "HS256" }
          ],
          "applications": [
            {
              "name": "billing-worker",
              "clientId": "billing-worker-id",
              "clientSecret": "billing-worker-secret",
              "authorizations": [
                { "api": "https://orders.example.com", "scopes": ["read:orders"] },
                { "api": "urn:billing" }
              ]
            },
            { "name": "storefront", "kind": "single_page", "callbacks": ["https://shop.example.com/callback"] }
          ],
          "managementApplication": { "clientId": "mgmt-id", "clientSecret": "mgmt-secret", "scopes": ["read:resource_servers"] }
        }
        """;

    [Theory]
    [InlineData(OrdersSeed)]
    [InlineData(CamelCaseOrdersSeed)]
    public void Turns_a_seed_file_into_definitions_with_fixed_credentials(string seed)
    {
        var plan = Plan(seed);

        var orders = plan.Apis[0];
        orders.Name.Should().Be("Orders API");
        orders.TokenLifetime.Should().Be(TimeSpan.FromHours(1));
        orders.WebTokenLifetime.Should().Be(TimeSpan.FromMinutes(10));
        orders.AllowOfflineAccess.Should().BeTrue();
        orders.TokenDialect.Should().Be(TokenDialect.AccessTokenAuthz);
        orders.Scopes!.Should().Equal(new Scope("read:orders"), new Scope("write:orders", "Create and change orders"));
        plan.Apis[1].Name.Should().Be("urn:billing", "an API without a name is named after its identifier");
        plan.Apis[1].SigningSecret.Should().NotBeNull("an HS256 secret is generated once, so that resets and the credentials file keep it");

        var worker = plan.Applications[0];
        worker.ClientId.Should().Be("billing-worker-id");
        worker.ClientSecret.Reveal().Should().Be("billing-worker-secret");
        worker.Definition.Kind.Should().Be(ApplicationKind.MachineToMachine);
        worker.Authorizations.Should().BeEquivalentTo(new[]
        {
            new PlannedAuthorization("https://orders.example.com", ["read:orders"]),
            new PlannedAuthorization("urn:billing", []),
        }, o => o.WithStrictOrdering());

        var storefront = plan.Applications[1];
        storefront.Definition.Kind.Should().Be(ApplicationKind.SinglePage);
        storefront.ClientId.Should().MatchRegex("^[A-Za-z0-9]{32}$", "a missing client id is generated in Auth0's format");
        storefront.ClientSecret.Reveal().Should().HaveLength(64);

        plan.Management!.ClientId.Should().Be("mgmt-id");
        plan.Management.Authorizations.Single().Scopes.Should().Equal("read:resource_servers");
    }

    [Fact]
    public async Task Seeds_APIs_with_the_Auth0_properties_of_a_desired_state_and_serves_them()
    {
        var seed = SeedFile("""
            {
              "apis": [{
                "identifier": "urn:payments",
                "signing_alg": "RS256",
                "skip_consent_for_verifiable_first_party_clients": true,
                "consent_policy": "transactional-authorization-with-mfa",
                "scopes": ["pay"]
              }]
            }
            """);
        await using var emulator = await Emulator.StartAsync(o => o.SeedFile = seed);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v2/resource-servers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await emulator.ManagementTokenAsync());

        using var response = await emulator.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var payments = (await Json.ReadAsync(response)).EnumerateArray().Single(a => a.GetProperty("identifier").GetString() == "urn:payments");
        payments.GetProperty("consent_policy").GetString().Should().Be("transactional-authorization-with-mfa");
        payments.GetProperty("skip_consent_for_verifiable_first_party_clients").GetBoolean().Should().BeTrue();
        payments.GetProperty("name").GetString().Should().Be("urn:payments");
        payments.GetProperty("scopes")[0].GetProperty("value").GetString().Should().Be("pay");
    }

    [Fact]
    public async Task Seeds_applications_with_client_properties_that_definitions_do_not_model_and_serves_them()
    {
        var seed = SeedFile("""
            {
              "applications": [{
                "name": "storefront",
                "app_type": "spa",
                "client_id": "storefront-id",
                "callbacks": ["https://shop.example.com/callback"],
                "web_origins": ["https://shop.example.com"],
                "allowed_logout_urls": ["https://shop.example.com/signed-out"],
                "jwt_configuration": { "alg": "RS256", "lifetime_in_seconds": 600 }
              }]
            }
            """);
        await using var emulator = await Emulator.StartAsync(o => o.SeedFile = seed);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v2/clients/storefront-id");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await emulator.ManagementTokenAsync());

        using var response = await emulator.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var storefront = await Json.ReadAsync(response);
        storefront.GetProperty("app_type").GetString().Should().Be("spa");
        storefront.GetProperty("web_origins").EnumerateArray().Select(o => o.GetString()).Should().Equal("https://shop.example.com");
        storefront.GetProperty("allowed_logout_urls").EnumerateArray().Select(u => u.GetString()).Should().Equal("https://shop.example.com/signed-out");
        var jwt = storefront.GetProperty("jwt_configuration");
        jwt.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("alg", "lifetime_in_seconds", "secret_encoded");
        jwt.GetProperty("alg").GetString().Should().Be("RS256");
        jwt.GetProperty("lifetime_in_seconds").GetInt32().Should().Be(600);
        jwt.GetProperty("secret_encoded").GetBoolean().Should().BeFalse("a create completes jwt_configuration with Auth0's default");
    }

    [Fact]
    public async Task Refuses_a_client_property_of_the_wrong_type_naming_the_entry_and_the_property()
    {
        var seed = SeedFile("""{"applications":[{"name":"storefront","app_type":"spa","web_origins":"https://shop.example.com"}]}""");

        var start = () => Emulator.StartAsync(o => o.SeedFile = seed);

        (await start.Should().ThrowAsync<EmulatorConfigurationException>()).Which.Message.Should()
            .Match("seed.json: applications[0]: *'Expected type array but found type string' on property web_origins*")
            .And.NotContain("\n");
    }

    [Fact]
    public void Seeds_a_fresh_tenant_the_same_way_each_time()
    {
        var plan = Plan(OrdersSeed);
        var first = TestTenant.New();
        var second = TestTenant.New();

        plan.Apply(first);
        plan.Apply(second);

        foreach (var tenant in new[] { first, second })
        {
            tenant.Apis.All.Select(a => a.Identifier).Should().Equal(tenant.Urls.ManagementApiAudience, "https://orders.example.com", "urn:billing");
            tenant.Applications.All.Select(a => (a.ClientId, a.ClientSecret.Reveal())).Should().Equal(
                plan.Applications.Select(a => (a.ClientId, a.ClientSecret.Reveal())).Append(("mgmt-id", "mgmt-secret")));
            tenant.Authorizations.Find("billing-worker-id", "https://orders.example.com")!.Scopes.Should().Equal("read:orders");
            tenant.Authorizations.Find("mgmt-id", tenant.Urls.ManagementApiAudience)!.Scopes.Should().Equal("read:resource_servers");
            tenant.Apis.Find("urn:billing")!.Definition.SigningSecret!.Reveal().Should().Be(plan.Apis[1].SigningSecret!.Reveal());
        }
    }

    [Fact]
    public void Adds_the_command_line_seeds_after_the_file_and_joins_authorizations_to_applications_by_name_or_id()
    {
        var plan = Plan(OrdersSeed, options =>
        {
            options.Apis.Add(new SeedApi { ResourceServer = new ResourceServerDto { Identifier = "urn:shipping", Name = "urn:shipping", Scopes = [new() { Value = "ship" }] } });
            options.Applications.Add(new SeedApplication { Client = new ClientDto { Name = "shipper" } });
            options.Authorizations.Add(("shipper", new SeedAuthorization { Api = "urn:shipping" }, "--authorize"));
            options.Authorizations.Add(("billing-worker-id", new SeedAuthorization { Api = "urn:shipping", Scopes = ["ship"] }, "--authorize"));
            options.ManagementClientSecret = "from-the-command-line";
        });

        plan.Apis.Select(a => a.Identifier).Should().EndWith("urn:shipping");
        plan.Applications.Single(a => a.Definition.Name == "shipper").Authorizations.Single().Scopes.Should().Equal(["ship"], "all of the API's scopes by default");
        plan.Applications[0].Authorizations.Should().HaveCount(3);
        plan.Management!.ClientId.Should().Be("mgmt-id");
        plan.Management.ClientSecret.Reveal().Should().Be("from-the-command-line");
    }

    [Fact]
    public void Creates_a_management_application_with_every_modelled_scope_by_default_and_none_when_told()
    {
        Plan("{}").Management!.Authorizations.Single().Scopes.Should().Contain(["read:resource_servers", "create:clients", "delete:client_grants"]);
        Plan("{}", o => o.CreateManagementApplication = false).Management.Should().BeNull();
    }

    [Theory]
    [InlineData("""{"apis":[{"identifier":"urn:a","colour":"blue"}]}""", "seed.json' is not valid at $.apis[0].colour")]
    [InlineData("""{"apis":[{"identifier":"urn:a"}""", "seed.json' is not valid")]
    [InlineData("""{"apis":[{"name":"Orders"}]}""", "seed.json: apis[0]: identifier is required.")]
    [InlineData("""{"apis":[{"name":"<b>Orders</b>","identifier":"urn:a"}]}""", "seed.json: apis[0]: name:")]
    [InlineData("""{"apis":[{"identifier":"urn:a","tokenLifetimeSeconds":9999999}]}""", "seed.json: apis[0]: token_lifetime:")]
    [InlineData("""{"apis":[{"identifier":"urn:a"},{"identifier":"urn:a"}]}""", "seed.json: apis[1]: the identifier 'urn:a' is seeded twice.")]
    [InlineData("""{"applications":[{"kind":"non_interactive"}]}""", "seed.json: applications[0]: name is required.")]
    [InlineData("""{"applications":[{"name":"x","app_type":"robot"}]}""", "seed.json: applications[0]: app_type: 'robot' is not an application kind")]
    [InlineData("""{"applications":[{"name":"x","app_type":"machine_to_machine"}]}""", "seed.json: applications[0]: app_type: 'machine_to_machine' is not an application kind")]
    [InlineData("""{"applications":[{"name":"x","authorizations":[{"api":"urn:nowhere"}]}]}""", "applications[0].authorizations[0]: api: no seeded API has the identifier 'urn:nowhere'.")]
    [InlineData("""{"apis":[{"identifier":"urn:a","scopes":["read"]}],"applications":[{"name":"x","authorizations":[{"api":"urn:a","scopes":["write"]}]}]}""", "applications[0].authorizations[0]: scope[0]: The scope 'write' is not defined by the API urn:a")]
    [InlineData("""{"applications":[{"name":"x","clientId":"same"},{"name":"y","clientId":"same"}]}""", "applications[1]: the client id 'same' is seeded twice.")]
    [InlineData("""{"applications":[{"name":"x","client_secret":" "}]}""", "applications[0]: client_secret is empty.")]
    [InlineData("""{"management_application":{"scopes":["read:logs"]}}""", "management_application.scopes: the emulator models no Management API scope 'read:logs'")]
    [InlineData("""{"apis":[{"identifier":"urn:a","signingAlgorithm":"HS256","signing_alg":"RS256"}]}""", "seed.json' is not valid at $.apis[0].signing_alg: 'signingAlgorithm' and 'signing_alg' are two spellings of 'signing_alg'; keep one.")]
    [InlineData("""{"applications":[{"name":"x","client_id":"a","clientId":"b"}]}""", "seed.json' is not valid at $.applications[0].clientId: 'client_id' and 'clientId' are two spellings of 'client_id'; keep one.")]
    [InlineData("""{"managementApplication":{},"management_application":{}}""", "seed.json' is not valid at $.management_application: 'managementApplication' and 'management_application' are two spellings")]
    [InlineData("""{"apis":[{"identifier":"urn:a","identifier":"urn:b"}]}""", "seed.json' is not valid at $.apis[0].identifier: 'identifier' is given twice.")]
    [InlineData("""{"apis":[{"identifier":"urn:a","kind":"spa"}]}""", "seed.json' is not valid at $.apis[0].kind: an API has no property 'kind'.")]
    [InlineData("""{"applications":[{"name":"x","grant_type":["client_credentials"]}]}""", "seed.json' is not valid at $.applications[0].grant_type: an application has no property 'grant_type'.")]
    [InlineData("""{"applications":[{"name":"x","global":true}]}""", "seed.json' is not valid at $.applications[0].global: an application has no property 'global'.")]
    [InlineData("""{"applications":[{"name":"x","authorizations":[{"audience":"urn:a"}]}]}""", "seed.json' is not valid at $.applications[0].authorizations[0].audience: an authorization has no property 'audience'.")]
    [InlineData("""{"management_application":{"scope":[]}}""", "seed.json' is not valid at $.management_application.scope: the management application has no property 'scope'.")]
    [InlineData("""{"api":[]}""", "seed.json' is not valid at $.api: a seed file has no property 'api'.")]
    [InlineData("""{"apis":[{"identifier":"urn:a","scopes":[{"value":"read","text":"Read"}]}]}""", "seed.json' is not valid at $.apis[0].scopes[0].text: a scope has no property 'text'.")]
    [InlineData("""{"apis":[{"identifier":"urn:a","scopes":[1]}]}""", "seed.json' is not valid at $.apis[0].scopes[0]: a scope is a string or an object")]
    [InlineData("""{"apis":{"identifier":"urn:a"}}""", "seed.json' is not valid at $.apis: expected an array, not object.")]
    [InlineData("""{"apis":["urn:a"]}""", "seed.json' is not valid at $.apis[0]: an API is an object, not string.")]
    [InlineData("""{"apis":[{"identifier":"urn:a","token_lifetime":"long"}]}""", "seed.json' is not valid at $.apis[0].token_lifetime: ")]
    [InlineData("""{"apis":[{"identifier":"urn:a","id":"0123456789abcdef01234567"}]}""", "seed.json: apis[0]: id: The field 'id' is set by the tenant")]
    [InlineData("""{"apis":[{"identifier":"urn:a","consent_policy":"sometimes"}]}""", "seed.json: apis[0]: consent_policy: ")]
    public void Refuses_a_broken_seed_with_one_line_that_names_the_entry(string json, string expected)
    {
        Planning(json).Should().Throw<EmulatorConfigurationException>()
            .Which.Message.Should().Contain(expected).And.NotContain("\n");
    }

    [Fact]
    public void Names_a_missing_seed_file()
    {
        var missing = Path.Combine(_directory, "missing.json");
        var combine = () => SeedSources.Combine(new EmulatorOptions { SeedFile = missing });

        combine.Should().Throw<EmulatorConfigurationException>().WithMessage($"cannot read the seed file '{missing}'*");
    }

    [Fact]
    public void Refuses_an_authorization_flag_that_names_no_seeded_application()
    {
        var options = new EmulatorOptions();
        options.Authorizations.Add(("ghost", new SeedAuthorization { Api = "urn:a" }, "--authorize 'ghost=urn:a'"));

        var combine = () => SeedSources.Combine(options);

        combine.Should().Throw<EmulatorConfigurationException>()
            .WithMessage("--authorize 'ghost=urn:a': no seeded application has the name or client id 'ghost'.");
    }
}
