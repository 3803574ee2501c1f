using System.Net;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Testing.Tests.Tenant;
using static Auth0ApiKit.Testing.Tests.Endpoints.Requests;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

/// <summary>Client grants against Auth0's schemas (AUTH0-SCHEMAS.md section 4): every property, its rule, PATCH and null.</summary>
public class ClientGrantContractTests
{
    private const string Orders = "https://orders.example.com";
    private readonly TenantStore _store = NewStore();
    private readonly ClientGrantsEndpoint _grants;
    private readonly string _clientId;

    public ClientGrantContractTests()
    {
        _grants = new ClientGrantsEndpoint(_store);
        new ResourceServersEndpoint(_store).Create(Json("POST", "/", $$"""{"identifier":"{{Orders}}","scopes":[{"value":"read:orders"},{"value":"write:orders"}]}"""));
        _clientId = new ClientsEndpoint(_store).Create(Json("POST", "/", """{"name":"worker","app_type":"non_interactive"}"""))
            .Parse().GetProperty("client_id").GetString()!;
    }

    private FakeResponse Create(string body) => _grants.Create(Json("POST", "/api/v2/client-grants", body));

    private string CreateId(string body) => Create(body).Parse().GetProperty("id").GetString()!;

    private FakeResponse Patch(string id, string body) => _grants.Update(Json("PATCH", "/api/v2/client-grants/" + id, body), id);

    private string Ours(string extra = "") => $$"""{"client_id":"{{_clientId}}","audience":"{{Orders}}"{{extra}}}""";

    [Fact]
    public void A_minimal_create_answers_and_reads_back_with_an_empty_scope_list_and_the_client_subject()
    {
        var created = Create(Ours());

        created.Status.Should().Be(201);
        var id = created.Parse().GetProperty("id").GetString()!;
        var expected = $$"""{"client_id":"{{_clientId}}","audience":"{{Orders}}","scope":[],"subject_type":"client"}""";
        created.Parse().ShouldHaveExactly(expected, "id");
        _grants.Get(id).Parse().ShouldHaveExactly(expected, "id");
    }

    [Fact]
    public void A_maximal_create_answers_and_reads_back_every_property_as_sent()
    {
        var body = Ours(""","scope":["read:orders"],"subject_type":"user","allow_all_scopes":false,"organization_usage":"allow","allow_any_organization":true,"authorization_details_types":["payment"]""");

        var created = Create(body);

        created.Status.Should().Be(201);
        var id = created.Parse().GetProperty("id").GetString()!;
        id.Should().MatchRegex("^cgr_[A-Za-z0-9]{16}$");
        created.Parse().ShouldHaveExactly(body, "id");
        _grants.Get(id).Parse().ShouldHaveExactly(body, "id");
    }

    [Fact]
    public void A_grant_for_all_third_party_clients_has_no_client_id()
    {
        var body = $$"""{"audience":"{{Orders}}","default_for":"third_party_clients","scope":["read:orders"]}""";

        var created = Create(body);

        created.Status.Should().Be(201);
        created.Parse().ShouldHaveExactly($$"""{"audience":"{{Orders}}","default_for":"third_party_clients","scope":["read:orders"],"subject_type":"client"}""", "id");
    }

