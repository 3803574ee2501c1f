using Auth0ApiKit.Testing.Endpoints;
using static Auth0ApiKit.Testing.Tests.Endpoints.Requests;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

public class ResourceServersEndpointTests
{
    private readonly ResourceServersEndpoint _endpoint = new(NewStore());

    private FakeResponse Create(string body) => _endpoint.Create(Json("POST", "/api/v2/resource-servers", body));

    [Fact]
    public void Create_answers_201_with_Auth0s_defaults_and_omits_fields_never_sent()
    {
        var response = Create("""{"identifier":"https://orders.example.com"}""");

        response.Status.Should().Be(201);
        var api = response.Parse();
        api.GetProperty("id").GetString().Should().MatchRegex("^[0-9a-f]{24}$");
        api.GetProperty("identifier").GetString().Should().Be("https://orders.example.com");
        api.GetProperty("signing_alg").GetString().Should().Be("RS256");
        api.GetProperty("token_lifetime").GetInt32().Should().Be(86400);
        api.GetProperty("token_lifetime_for_web").GetInt32().Should().Be(7200);
        api.GetProperty("allow_offline_access").GetBoolean().Should().BeFalse();
        api.GetProperty("skip_consent_for_verifiable_first_party_clients").GetBoolean().Should().BeFalse();
        api.GetProperty("subject_type_authorization").GetRawText()
            .Should().Be("""{"client":{"policy":"require_client_grant"},"user":{"policy":"allow_all"}}""");
        foreach (var omitted in new[] { "name", "scopes", "enforce_policies", "token_dialect", "is_system", "signing_secret" })
        {
            api.TryGetProperty(omitted, out _).Should().BeFalse($"{omitted} was never sent");
        }
    }

    [Fact]
    public void Web_lifetime_defaults_to_the_token_lifetime_when_that_is_lower()
    {
        var api = Create("""{"identifier":"urn:short","token_lifetime":600}""").Parse();

        api.GetProperty("token_lifetime_for_web").GetInt32().Should().Be(600);
    }

    [Fact]
    public void An_HS256_api_gets_a_generated_32_character_secret()
    {
        var api = Create("""{"identifier":"urn:hs","signing_alg":"HS256"}""").Parse();

        api.GetProperty("signing_secret").GetString().Should().MatchRegex("^[A-Za-z0-9]{32}$");
    }

    [Theory]
    [InlineData("""{"name":"x"}""", "Payload validation error: 'Missing required property: identifier'.")]
    [InlineData("""{"identifier":"urn:x","foo":1}""", "Payload validation error: 'Additional properties not allowed: foo'.")]
    [InlineData("""{"identifier":"urn:x","id":"abc"}""", "Payload validation error: 'Additional properties not allowed: id'.")]
    [InlineData("""{"identifier":"urn:x","token_lifetime":"long"}""", "Payload validation error: 'Expected type integer but found type string' on property token_lifetime.")]
    [InlineData("""{"identifier":"urn:x","token_lifetime":2592001}""", "Payload validation error: 'Value 2592001 is greater than maximum 2592000' on property token_lifetime.")]
    [InlineData("""{"identifier":"urn:x","token_lifetime":-1}""", "Payload validation error: 'Value -1 is less than minimum 0' on property token_lifetime.")]
    [InlineData("""{"identifier":"urn:x","scopes":[{"value":"a"},{"value":""}]}""", "Payload validation error: 'String is too short (0 chars), minimum 1' on property scopes[1].value.")]
    [InlineData("""{"identifier":"urn:x","scopes":[{"value":"a","extra":true}]}""", "Payload validation error: 'Additional properties not allowed: extra' on property scopes[0].")]
    [InlineData("""{"identifier":"urn:x","signing_alg":"HS256","signing_secret":"short"}""", "Payload validation error: 'String is too short (5 chars), minimum 16' on property signing_secret.")]
    [InlineData("""{"identifier":"urn:x","token_lifetime":3600,"token_lifetime_for_web":7200}""", "token_lifetime_for_web cannot be larger than token_lifetime")]
    [InlineData("[]", "Payload validation error: 'Expected type object but found type array'.")]
    public void Rule_violations_answer_400_invalid_body_with_Auth0s_message(string body, string message)
    {
        var store = NewStore();
        var endpoint = new ResourceServersEndpoint(store);
        var versionBefore = store.Version;

        var response = endpoint.Create(Json("POST", "/api/v2/resource-servers", body));

        response.Status.Should().Be(400);
        var error = response.Parse();
        error.GetProperty("statusCode").GetInt32().Should().Be(400);
        error.GetProperty("error").GetString().Should().Be("Bad Request");
        error.GetProperty("message").GetString().Should().Be(message);
        error.GetProperty("errorCode").GetString().Should().Be("invalid_body");
        store.Version.Should().Be(versionBefore, "a rejected request changes nothing");
    }

