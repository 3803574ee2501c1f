using System.Text;
using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing.Actions;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Testing.Tests.Endpoints;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>
/// RBAC in user tokens (AUTH0-USER-FLOWS section 5): which requested scopes a user's access token carries, and its
/// <c>permissions</c> claim, for RBAC on and off, each token dialect, and a permission held directly, through a role or
/// not at all. The tenant is assembled from its parts so that users can be seeded straight into its store.
/// </summary>
public class RbacTokenTests
{
    private const string Orders = "https://orders.example.com";
    private const string ClientId = "spa-client";
    private readonly TenantStore _store;
    private readonly FakeTenantApis _apis;
    private readonly FakeTenantRoles _roles;
    private readonly TenantTokens _tenantTokens;
    private readonly FakeTenantTokens _tokens;

    public RbacTokenTests()
    {
        var urls = TenantUrls.ForDomain("rbac.auth0.local");
        _store = new TenantStore(urls, new IdGenerator(7));
        _apis = new FakeTenantApis(_store);
        _roles = new FakeTenantRoles(_store);
        _tenantTokens = new TenantTokens(urls, TestClock.Fixed(), signingKey: null, new ActionRunner(_store, new FakeTenantActions(), urls));
        _tokens = new FakeTenantTokens(_store, _tenantTokens);
    }

    public enum Holding
    {
        Direct,
        ThroughRole,
        None,
    }

