using Auth0ApiKit.Testing.Endpoints;
using static Auth0ApiKit.Testing.Tests.Endpoints.Requests;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

public class ClientsEndpointTests
{
    private readonly ClientsEndpoint _endpoint = new(NewStore());

    private FakeResponse Create(string body) => _endpoint.Create(Json("POST", "/api/v2/clients", body));

    [Theory]
    [InlineData("non_interactive", null, new[] { "authorization_code", "implicit", "refresh_token", "client_credentials" })]
    [InlineData("regular_web", null, new[] { "authorization_code", "implicit", "refresh_token", "client_credentials" })]
    [InlineData("regular_web", "client_secret_post", new[] { "authorization_code", "implicit", "refresh_token", "client_credentials" })]
    [InlineData("spa", null, new[] { "authorization_code", "implicit", "refresh_token", "client_credentials" })]
    [InlineData("spa", "none", new[] { "authorization_code", "implicit", "refresh_token" })]
    [InlineData("native", "none", new[] { "authorization_code", "implicit", "refresh_token" })]
    public void Create_applies_Auth0s_defaults_which_only_the_token_endpoint_auth_method_decides(string appType, string? authMethod, string[] grantTypes)
    {
        var method = authMethod is null ? "" : $$""","token_endpoint_auth_method":"{{authMethod}}" """;
        var response = Create($$"""{"name":"app","app_type":"{{appType}}"{{method}}}""");

        response.Status.Should().Be(201);
        var client = response.Parse();
        client.GetProperty("client_id").GetString().Should().MatchRegex("^[A-Za-z0-9]{32}$");
        client.GetProperty("client_secret").GetString().Should().NotBeNullOrEmpty();
        client.GetProperty("app_type").GetString().Should().Be(appType);
        client.GetProperty("grant_types").EnumerateArray().Select(g => g.GetString()).Should().Equal(grantTypes);
        client.TryGetProperty("token_endpoint_auth_method", out var sent).Should().Be(authMethod is not null, "Auth0 never fills it in");
        (authMethod is null || sent.GetString() == authMethod).Should().BeTrue();
        client.GetProperty("is_first_party").GetBoolean().Should().BeTrue();
        client.TryGetProperty("callbacks", out _).Should().BeFalse("callbacks never set are absent");
    }

    [Fact]
    public void Reads_show_the_secret_only_with_read_client_keys()
    {
        var id = Create("""{"name":"app","app_type":"non_interactive"}""").Parse().GetProperty("client_id").GetString()!;

        _endpoint.Get(id, withSecret: false).Parse().TryGetProperty("client_secret", out _).Should().BeFalse();
        _endpoint.Get(id, withSecret: true).Parse().GetProperty("client_secret").GetString().Should().NotBeNullOrEmpty();
        _endpoint.List(Get("/api/v2/clients"), withSecrets: false).Parse()[0].TryGetProperty("client_secret", out _).Should().BeFalse();
    }

    [Fact]
    public void Rotating_the_secret_replaces_it()
    {
        var created = Create("""{"name":"app","app_type":"non_interactive"}""").Parse();
        var id = created.GetProperty("client_id").GetString()!;

        var rotated = _endpoint.RotateSecret(id).Parse();

        rotated.GetProperty("client_secret").GetString().Should().NotBe(created.GetProperty("client_secret").GetString());
        _endpoint.RotateSecret("nope").Status.Should().Be(404);
    }

    [Fact]
    public void Unknown_clients_answer_Auth0s_404_body_exactly()
    {
        _endpoint.Get("unknown", withSecret: true).BodyText.Should().Be(
            """{"statusCode":404,"error":"Not Found","message":"The client does not exist","errorCode":"inexistent_client"}""");
    }

    [Theory]
    [InlineData("""{"app_type":"spa"}""", "Payload validation error: 'Missing required property: name'.")]
    [InlineData("""{"name":"a","app_type":"robot"}""", "Payload validation error: 'No enum match for: \"robot\"' on property app_type.")]
    [InlineData("""{"name":"a","grant_types":"client_credentials"}""", "Payload validation error: 'Expected type array but found type string' on property grant_types.")]
    public void Bad_bodies_answer_400(string body, string message)
    {
        var response = Create(body);

        response.Status.Should().Be(400);
        response.Parse().GetProperty("message").GetString().Should().Be(message);
    }

    [Fact]
    public void Patch_merges_and_unknown_fields_round_trip()
    {
        var id = Create("""{"name":"app","app_type":"regular_web","description":"kept"}""").Parse().GetProperty("client_id").GetString()!;

        var patched = _endpoint.Update(Json("PATCH", "/", """{"name":"renamed","callbacks":["https://app.example.com/cb"]}"""), id, withSecret: false, mayWriteSecret: false).Parse();

        patched.GetProperty("name").GetString().Should().Be("renamed");
        patched.GetProperty("description").GetString().Should().Be("kept");
        patched.GetProperty("callbacks")[0].GetString().Should().Be("https://app.example.com/cb");
        patched.GetProperty("app_type").GetString().Should().Be("regular_web");
    }

    [Fact]
    public void Delete_is_idempotent()
    {
        var id = Create("""{"name":"app"}""").Parse().GetProperty("client_id").GetString()!;

        _endpoint.Delete(id).Status.Should().Be(204);
        _endpoint.Delete(id).Status.Should().Be(204);
    }

    [Fact]
    public void An_application_created_without_a_kind_has_no_app_type()
    {
        Create("""{"name":"plain"}""").Parse().TryGetProperty("app_type", out _).Should().BeFalse();
    }
}