    [Fact]
    public void A_201_character_name_gets_the_exact_message_of_Auth0s_example()
    {
        var response = Create($$"""{"identifier":"urn:x","name":"{{new string('N', 201)}}"}""");

        response.BodyText.Should().Be(
            """{"statusCode":400,"error":"Bad Request","message":"Payload validation error: 'String is too long (201 chars), maximum 200' on property name.","errorCode":"invalid_body"}""");
    }

    [Fact]
    public void Malformed_json_answers_400_without_a_500()
    {
        var response = Create("""{"identifier": """);

        response.Status.Should().Be(400);
        response.BodyText.Should().Be("""{"statusCode":400,"error":"Bad Request","message":"Invalid request payload JSON format"}""");
    }

    [Fact]
    public void A_duplicate_identifier_answers_409()
    {
        Create("""{"identifier":"urn:dup"}""").Status.Should().Be(201);

        var response = Create("""{"identifier":"urn:dup"}""");

        response.Status.Should().Be(409);
        response.Parse().GetProperty("message").GetString().Should().Be("A resource server with the same identifier already exists.");
    }

    [Fact]
    public void An_unknown_api_answers_Auth0s_404_body_exactly()
    {
        _endpoint.Get("0123456789abcdef01234567").BodyText.Should().Be(
            """{"statusCode":404,"error":"Not Found","message":"The resource server does not exist","errorCode":"inexistent_resource_server"}""");
    }

    [Fact]
    public void An_identifier_that_looks_like_an_id_is_still_found()
    {
        var id = Create("""{"identifier":"aaaaaaaaaaaaaaaaaaaaaaaa"}""").Parse().GetProperty("id").GetString()!;

        _endpoint.Get("aaaaaaaaaaaaaaaaaaaaaaaa").Parse().GetProperty("id").GetString().Should().Be(id);
        _endpoint.Get(id).Parse().GetProperty("identifier").GetString().Should().Be("aaaaaaaaaaaaaaaaaaaaaaaa");
    }

    [Fact]
    public void Patch_merges_and_replaces_the_scope_list_and_answers_200()
    {
        Create("""{"identifier":"urn:p","name":"P","scopes":[{"value":"a","description":"A"},{"value":"b"}]}""");

        var response = _endpoint.Update(Json("PATCH", "/api/v2/resource-servers/urn:p", """{"scopes":[{"value":"c"}],"token_lifetime":10800}"""), "urn:p");

        response.Status.Should().Be(200);
        var api = response.Parse();
        api.GetProperty("name").GetString().Should().Be("P");
        api.GetProperty("token_lifetime").GetInt32().Should().Be(10800);
        api.GetProperty("scopes").GetRawText().Should().Be("""[{"value":"c"}]""");
    }

    [Fact]
    public void Patch_checks_the_web_lifetime_against_the_resulting_token_lifetime()
    {
        Create("""{"identifier":"urn:w"}""");

        var response = _endpoint.Update(Json("PATCH", "/", """{"token_lifetime":60}"""), "urn:w");

        response.Status.Should().Be(400);
        response.Parse().GetProperty("message").GetString().Should().Be("token_lifetime_for_web cannot be larger than token_lifetime");
    }