    public static TheoryData<bool, string, Holding, string, string?> Cases()
    {
        var cases = new TheoryData<bool, string, Holding, string, string?>();
        foreach (var dialect in new[] { "access_token", "access_token_authz", "rfc9068_profile", "rfc9068_profile_authz" })
        {
            var claim = dialect.EndsWith("_authz", StringComparison.Ordinal);
            foreach (var holding in Enum.GetValues<Holding>())
            {
                var held = holding != Holding.None;
                string? permissions = claim ? (held ? """["read:orders"]""" : "[]") : null;
                cases.Add(true, dialect, holding, held ? "openid profile read:orders" : "openid profile", permissions);
                cases.Add(false, dialect, holding, "openid profile read:orders write:orders", permissions);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_users_token_carries_the_scopes_rbac_allows_and_the_permissions_claim_of_its_dialect(
        bool enforce, string dialect, Holding holding, string expectedScope, string? expectedPermissions)
    {
        _apis.Add(Api.Define("Orders").WithIdentifier(Orders).EnforcePolicies(enforce).WithTokenDialect(TokenDialect.FromString(dialect))
            .WithScope("read:orders").WithScope("write:orders").Build());
        var ada = _store.AddUser("ada");
        if (holding == Holding.Direct)
        {
            _roles.GrantToUser(ada, Orders, "read:orders");
        }
        else if (holding == Holding.ThroughRole)
        {
            var reader = _roles.Add("orders-reader");
            _roles.Grant(reader, Orders, "read:orders");
            _roles.Assign(reader, ada);
        }

        var token = _tokens.ForUser(ClientId, Orders, ada, ["openid", "profile", "read:orders", "write:orders", "delete:orders"]).AccessToken;

        var payload = Payload(token.Value);
        payload.GetProperty("scope").GetString().Should().Be(expectedScope);
        token.Scopes.Should().Equal(expectedScope.Split(' '));
        if (expectedPermissions is null)
        {
            payload.TryGetProperty("permissions", out _).Should().BeFalse();
        }
        else
        {
            payload.GetProperty("permissions").GetRawText().Should().Be(expectedPermissions);
        }
    }

    [Fact]
    public void The_permissions_claim_lists_every_permission_of_the_user_whatever_was_requested()
    {
        _apis.Add(Api.Define("Orders").WithIdentifier(Orders).EnforcePolicies().WithTokenDialect(TokenDialect.AccessTokenAuthz)
            .WithScope("read:orders").WithScope("write:orders").Build());
        var ada = _store.AddUser("ada");
        _roles.GrantToUser(ada, Orders, "write:orders");
        var reader = _roles.Add("orders-reader");
        _roles.Grant(reader, Orders, "read:orders", "write:orders");
        _roles.Assign(reader, ada);

        var payload = Payload(_tokens.ForUser(ClientId, Orders, ada, ["read:orders"]).AccessToken.Value);

        payload.GetProperty("scope").GetString().Should().Be("read:orders");
        payload.GetProperty("permissions").GetRawText().Should().Be("""["write:orders","read:orders"]""");
        _roles.EffectivePermissions(ada, Orders).Should().Equal("write:orders", "read:orders");
    }

    [Fact]
    public void A_user_the_tenant_does_not_know_holds_no_permissions()
    {
        _apis.Add(Api.Define("Orders").WithIdentifier(Orders).EnforcePolicies().WithTokenDialect(TokenDialect.AccessTokenAuthz)
            .WithScope("read:orders").Build());

        var payload = Payload(_tokens.ForUser(ClientId, Orders, "auth0|stranger", ["openid", "read:orders"]).AccessToken.Value);

        payload.GetProperty("scope").GetString().Should().Be("openid");
        payload.GetProperty("permissions").GetRawText().Should().Be("[]");
        _roles.EffectivePermissions("auth0|stranger", Orders).Should().BeEmpty();
    }

    [Theory]
    [InlineData("RS256", true, true)]
    [InlineData("RS256", false, false)]
    [InlineData("HS256", true, false)]
    public void The_audience_names_userinfo_only_for_rs256_apis_when_openid_is_asked(string algorithm, bool openid, bool array)
    {
        _apis.Add(Api.Define("Orders").WithIdentifier(Orders).SignedWith(SigningAlgorithm.FromString(algorithm)).WithScope("read:orders").Build());
        string[] scopes = openid ? ["openid", "read:orders"] : ["read:orders"];

        var audience = Payload(_tokens.ForUser(ClientId, Orders, "auth0|1", scopes).AccessToken.Value).GetProperty("aud");

        if (array)
        {
            audience.EnumerateArray().Select(a => a.GetString()).Should().Equal(Orders, "https://rbac.auth0.local/userinfo");
        }
        else
        {
            audience.GetString().Should().Be(Orders);
        }
    }

    [Fact]
    public void A_refreshed_token_follows_the_users_permissions_at_the_time_of_the_refresh()
    {
        _apis.Add(Api.Define("Orders").WithIdentifier(Orders).EnforcePolicies().AllowOfflineAccess().WithScope("read:orders").Build());
        var spa = new ClientsEndpoint(_store).Create(Requests.Json("POST", "/api/v2/clients",
            """{"name":"spa","app_type":"spa","token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"]}"""))
            .Parse().GetProperty("client_id").GetString()!;
        var ada = _store.AddUser("ada");
        var tokens = _tokens.ForUser(spa, Orders, ada, ["offline_access", "read:orders"]);
        tokens.AccessToken.Scopes.Should().Equal("offline_access");
        _roles.GrantToUser(ada, Orders, "read:orders");
        var form = $"grant_type=refresh_token&client_id={spa}&refresh_token={Uri.EscapeDataString(tokens.RefreshToken!.Reveal())}";

        var refreshed = new TokenEndpoint(_store, _tenantTokens).Handle(new FakeRequest("POST", "/oauth/token", "",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Encoding.UTF8.GetBytes(form)));

        refreshed.Status.Should().Be(200, refreshed.BodyText);
        JsonDocument.Parse(refreshed.Body).RootElement.GetProperty("scope").GetString().Should().Be("offline_access read:orders");
    }

    [Fact]
    public void Deleting_a_user_revokes_its_refresh_tokens_so_a_user_made_again_with_the_id_inherits_none()
    {
        _apis.Add(Api.Define("Orders").WithIdentifier(Orders).AllowOfflineAccess().WithScope("read:orders").Build());
        var spa = new ClientsEndpoint(_store).Create(Requests.Json("POST", "/api/v2/clients",
            """{"name":"spa","app_type":"spa","token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"]}"""))
            .Parse().GetProperty("client_id").GetString()!;
        var ada = _store.AddUser("ada");
        var tokens = _tokens.ForUser(spa, Orders, ada, ["offline_access", "read:orders"]);
        new UsersEndpoint(_store, TestClock.Fixed()).Delete(ada).Status.Should().Be(204);
        _store.AddUser("ada").Should().Be(ada);
        var form = $"grant_type=refresh_token&client_id={spa}&refresh_token={Uri.EscapeDataString(tokens.RefreshToken!.Reveal())}";

        var refreshed = new TokenEndpoint(_store, _tenantTokens).Handle(new FakeRequest("POST", "/oauth/token", "",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Encoding.UTF8.GetBytes(form)));

        refreshed.Status.Should().Be(403, refreshed.BodyText);
        JsonDocument.Parse(refreshed.Body).RootElement.GetProperty("error").GetString().Should().Be("invalid_grant");
    }

    private static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1]))).RootElement.Clone();
}