    [Fact]
    public void Allowing_all_scopes_hides_the_scope_list_and_turning_it_off_shows_it_again()
    {
        var id = CreateId(Ours(""","scope":["read:orders"],"allow_all_scopes":true"""));

        _grants.Get(id).Parse().TryGetProperty("scope", out _).Should().BeFalse("allow_all_scopes:true removes scope from answers");
        Patch(id, """{"allow_all_scopes":false}""").Parse().GetProperty("scope").GetRawText().Should().Be("[]");
        Patch(id, """{"scope":["write:orders"]}""").Parse().GetProperty("scope").GetRawText().Should().Be("""["write:orders"]""");
        Patch(id, """{"allow_all_scopes":true}""").Parse().TryGetProperty("scope", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("""{"audience":"https://orders.example.com"}""", "Payload validation error: 'Missing required property: client_id'.")]
    [InlineData("""{"client_id":"c","scope":[]}""", "Payload validation error: 'Missing required property: audience'.")]
    [InlineData("""{"client_id":"c","audience":""}""", "Payload validation error: 'String is too short (0 chars), minimum 1' on property audience.")]
    [InlineData("""{"client_id":"c","audience":"a","default_for":"third_party_clients"}""", "Payload validation error: 'client_id and default_for cannot be sent together'.")]
    [InlineData("""{"client_id":"c","audience":"a","scope":["ok",""]}""", "Payload validation error: 'String is too short (0 chars), minimum 1' on property scope[1].")]
    [InlineData("""{"client_id":"c","audience":"a","scope":"read:orders"}""", "Payload validation error: 'Expected type array but found type string' on property scope.")]
    [InlineData("""{"client_id":"c","audience":"a","scope":null}""", "Payload validation error: 'Expected type array but found type null' on property scope.")]
    [InlineData("""{"client_id":"c","audience":"a","subject_type":"robot"}""", "Payload validation error: 'No enum match for: \"robot\"' on property subject_type.")]
    [InlineData("""{"audience":"a","default_for":"all_clients"}""", "Payload validation error: 'No enum match for: \"all_clients\"' on property default_for.")]
    [InlineData("""{"client_id":"c","audience":"a","organization_usage":"sometimes"}""", "Payload validation error: 'No enum match for: \"sometimes\"' on property organization_usage.")]
    [InlineData("""{"client_id":"c","audience":"a","allow_any_organization":"yes"}""", "Payload validation error: 'Expected type boolean but found type string' on property allow_any_organization.")]
    [InlineData("""{"client_id":"c","audience":"a","allow_all_scopes":null}""", "Payload validation error: 'Expected type boolean but found type null' on property allow_all_scopes.")]
    [InlineData("""{"client_id":"c","audience":"a","authorization_details_types":[""]}""", "Payload validation error: 'String is too short (0 chars), minimum 1' on property authorization_details_types[0].")]
    [InlineData("""{"client_id":"c","audience":"a","id":"cgr_x"}""", "Payload validation error: 'Additional properties not allowed: id'.")]
    [InlineData("""{"client_id":"c","audience":"a","is_system":false}""", "Payload validation error: 'Additional properties not allowed: is_system'.")]
    public void Create_rules_answer_400_with_Auth0s_text(string body, string message)
    {
        var response = Create(body);

        response.Status.Should().Be(400);
        response.Parse().GetProperty("message").GetString().Should().Be(message);
        response.Parse().GetProperty("errorCode").GetString().Should().Be("invalid_body");
    }

    [Theory]
    [InlineData("scope", 280)]
    [InlineData("authorization_details_types", 255)]
    public void Array_items_are_limited_at_Auth0s_length(string property, int max)
    {
        Create(Ours($$""","{{property}}":["{{new string('s', max)}}"]""")).Status.Should().Be(201);

        var response = Create(Ours($$""","subject_type":"user","{{property}}":["{{new string('s', max + 1)}}"]"""));

        response.Parse().GetProperty("message").GetString().Should().Be(
            $"Payload validation error: 'String is too long ({max + 1} chars), maximum {max}' on property {property}[0].");
    }

    [Theory]
    [InlineData("{}", "Payload validation error: 'Too few properties defined (0), minimum 1'.")]
    [InlineData("""{"audience":"x"}""", "Payload validation error: 'Additional properties not allowed: audience'.")]
    [InlineData("""{"client_id":"x"}""", "Payload validation error: 'Additional properties not allowed: client_id'.")]
    [InlineData("""{"subject_type":"user","default_for":"third_party_clients"}""", "Payload validation error: 'Additional properties not allowed: subject_type,default_for'.")]
    [InlineData("""{"allow_all_scopes":"yes"}""", "Payload validation error: 'Expected type boolean,null but found type string' on property allow_all_scopes.")]
    [InlineData("""{"scope":"read:orders"}""", "Payload validation error: 'Expected type array,null but found type string' on property scope.")]
    [InlineData("""{"organization_usage":"never"}""", "Payload validation error: 'No enum match for: \"never\"' on property organization_usage.")]
    [InlineData("""{"authorization_details_types":null}""", "Payload validation error: 'Expected type array but found type null' on property authorization_details_types.")]
    public void Patch_rules_answer_400_with_Auth0s_text(string body, string message)
    {
        var id = CreateId(Ours());

        var response = Patch(id, body);

        response.Status.Should().Be(400);
        response.Parse().GetProperty("message").GetString().Should().Be(message);
    }

    [Fact]
    public void Patch_with_null_removes_every_nullable_property_and_a_null_scope_leaves_an_empty_list()
    {
        var id = CreateId(Ours(""","scope":["read:orders"],"allow_all_scopes":false,"organization_usage":"require","allow_any_organization":true,"authorization_details_types":["payment"]"""));

        var response = Patch(id, """{"scope":null,"allow_all_scopes":null,"organization_usage":null,"allow_any_organization":null}""");

        response.Status.Should().Be(200);
        var expected = $$"""{"client_id":"{{_clientId}}","audience":"{{Orders}}","scope":[],"subject_type":"client","authorization_details_types":["payment"]}""";
        response.Parse().ShouldHaveExactly(expected, "id");
        _grants.Get(id).Parse().ShouldHaveExactly(expected, "id");
    }

    [Fact]
    public void Patch_replaces_lists_whole_and_keeps_what_it_does_not_send()
    {
        var id = CreateId(Ours(""","scope":["read:orders","write:orders"],"organization_usage":"allow","authorization_details_types":["a","b"]"""));

        var response = Patch(id, """{"scope":[],"authorization_details_types":["c"]}""");

        response.Parse().ShouldHaveExactly(
            $$"""{"client_id":"{{_clientId}}","audience":"{{Orders}}","scope":[],"subject_type":"client","organization_usage":"allow","authorization_details_types":["c"]}""", "id");
    }

    [Theory]
    [InlineData(""","allow_all_scopes":true""")]
    [InlineData(""","allow_all_scopes":false""")]
    public void Allow_all_scopes_with_any_value_is_refused_for_a_system_api(string extra)
    {
        var response = Create($$"""{"client_id":"{{_clientId}}","audience":"{{ManagementAudience}}","scope":[]{{extra}}}""");

        response.Status.Should().Be(400);
        response.Parse().GetProperty("message").GetString().Should().Be("`allow_all_scopes` cannot be provided when `audience` is a system API");
        var id = CreateId($$"""{"client_id":"{{_clientId}}","audience":"{{ManagementAudience}}","scope":["read:clients"]}""");
        Patch(id, """{"allow_all_scopes":null}""").Status.Should().Be(400);
        Patch(id, """{"scope":["read:clients","read:users"]}""").Status.Should().Be(200);
    }

    [Fact]
    public void Not_found_answers_name_what_is_missing_as_Auth0_does()
    {
        _grants.Get("cgr_unknown").BodyText.Should().Be(
            """{"statusCode":404,"error":"Not Found","message":"The grant does not exist.","errorCode":"inexistent_client_grant"}""");
        Patch("cgr_unknown", """{"scope":[]}""").BodyText.Should().Be(
            """{"statusCode":404,"error":"Not Found","message":"The client grant does not exist.","errorCode":"inexistent_client_grant"}""");
        Create($$"""{"client_id":"nobody","audience":"{{Orders}}"}""").Parse().GetProperty("message").GetString().Should().Be("Client not found");
        Create($$"""{"client_id":"{{_clientId}}","audience":"https://unknown.example.com"}""").Parse().GetProperty("message").GetString()
            .Should().Be("Resource server not found");
    }

    [Fact]
    public async Task A_client_credentials_token_of_a_grant_that_allows_all_scopes_carries_every_scope_of_the_api()
    {
        var tenant = TestTenant.New();
        using var http = tenant.CreateHttpClient();
        tenant.Apis.Add(Api.Define("Orders").WithIdentifier(Orders).WithScope("read:orders").WithScope("write:orders").Build());
        var worker = tenant.Applications.AddMachineToMachine("worker");
        var token = await TenantHttp.ManagementTokenAsync(tenant, http);
        var grant = await http.SendAsync(HttpMethod.Post, "api/v2/client-grants", token,
            $$"""{"client_id":"{{worker.ClientId}}","audience":"{{Orders}}","allow_all_scopes":true}""");
        grant.StatusCode.Should().Be(HttpStatusCode.Created);

        tenant.Tokens.ForApplication(worker.ClientId, Orders).Scopes.Should().BeEquivalentTo("read:orders", "write:orders");
        var answer = await TenantHttp.Json(await http.PostAsync("oauth/token", TenantHttp.Form(("grant_type", "client_credentials"),
            ("client_id", worker.ClientId), ("client_secret", worker.ClientSecret.Reveal()), ("audience", Orders))).WaitAsync(Bound));
        answer.GetProperty("scope").GetString().Should().Be("read:orders write:orders");
    }
}