    [Fact]
    public void The_identifier_cannot_be_patched()
    {
        Create("""{"identifier":"urn:fixed"}""");

        var response = _endpoint.Update(Json("PATCH", "/", """{"identifier":"urn:other"}"""), "urn:fixed");

        response.Status.Should().Be(400);
        response.Parse().GetProperty("message").GetString().Should().Be("Payload validation error: 'Additional properties not allowed: identifier'.");
    }

    [Fact]
    public void The_system_api_is_listed_first_and_cannot_be_deleted_or_broadly_patched()
    {
        var system = _endpoint.List(Get("/api/v2/resource-servers")).Parse()[0];
        system.GetProperty("name").GetString().Should().Be("Auth0 Management API");
        system.GetProperty("identifier").GetString().Should().Be(ManagementAudience);
        system.GetProperty("is_system").GetBoolean().Should().BeTrue();
        system.GetProperty("scopes")[0].GetRawText().Should().Be("""{"value":"read:resource_servers","description":"Read Resource Servers"}""");
        var id = system.GetProperty("id").GetString()!;

        var delete = _endpoint.Delete(id);
        delete.Status.Should().Be(400);
        delete.Parse().GetProperty("message").GetString().Should().Be("System resource servers cannot be deleted.");

        _endpoint.Update(Json("PATCH", "/", """{"name":"Mine"}"""), id).Parse().GetProperty("message").GetString()
            .Should().Be("Payload validation error: 'Additional properties not allowed: name'.");
        _endpoint.Update(Json("PATCH", "/", """{"token_lifetime":10800,"skip_consent_for_verifiable_first_party_clients":true}"""), id)
            .Status.Should().Be(200);
    }

    [Fact]
    public void Delete_is_idempotent()
    {
        var id = Create("""{"identifier":"urn:gone"}""").Parse().GetProperty("id").GetString()!;

        _endpoint.Delete(id).Status.Should().Be(204);
        _endpoint.Delete(id).Status.Should().Be(204);
        _endpoint.Get(id).Status.Should().Be(404);
    }

    [Fact]
    public void List_pages_with_totals_and_filters_by_identifiers()
    {
        for (var i = 0; i < 5; i++)
        {
            Create($$"""{"identifier":"urn:api:{{i}}"}""");
        }

        var page = _endpoint.List(Get("/api/v2/resource-servers", "?page=1&per_page=2&include_totals=true")).Parse();
        page.GetProperty("total").GetInt32().Should().Be(6);
        page.GetProperty("start").GetInt32().Should().Be(2);
        page.GetProperty("limit").GetInt32().Should().Be(2);
        page.GetProperty("resource_servers").EnumerateArray().Select(a => a.GetProperty("identifier").GetString())
            .Should().Equal("urn:api:1", "urn:api:2");

        var filtered = _endpoint.List(Get("/api/v2/resource-servers", "?identifiers=urn%3Aapi%3A3&identifiers=urn:api:0")).Parse();
        filtered.EnumerateArray().Select(a => a.GetProperty("identifier").GetString()).Should().Equal("urn:api:0", "urn:api:3");
    }

    [Theory]
    [InlineData("?per_page=101", "Query validation error: 'Value 101 is greater than maximum 100' on property per_page.")]
    [InlineData("?per_page=0", "Query validation error: 'Value 0 is less than minimum 1' on property per_page.")]
    [InlineData("?page=x", "Query validation error: 'Expected type integer but found type string' on property page.")]
    [InlineData("?page=30000000&per_page=100", "Query validation error: 'Value 30000000 is greater than maximum 21474836' on property page.")]
    public void Bad_paging_answers_400(string query, string message)
    {
        var response = _endpoint.List(Get("/api/v2/resource-servers", query));

        response.Status.Should().Be(400);
        response.Parse().GetProperty("message").GetString().Should().Be(message);
    }
}
