using System.Text.Json;
using Auth0ApiKit.Testing.Endpoints;
using static Auth0ApiKit.Testing.Tests.Endpoints.Requests;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

/// <summary>The global client "All Applications" that every Auth0 tenant has, as the Management API shows it.</summary>
public class GlobalClientTests
{
    private readonly ClientsEndpoint _clients = new(NewStore());
    private readonly string _workerId;

    public GlobalClientTests() =>
        _workerId = _clients.Create(Json("POST", "/", """{"name":"worker","app_type":"non_interactive"}""")).Parse().GetProperty("client_id").GetString()!;

    private JsonElement Global => _clients.List(Get("/", "?is_global=true"), withSecrets: true).Parse().EnumerateArray().Single();

    [Fact]
    public void Every_tenant_lists_it_last_as_a_real_tenant_does()
    {
        var clients = _clients.List(Get("/", "?include_totals=true"), withSecrets: true).Parse();

        clients.GetProperty("total").GetInt32().Should().Be(2);
        clients.GetProperty("clients")[0].GetProperty("client_id").GetString().Should().Be(_workerId);
        var global = clients.GetProperty("clients")[1];
        global.GetProperty("name").GetString().Should().Be("All Applications");
        global.GetProperty("global").GetBoolean().Should().BeTrue();
        global.GetProperty("client_id").GetString().Should().MatchRegex("^[A-Za-z0-9]{32}$");
        global.GetProperty("client_secret").GetString().Should().MatchRegex("^[A-Za-z0-9_-]{64}$");
        global.GetProperty("is_first_party").GetBoolean().Should().BeTrue();
        global.GetProperty("callbacks").GetArrayLength().Should().Be(0);
        foreach (var absent in new[] { "app_type", "grant_types", "token_endpoint_auth_method" })
        {
            global.TryGetProperty(absent, out _).Should().BeFalse($"the global client has no {absent}");
        }
    }

    [Fact]
    public void Is_global_selects_it_alone_or_leaves_it_out()
    {
        Global.GetProperty("name").GetString().Should().Be("All Applications");
        _clients.List(Get("/", "?is_global=false"), withSecrets: true).Parse().EnumerateArray().Select(c => c.GetProperty("client_id").GetString())
            .Should().Equal(_workerId);
    }

    [Fact]
    public void It_cannot_be_deleted()
    {
        var id = Global.GetProperty("client_id").GetString()!;

        _clients.Delete(id).BodyText.Should().Be(
            """{"statusCode":400,"error":"Bad Request","message":"Global client cannot be deleted.","errorCode":"operation_not_supported"}""");
        _clients.Get(id, withSecret: false).Status.Should().Be(200);
    }

    [Fact]
    public void It_is_patched_like_any_client_and_stays_global()
    {
        var id = Global.GetProperty("client_id").GetString()!;

        var patched = _clients.Update(Json("PATCH", "/", """{"callbacks":["https://app.example.com/cb"]}"""), id, withSecret: false, mayWriteSecret: false);

        patched.Status.Should().Be(200);
        patched.Parse().GetProperty("callbacks")[0].GetString().Should().Be("https://app.example.com/cb");
        Global.GetProperty("client_id").GetString().Should().Be(id);
    }

    [Fact]
    public void Each_tenant_has_its_own()
    {
        var other = new ClientsEndpoint(NewStore(seed: 2)).List(Get("/", "?is_global=true"), withSecrets: true).Parse()[0];

        other.GetProperty("client_id").GetString().Should().NotBe(Global.GetProperty("client_id").GetString());
        other.GetProperty("client_secret").GetString().Should().NotBe(Global.GetProperty("client_secret").GetString());
    }
}
