using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using static Auth0ApiKit.Testing.Tests.Endpoints.Requests;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

public class ClientGrantsEndpointTests
{
    private readonly TenantStore _store = NewStore();
    private readonly ClientGrantsEndpoint _grants;
    private readonly string _clientId;

    public ClientGrantsEndpointTests()
    {
        _grants = new ClientGrantsEndpoint(_store);
        new ResourceServersEndpoint(_store).Create(Json("POST", "/", """{"identifier":"https://orders.example.com","scopes":[{"value":"read:orders"}]}"""));
        _clientId = new ClientsEndpoint(_store).Create(Json("POST", "/", """{"name":"worker","app_type":"non_interactive"}"""))
            .Parse().GetProperty("client_id").GetString()!;
    }

    private FakeResponse Create(string body) => _grants.Create(Json("POST", "/api/v2/client-grants", body));

    [Fact]
    public void Create_answers_201_with_Auth0s_shape()
    {
        var response = Create($$"""{"client_id":"{{_clientId}}","audience":"https://orders.example.com","scope":["read:orders"]}""");

        response.Status.Should().Be(201);
        var grant = response.Parse();
        grant.GetProperty("id").GetString().Should().MatchRegex("^cgr_[A-Za-z0-9]{16}$");
        grant.GetProperty("client_id").GetString().Should().Be(_clientId);
        grant.GetProperty("audience").GetString().Should().Be("https://orders.example.com");
        grant.GetProperty("scope").EnumerateArray().Select(s => s.GetString()).Should().Equal("read:orders");
        grant.GetProperty("subject_type").GetString().Should().Be("client");
    }

    [Fact]
    public void Scopes_the_api_does_not_define_are_accepted_as_the_live_api_does()
    {
        Create($$"""{"client_id":"{{_clientId}}","audience":"https://orders.example.com","scope":["undefined:scope"]}""").Status.Should().Be(201);
    }

    [Fact]
    public void A_second_grant_for_the_same_client_and_audience_answers_409()
    {
        var body = $$"""{"client_id":"{{_clientId}}","audience":"https://orders.example.com","scope":[]}""";
        Create(body);

        var response = Create(body);

        response.Status.Should().Be(409);
        response.Parse().GetProperty("message").GetString().Should().Be($"A client grant already exists between {_clientId} and https://orders.example.com");
    }

    [Fact]
    public void Unknown_clients_and_audiences_answer_404()
    {
        Create("""{"client_id":"nobody","audience":"https://orders.example.com","scope":[]}""").Status.Should().Be(404);
        Create($$"""{"client_id":"{{_clientId}}","audience":"https://unknown.example.com","scope":[]}""").Status.Should().Be(404);
    }

    [Fact]
    public void Patch_changes_scopes_only_and_an_empty_body_is_refused()
    {
        var id = Create($$"""{"client_id":"{{_clientId}}","audience":"https://orders.example.com","scope":[]}""").Parse().GetProperty("id").GetString()!;

        _grants.Update(Json("PATCH", "/", """{"scope":["read:orders"]}"""), id).Parse().GetProperty("scope")[0].GetString().Should().Be("read:orders");
        _grants.Update(Json("PATCH", "/", "{}"), id).Parse().GetProperty("message").GetString()
            .Should().Be("Payload validation error: 'Too few properties defined (0), minimum 1'.");
        _grants.Update(Json("PATCH", "/", """{"audience":"x"}"""), id).Parse().GetProperty("message").GetString()
            .Should().Be("Payload validation error: 'Additional properties not allowed: audience'.");
        _grants.Update(Json("PATCH", "/", """{"scope":[]}"""), "cgr_unknown").BodyText.Should().Be(
            """{"statusCode":404,"error":"Not Found","message":"The client grant does not exist.","errorCode":"inexistent_client_grant"}""");
    }

    [Fact]
    public void Checkpoint_paging_walks_every_grant_once_and_mixes_with_include_totals()
    {
        var clients = new ClientsEndpoint(_store);
        for (var i = 0; i < 5; i++)
        {
            var id = clients.Create(Json("POST", "/", $$"""{"name":"w{{i}}","app_type":"non_interactive"}""")).Parse().GetProperty("client_id").GetString();
            Create($$"""{"client_id":"{{id}}","audience":"https://orders.example.com","scope":[]}""");
        }

        var seen = new List<string>();
        string? from = null;
        for (var round = 0; round < 10; round++)
        {
            var page = _grants.List(Get("/api/v2/client-grants", $"?take=2&include_totals=true{(from is null ? "" : "&from=" + from)}")).Parse();
            seen.AddRange(page.GetProperty("client_grants").EnumerateArray().Select(g => g.GetProperty("id").GetString()!));
            page.TryGetProperty("total", out _).Should().BeFalse("take switches to checkpoint paging, which has no totals");
            if (!page.TryGetProperty("next", out var next))
            {
                break;
            }

            from = next.GetString();
        }

        seen.Should().HaveCount(5).And.OnlyHaveUniqueItems().And.BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void List_filters_by_audience_and_client()
    {
        Create($$"""{"client_id":"{{_clientId}}","audience":"https://orders.example.com","scope":[]}""");

        _grants.List(Get("/", "?audience=https%3A%2F%2Forders.example.com")).Parse().GetArrayLength().Should().Be(1);
        _grants.List(Get("/", "?client_id=other")).Parse().GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Deleting_an_api_or_a_client_removes_its_grants()
    {
        Create($$"""{"client_id":"{{_clientId}}","audience":"https://orders.example.com","scope":[]}""");

        new ResourceServersEndpoint(_store).Delete("https://orders.example.com");

        _grants.List(Get("/")).Parse().GetArrayLength().Should().Be(0);
    }
}
