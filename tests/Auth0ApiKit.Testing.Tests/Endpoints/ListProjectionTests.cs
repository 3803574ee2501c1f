using System.Text.Json;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using static Auth0ApiKit.Testing.Tests.Endpoints.Requests;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

/// <summary>Auth0's <c>fields</c> + <c>include_fields</c> on the resource-server and client lists and on a client's GET.</summary>
public class ListProjectionTests
{
    private const string FieldsDescription =
        "A comma separated list of fields to include or exclude (depending on include_fields) from the result, empty to retrieve all fields";

    private readonly TenantStore _store = NewStore();
    private readonly ResourceServersEndpoint _apis;
    private readonly ClientsEndpoint _clients;
    private readonly string _clientId;

    public ListProjectionTests()
    {
        _apis = new ResourceServersEndpoint(_store);
        _clients = new ClientsEndpoint(_store);
        _apis.Create(Json("POST", "/", """{"identifier":"https://orders.example.com","name":"Orders","scopes":[{"value":"read:orders"}]}"""));
        _clientId = _clients.Create(Json("POST", "/", """{"name":"worker","app_type":"non_interactive","callbacks":["https://a.example.com/cb"]}"""))
            .Parse().GetProperty("client_id").GetString()!;
    }

    [Fact]
    public void Resource_servers_keep_only_the_named_fields_in_the_envelope_of_include_totals()
    {
        var body = _apis.List(Get("/", "?fields=id,identifier&include_fields=true&include_totals=true")).Parse();

        body.EnumerateObject().Select(p => p.Name).Should().Equal("total", "start", "limit", "resource_servers");
        body.GetProperty("total").GetInt32().Should().Be(2);
        foreach (var api in body.GetProperty("resource_servers").EnumerateArray())
        {
            Names(api).Should().Equal("id", "identifier");
        }
    }

    [Fact]
    public void Resource_servers_leave_out_the_named_fields_with_include_fields_false()
    {
        var api = _apis.List(Get("/", "?fields=scopes,subject_type_authorization&include_fields=false")).Parse()[1];

        Names(api).Should().Contain(["id", "name", "identifier", "signing_alg"]).And.NotContain(["scopes", "subject_type_authorization"]);
    }

    [Fact]
    public void A_dotted_name_projects_a_nested_object()
    {
        var kept = _apis.List(Get("/", "?fields=identifier,subject_type_authorization.user")).Parse()[1];
        var dropped = _apis.List(Get("/", "?fields=subject_type_authorization.user&include_fields=false")).Parse()[1];

        kept.GetRawText().Should().Be("""{"identifier":"https://orders.example.com","subject_type_authorization":{"user":{"policy":"allow_all"}}}""");
        dropped.GetProperty("subject_type_authorization").GetRawText().Should().Be("""{"client":{"policy":"require_client_grant"}}""");
    }

    [Fact]
    public void Resource_servers_take_any_name_and_an_unknown_one_matches_nothing()
    {
        var response = _apis.List(Get("/", "?fields=colour"));

        response.Status.Should().Be(200);
        response.Parse().EnumerateArray().Select(a => a.GetRawText()).Should().AllBe("{}");
    }

    [Fact]
    public void An_empty_fields_parameter_answers_the_whole_items()
    {
        _apis.List(Get("/", "?fields=&include_fields=true")).BodyText.Should().Be(_apis.List(Get("/")).BodyText);
        _clients.List(Get("/", "?fields="), withSecrets: true).BodyText.Should().Be(_clients.List(Get("/"), withSecrets: true).BodyText);
    }

    [Fact]
    public void Projected_clients_carry_the_tenant_first()
    {
        var clients = _clients.List(Get("/", "?fields=client_id&include_fields=true"), withSecrets: true).Parse();

        clients.EnumerateArray().Should().NotBeEmpty();
        foreach (var client in clients.EnumerateArray())
        {
            Names(client).Should().Equal("tenant", "client_id");
            client.GetProperty("tenant").GetString().Should().Be("contract");
        }
    }

    [Fact]
    public void Clients_leave_out_the_named_fields_with_include_fields_false_and_keep_the_tenant()
    {
        var client = Only(_clients.List(Get("/", "?fields=client_secret,callbacks&include_fields=false&include_totals=true"), withSecrets: true)
            .Parse().GetProperty("clients"), _clientId);

        Names(client).Should().StartWith("tenant").And.Contain(["client_id", "name", "app_type"]).And.NotContain(["client_secret", "callbacks"]);
        _clients.List(Get("/", "?fields=tenant,name&include_fields=false"), withSecrets: true).Parse().EnumerateArray()
            .Should().AllSatisfy(c => Names(c).Should().NotContain(["tenant", "name"]));
    }

    [Fact]
    public void A_clients_get_is_projected_too()
    {
        var response = _clients.Get(Get("/", "?fields=name,client_id"), _clientId, withSecret: true);

        response.Status.Should().Be(200);
        response.Parse().GetRawText().Should().Be($$"""{"tenant":"contract","client_id":"{{_clientId}}","name":"worker"}""");
        _clients.Get(Get("/", "?fields=name"), "unknown", withSecret: true).Status.Should().Be(404);
    }

    [Fact]
    public void Projection_never_shows_a_secret_the_token_may_not_read()
    {
        var client = Only(_clients.List(Get("/", "?fields=client_id,client_secret"), withSecrets: false).Parse(), _clientId);

        Names(client).Should().Equal("tenant", "client_id");
    }

    [Theory]
    [InlineData("?fields=client_id,colour", "client_id,colour")]
    [InlineData("?fields=client_id,", "client_id,")]
    [InlineData("?fields=jwt_configuration.colour&include_fields=false", "jwt_configuration.colour")]
    public void An_unknown_client_field_answers_Auth0s_query_validation_error(string query, string value)
    {
        _clients.List(Get("/", query), withSecrets: true).QueryErrorMessage().Should()
            .StartWith($"Query validation error: 'String '{value}' does not match pattern. Must be a comma separated list of the following values: name,description,callbacks,")
            .And.EndWith($",external_client_id,redirection_policy' on property fields ({FieldsDescription}).");
        _clients.Get(Get("/", query), _clientId, withSecret: true).Status.Should().Be(400);
    }

    [Fact]
    public void A_bad_include_fields_answers_400()
    {
        _apis.List(Get("/", "?fields=id&include_fields=yes")).QueryErrorMessage()
            .Should().Be("Query validation error: 'Expected type boolean but found type string' on property include_fields.");
    }

    private static List<string> Names(JsonElement item) => [.. item.EnumerateObject().Select(p => p.Name)];

    private static JsonElement Only(JsonElement items, string clientId) =>
        items.EnumerateArray().Single(c => c.GetProperty("client_id").GetString() == clientId);
}
