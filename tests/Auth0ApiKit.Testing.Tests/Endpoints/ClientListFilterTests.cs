using System.Text.Json;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;
using static Auth0ApiKit.Testing.Tests.Endpoints.Requests;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

/// <summary>The filters and checkpoint paging of <c>GET /api/v2/clients</c>.</summary>
public class ClientListFilterTests
{
    private readonly TenantStore _store = NewStore();
    private readonly ClientsEndpoint _clients;
    private readonly Dictionary<string, string> _ids = [];

    public ClientListFilterTests()
    {
        _clients = new ClientsEndpoint(_store);
        Add("worker", """{"name":"worker","app_type":"non_interactive"}""");
        Add("spa", """{"name":"spa","app_type":"spa"}""");
        Add("partner", """{"name":"partner","app_type":"regular_web","is_first_party":false}""");
        Add("mobile", """{"name":"mobile","app_type":"native"}""");
    }

    [Theory]
    [InlineData("?is_first_party=true", new[] { "worker", "spa", "mobile" })]
    [InlineData("?is_first_party=false", new[] { "partner" })]
    [InlineData("?app_type=spa,native", new[] { "spa", "mobile" })]
    [InlineData("?app_type=regular_web&is_first_party=true", new string[0])]
    [InlineData("?app_type=non_interactive,regular_web&is_first_party=false", new[] { "partner" })]
    [InlineData("?external_client_id=abc", new string[0])]
    public void Filters_select_the_matching_clients(string query, string[] names)
    {
        Names(_clients.List(Get("/", query), withSecrets: false).Parse()).Should().Equal(names);
    }

    [Fact]
    public void Totals_count_the_filtered_clients()
    {
        var page = _clients.List(Get("/", "?is_first_party=true&is_global=false&include_totals=true&per_page=2&page=1"), withSecrets: false).Parse();

        page.GetProperty("total").GetInt32().Should().Be(3);
        Names(page.GetProperty("clients")).Should().Equal("mobile");
    }

    [Theory]
    [InlineData("?is_first_party=yes", "Query validation error: 'Expected type boolean but found type string' on property is_first_party.")]
    [InlineData("?is_global=1", "Query validation error: 'Expected type boolean but found type string' on property is_global.")]
    [InlineData("?app_type=spa,robot", "Query validation error: 'String 'spa,robot' does not match pattern. Must be a comma separated list of the following values: native,spa,regular_web,non_interactive,resource_server,express_configuration,rms,box,cloudbees,concur,dropbox,mscrm,echosign,egnyte,newrelic,office365,salesforce,sentry,sharepoint,slack,springcm,zendesk,zoom,sso_integration,oag' on property app_type.")]
    [InlineData("?app_type=spa,", "Query validation error: 'String 'spa,' does not match pattern. Must be a comma separated list of the following values: native,spa,regular_web,non_interactive,resource_server,express_configuration,rms,box,cloudbees,concur,dropbox,mscrm,echosign,egnyte,newrelic,office365,salesforce,sentry,sharepoint,slack,springcm,zendesk,zoom,sso_integration,oag' on property app_type.")]
    [InlineData("?external_client_id=", "Query validation error: 'String is too short (0 chars), minimum 1' on property external_client_id.")]
    [InlineData("?take=0", "Query validation error: 'Value 0 is less than minimum 1' on property take.")]
    [InlineData("?take=2&from=nope", "Query validation error: 'Invalid checkpoint' on property from.")]
    public void Bad_filters_answer_Auth0s_query_validation_error(string query, string message)
    {
        _clients.List(Get("/", query), withSecrets: false).QueryErrorMessage().Should().Be(message);
    }

    [Fact]
    public void An_external_client_id_longer_than_120_characters_is_refused()
    {
        _clients.List(Get("/", "?external_client_id=" + new string('x', 121)), withSecrets: false).QueryErrorMessage()
            .Should().Be("Query validation error: 'String is too long (121 chars), maximum 120' on property external_client_id.");
    }

