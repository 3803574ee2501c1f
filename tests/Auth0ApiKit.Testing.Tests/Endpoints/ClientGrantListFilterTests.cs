using System.Text.Json;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;
using static Auth0ApiKit.Testing.Tests.Endpoints.Requests;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

/// <summary>The <c>allow_any_organization</c> and <c>default_for</c> filters of <c>GET /api/v2/client-grants</c>.</summary>
public class ClientGrantListFilterTests
{
    private const string Audience = "https://orders.example.com";

    private readonly TenantStore _store = NewStore();
    private readonly ClientGrantsEndpoint _grants;

    public ClientGrantListFilterTests()
    {
        _grants = new ClientGrantsEndpoint(_store);
        _store.AddResourceServer(new ResourceServerDto { Id = "rs1", Identifier = Audience });
        _store.AddGrant(Grant("cgr_plain", "c1", null));
        _store.AddGrant(Grant("cgr_any_org", "c2", """{"allow_any_organization":true}"""));
        _store.AddGrant(Grant("cgr_no_org", "c3", """{"allow_any_organization":false}"""));
        _store.AddGrant(Grant("cgr_third_party", "c4", """{"default_for":"third_party_clients"}"""));
    }

    [Theory]
    [InlineData("?allow_any_organization=true", new[] { "cgr_any_org" })]
    [InlineData("?default_for=third_party_clients", new[] { "cgr_third_party" })]
    [InlineData("?default_for=third_party_clients&allow_any_organization=true", new string[0])]
    [InlineData("?allow_any_organization=true&audience=https%3A%2F%2Forders.example.com&include_totals=true", new[] { "cgr_any_org" })]
    public void Filters_select_the_matching_grants(string query, string[] ids)
    {
        var body = _grants.List(Get("/", query)).Parse();
        var items = body.ValueKind == JsonValueKind.Array ? body : body.GetProperty("client_grants");

        items.EnumerateArray().Select(g => g.GetProperty("id").GetString()).Should().Equal(ids);
    }

    [Theory]
    [InlineData("?allow_any_organization=false", "No enum match for: false", "allow_any_organization")]
    [InlineData("?allow_any_organization=yes", "Expected type boolean but found type string", "allow_any_organization")]
    [InlineData("?default_for=first_party_clients", "No enum match for: \"first_party_clients\"", "default_for")]
    public void Values_outside_Auth0s_enums_answer_400(string query, string detail, string property)
    {
        _grants.List(Get("/", query)).QueryErrorMessage().Should().Be($"Query validation error: '{detail}' on property {property}.");
    }

    private static ClientGrantDto Grant(string id, string clientId, string? extra) => new()
    {
        Id = id,
        ClientId = clientId,
        Audience = Audience,
        Scope = [],
        AdditionalProperties = extra is null ? null : JsonSerializer.Deserialize(extra, WireJson.Context.ClientGrantDto)!.AdditionalProperties,
    };
}