    [Fact]
    public void Checkpoint_paging_walks_every_client_once_without_totals()
    {
        var seen = new List<string>();
        string? from = null;
        for (var round = 0; round < 10; round++)
        {
            var page = _clients.List(Get("/", $"?take=2&include_totals=true&per_page=50{(from is null ? "" : "&from=" + from)}"), withSecrets: false).Parse();
            page.EnumerateObject().Select(p => p.Name).Should().BeSubsetOf(["clients", "next"], "take switches to checkpoint paging, which has no totals");
            seen.AddRange(Names(page.GetProperty("clients")));
            if (!page.TryGetProperty("next", out var next))
            {
                break;
            }

            from = next.GetString();
        }

        seen.Should().Equal(Names(_clients.List(Get("/"), withSecrets: false).Parse()));
    }

    [Fact]
    public void Checkpoint_pages_are_filtered_and_projected()
    {
        var page = _clients.List(Get("/", "?take=1&is_first_party=false&fields=name"), withSecrets: false).Parse();

        page.GetRawText().Should().Be("""{"clients":[{"tenant":"contract","name":"partner"}]}""");
    }

    [Fact]
    public void Q_finds_the_clients_granted_for_any_organization()
    {
        _store.AddResourceServer(new ResourceServerDto { Id = "rs1", Identifier = "https://orders.example.com" });
        _store.AddGrant(Grant("cgr_1", _ids["spa"], allowAnyOrganization: true));
        _store.AddGrant(Grant("cgr_2", _ids["worker"], allowAnyOrganization: false));

        var page = _clients.List(Get("/", "?q=client_grant.allow_any_organization%3Atrue&take=10"), withSecrets: false).Parse();
        var byOrganization = _clients.List(Get("/", "?q=client_grant.organization_id%3Aorg_1&from=&take=10"), withSecrets: false).Parse();

        Names(page.GetProperty("clients")).Should().Equal("spa");
        byOrganization.GetRawText().Should().Be("""{"clients":[]}""", "organizations are not modelled: no client is granted to one");
    }

    [Theory]
    [InlineData("?q=client_grant.allow_any_organization%3Atrue", "q requires checkpoint pagination (from and take)")]
    [InlineData("?q=client_grant.allow_any_organization%3Atrue&take=5&is_first_party=true", "q cannot be used in combination with other filters")]
    [InlineData("?q=name%3Aworker&take=5", "Unsupported query 'name:worker'. Permitted queries: client_grant.organization_id:{organization_id}, client_grant.allow_any_organization:true")]
    [InlineData("?q=client_grant.organization_id%3A&take=5", "Unsupported query 'client_grant.organization_id:'. Permitted queries: client_grant.organization_id:{organization_id}, client_grant.allow_any_organization:true")]
    public void Q_is_refused_beyond_what_Auth0_permits(string query, string detail)
    {
        _clients.List(Get("/", query), withSecrets: false).QueryErrorMessage().Should().Be($"Query validation error: '{detail}' on property q.");
    }

    private static ClientGrantDto Grant(string id, string clientId, bool allowAnyOrganization) => new()
    {
        Id = id,
        ClientId = clientId,
        Audience = "https://orders.example.com",
        Scope = [],
        AdditionalProperties = new() { [ClientGrantFields.AllowAnyOrganization] = JsonDocument.Parse(allowAnyOrganization ? "true" : "false").RootElement.Clone() },
    };

    private static List<string> Names(JsonElement clients) =>
        [.. clients.EnumerateArray().Where(c => !(c.TryGetProperty("global", out var global) && global.GetBoolean())).Select(c => c.GetProperty("name").GetString()!)];

    private void Add(string key, string body) =>
        _ids[key] = _clients.Create(Json("POST", "/", body)).Parse().GetProperty("client_id").GetString()!;
}
