using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Testing.Actions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Actions;

/// <summary>Credentials-exchange and post-login Actions: their events, the claims and scopes they set, their denials.</summary>
public class ActionsTests
{
    private const string Orders = "https://orders.example.com";
    private readonly FakeTenant _tenant = TestTenant.New();
    private readonly HttpClient _http;
    private readonly FakeApplication _worker;
    private readonly FakeApplication _web;

    public ActionsTests()
    {
        _http = _tenant.CreateHttpClient();
        _tenant.Apis.Add(Api.Define("Orders").WithIdentifier(Orders).AllowOfflineAccess()
            .WithScope("read:orders").WithScope("write:orders").Build());
        _worker = _tenant.Applications.Add(Application.Define("worker", ApplicationKind.MachineToMachine).Build(), "worker-id",
            new Secret("worker-secret-0123456789"), JsonElement.Parse("""{"client_metadata":{"tenant":"acme"}}"""));
        _tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders"]);
        _web = _tenant.Applications.Add(Application.Define("web", ApplicationKind.RegularWeb).Build());
    }

    private Task<HttpResponseMessage> ClientCredentials(string audience, string? scope = null) =>
        _http.PostAsync("oauth/token", Form([("grant_type", "client_credentials"), ("client_id", _worker.ClientId),
            ("client_secret", _worker.ClientSecret.Reveal()), ("audience", audience), .. scope is null ? [] : new[] { ("scope", scope) }])).WaitAsync(Bound);

    private static JsonElement Payload(string token) =>
        JsonElement.Parse(Base64UrlEncoder.DecodeBytes(new JsonWebToken(token).EncodedPayload));

    private static async Task<JsonElement> PayloadOf(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return Payload((await Json(response)).GetProperty("access_token").GetString()!);
    }

    [Fact]
    public async Task A_credentials_exchange_action_sees_the_application_the_api_and_the_request_and_its_claims_land_in_the_token()
    {
        CredentialsExchangeEvent? seen = null;
        _tenant.Actions.OnCredentialsExchange((e, api) =>
        {
            seen = e;
            api.AccessToken.SetCustomClaim("https://acme.example/tenant", e.Client.Metadata["tenant"])
                .SetCustomClaim("https://acme.example/level", 3)
                .SetCustomClaim("https://acme.example/ratio", 0.5)
                .SetCustomClaim("https://acme.example/beta", true)
                .SetCustomClaim("https://acme.example/regions", ["eu", "us"])
                .SetCustomClaim("https://acme.example/plan", new JsonObject { ["name"] = "gold", ["seats"] = 5 })
                .SetCustomClaim("https://acme.example/raw", JsonElement.Parse("""[1,{"a":null}]"""))
                .SetCustomClaim("private_claim", "kept on the tenant's own APIs");
        });

        var payload = await PayloadOf(await ClientCredentials(Orders, "read:orders write:orders"));

        seen!.Client.ClientId.Should().Be("worker-id");
        seen.Client.Name.Should().Be("worker");
        seen.Client.Metadata.Should().Equal(new Dictionary<string, string> { ["tenant"] = "acme" });
        seen.ResourceServer.Identifier.Should().Be(Orders);
        seen.Request.Scope.Should().Be("read:orders write:orders", "the request's scope parameter, as sent");
        seen.Scopes.Should().Equal(["read:orders"], "the granted scopes");
        payload.GetProperty("https://acme.example/tenant").GetString().Should().Be("acme");
        payload.GetProperty("https://acme.example/level").GetInt32().Should().Be(3);
        payload.GetProperty("https://acme.example/ratio").GetDouble().Should().Be(0.5);
        payload.GetProperty("https://acme.example/beta").GetBoolean().Should().BeTrue();
        payload.GetProperty("https://acme.example/regions").GetRawText().Should().Be("""["eu","us"]""");
        payload.GetProperty("https://acme.example/plan").GetRawText().Should().Be("""{"name":"gold","seats":5}""");
        payload.GetProperty("https://acme.example/raw").GetRawText().Should().Be("""[1,{"a":null}]""");
        payload.GetProperty("private_claim").GetString().Should().Be("kept on the tenant's own APIs");
        payload.GetProperty("sub").GetString().Should().Be("worker-id@clients");
    }

    [Fact]
    public void Tokens_minted_directly_run_the_same_actions()
    {
        var requests = new List<string?>();
        _tenant.Actions.OnCredentialsExchange((e, api) =>
        {
            requests.Add(e.Request.Scope);
            api.AccessToken.SetCustomClaim("https://acme.example/minted", true);
        });

        var granted = _tenant.Tokens.ForApplication(_worker.ClientId, Orders);
        var chosen = _tenant.Tokens.ForApplication("any-client", Orders, ["write:orders"]);

        Payload(granted.Value).GetProperty("https://acme.example/minted").GetBoolean().Should().BeTrue();
        Payload(chosen.Value).GetProperty("https://acme.example/minted").GetBoolean().Should().BeTrue();
        requests.Should().Equal([null, "write:orders"], "the scopes a test passes stand for the request's scope parameter");
    }

    [Fact]
    public async Task Restricted_claims_are_left_out_and_the_token_is_still_issued()
    {
        _tenant.Actions.OnCredentialsExchange((_, api) => api.AccessToken
            .SetCustomClaim("sub", "someone-else").SetCustomClaim("roles", ["admin"]).SetCustomClaim("permissions", ["write:orders"])
            .SetCustomClaim("scope", "write:orders").SetCustomClaim("org_id", "org_1").SetCustomClaim("x5t#S256", "x")
            .SetCustomClaim("https://acme.example/roles", ["admin"]));

        var payload = await PayloadOf(await ClientCredentials(Orders));

        payload.GetProperty("sub").GetString().Should().Be("worker-id@clients");
        payload.GetProperty("scope").GetString().Should().Be("read:orders");
        payload.TryGetProperty("roles", out _).Should().BeFalse();
        payload.TryGetProperty("permissions", out _).Should().BeFalse();
        payload.TryGetProperty("org_id", out _).Should().BeFalse();
        payload.TryGetProperty("x5t#S256", out _).Should().BeFalse();
        payload.GetProperty("https://acme.example/roles").GetRawText().Should().Be("""["admin"]""", "a namespaced name is never restricted");
    }

    [Fact]
    public async Task Tokens_for_the_management_api_keep_namespaced_claims_only()
    {
        _tenant.Authorizations.Authorize(_worker.ClientId, _tenant.Urls.ManagementApiAudience, ["read:clients"]);
        _tenant.Actions.OnCredentialsExchange((_, api) => api.AccessToken
            .SetCustomClaim("tenant", "acme").SetCustomClaim("https://acme.example/tenant", "acme"));

        var management = await PayloadOf(await ClientCredentials(_tenant.Urls.ManagementApiAudience));
        var orders = await PayloadOf(await ClientCredentials(Orders));

        management.TryGetProperty("tenant", out _).Should().BeFalse("an Auth0 API's tokens carry no private, non-namespaced claims");
        management.GetProperty("https://acme.example/tenant").GetString().Should().Be("acme");
        orders.GetProperty("tenant").GetString().Should().Be("acme", "the tenant's own APIs take non-namespaced claims");
    }

    [Theory]
    [InlineData(CredentialsExchangeDenial.InvalidRequest, 400, "invalid_request")]
    [InlineData(CredentialsExchangeDenial.InvalidScope, 400, "invalid_scope")]
    [InlineData(CredentialsExchangeDenial.ServerError, 500, "server_error")]
    public async Task A_denied_credentials_exchange_answers_the_oauth_error_and_later_actions_do_not_run(
        CredentialsExchangeDenial code, int status, string error)
    {
        var later = 0;
        _tenant.Actions.OnCredentialsExchange((_, api) => api.Deny(code, "Not from here."));
        _tenant.Actions.OnCredentialsExchange((_, _) => later++);

        var response = await ClientCredentials(Orders);

        ((int)response.StatusCode).Should().Be(status);
        (await Text(response)).Should().Be($$"""{"error":"{{error}}","error_description":"Not from here."}""");
        later.Should().Be(0);
        var minted = () => _tenant.Tokens.ForApplication(_worker.ClientId, Orders);
        minted.Should().Throw<FakeTenantException>().Which.StatusCode.Should().Be(status);
    }

    [Fact]
    public async Task More_than_100_kb_of_custom_claims_fail_the_request()
    {
        using var registration = _tenant.Actions.OnCredentialsExchange((_, api) =>
            api.AccessToken.SetCustomClaim("https://acme.example/big", new string('x', 100 * 1024)));

        var refused = await ClientCredentials(Orders);
        registration.Dispose();
        _tenant.Actions.OnCredentialsExchange((_, api) =>
            api.AccessToken.SetCustomClaim("https://acme.example/big", new string('x', (100 * 1024) - 64)));
        var accepted = await ClientCredentials(Orders);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(refused)).GetProperty("error").GetString().Should().Be("invalid_request");
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public void A_post_login_action_sees_a_stored_users_roles_by_name()
    {
        var user = _tenant.Users.Add("ann@example.com", "Correct-Horse-7");
        var admins = _tenant.Roles.Add("orders-admin");
        _tenant.Roles.Add("unassigned");
        _tenant.Roles.Assign(admins, user.UserId);
        IReadOnlyList<string>? roles = null;
        _tenant.Actions.OnPostLogin((e, api) =>
        {
            roles = e.Authorization.Roles;
            api.AccessToken.SetCustomClaim("https://acme.example/roles", e.Authorization.Roles);
        });

        var token = _tenant.Tokens.ForUser(_web.ClientId, Orders, user.UserId, ["read:orders"]).AccessToken;

        roles.Should().Equal("orders-admin");
        Payload(token.Value).GetProperty("https://acme.example/roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("orders-admin");
    }

    [Fact]
    public void A_post_login_action_sees_the_user_and_sets_claims_and_scopes_of_the_users_token()
    {
        PostLoginEvent? seen = null;
        _tenant.Actions.OnPostLogin((e, api) =>
        {
            seen = e;
            api.AccessToken.AddScope("write:orders").RemoveScope("openid").SetCustomClaim("https://acme.example/user", e.User.UserId);
            api.IdToken.SetCustomClaim("https://acme.example/id-only", true);
        });

        var token = _tenant.Tokens.ForUser(_web.ClientId, Orders, "auth0|42", ["openid", "read:orders"]).AccessToken;

        seen!.User.UserId.Should().Be("auth0|42");
        seen.User.IsStored.Should().BeFalse("the tenant holds no such user");
        seen.User.Email.Should().BeNull();
        seen.User.AppMetadata.GetRawText().Should().Be("{}");
        seen.User.UserMetadata.GetRawText().Should().Be("{}");
        seen.Authorization.Roles.Should().BeEmpty();
        seen.Client.ClientId.Should().Be(_web.ClientId);
        seen.Client.Name.Should().Be("web");
        seen.ResourceServer.Identifier.Should().Be(Orders);
        seen.Request.Scope.Should().Be("openid read:orders");
        token.Scopes.Should().Equal("read:orders", "write:orders");
        var payload = Payload(token.Value);
        payload.GetProperty("https://acme.example/user").GetString().Should().Be("auth0|42");
        payload.TryGetProperty("https://acme.example/id-only", out _).Should().BeFalse("ID token claims stay out of access tokens");
        payload.GetProperty("aud").GetString().Should().Be(Orders, "without openid the audience is the API alone");
    }

    [Fact]
    public async Task A_denied_login_fails_the_token_and_the_refresh_as_auth0_answers()
    {
        var tokens = _tenant.Tokens.ForUser(_web.ClientId, Orders, "auth0|42", ["offline_access"]);
        _tenant.Actions.OnPostLogin((e, api) => api.Deny("Blocked user."));

        var minted = () => _tenant.Tokens.ForUser(_web.ClientId, Orders, "auth0|42", ["offline_access"]);
        var refreshed = await _http.PostAsync("oauth/token", Form(("grant_type", "refresh_token"), ("client_id", _web.ClientId),
            ("client_secret", _web.ClientSecret.Reveal()), ("refresh_token", tokens.RefreshToken!.Reveal()))).WaitAsync(Bound);

        minted.Should().Throw<FakeTenantException>().Which.StatusCode.Should().Be(403);
        refreshed.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Text(refreshed)).Should().Be("""{"error":"access_denied","error_description":"Blocked user."}""");
    }

    [Fact]
    public void Removing_an_action_stops_it_and_removing_twice_does_nothing_more()
    {
        var calls = 0;
        var first = _tenant.Actions.OnCredentialsExchange((_, _) => calls++);
        using var second = _tenant.Actions.OnCredentialsExchange((_, _) => calls += 10);

        first.Dispose();
        first.Dispose();
        _tenant.Tokens.ForApplication(_worker.ClientId, Orders);

        calls.Should().Be(10);
    }

    [Fact]
    public void Actions_added_and_removed_from_many_threads_are_all_kept_or_all_gone()
    {
        const int Count = 200;
        var calls = 0;
        var registrations = new IDisposable[Count];

        Parallel.For(0, Count, i => registrations[i] = i % 2 == 0
            ? _tenant.Actions.OnCredentialsExchange((_, _) => Interlocked.Increment(ref calls))
            : _tenant.Actions.OnPostLogin((_, _) => Interlocked.Increment(ref calls)));
        _tenant.Tokens.ForApplication(_worker.ClientId, Orders);
        _tenant.Tokens.ForUser(_web.ClientId, Orders, "auth0|1", []);
        var afterAdding = calls;
        Parallel.ForEach(registrations, r => r.Dispose());
        _tenant.Tokens.ForApplication(_worker.ClientId, Orders);
        _tenant.Tokens.ForUser(_web.ClientId, Orders, "auth0|1", []);

        afterAdding.Should().Be(Count);
        calls.Should().Be(Count, "no Action is left once every one is removed");
        _tenant.Actions.ToString().Should().Be("Actions: 0 credentials-exchange, 0 post-login");
    }

    [Fact]
    public void Claim_values_are_checked_when_set()
    {
        _tenant.Actions.OnCredentialsExchange((_, api) =>
        {
            var claims = api.AccessToken;
            ((Action)(() => claims.SetCustomClaim("", "x"))).Should().Throw<ArgumentException>();
            ((Action)(() => claims.SetCustomClaim("n", double.NaN))).Should().Throw<ArgumentException>();
            ((Action)(() => claims.SetCustomClaim("n", default(JsonElement)))).Should().Throw<ArgumentException>();
            ((Action)(() => claims.SetCustomClaim("n", (JsonNode?)null))).Should().NotThrow("null is a JSON value");
            ((Action)(() => api.Deny((CredentialsExchangeDenial)42, "x"))).Should().Throw<ArgumentException>();
        });

        Payload(_tenant.Tokens.ForApplication(_worker.ClientId, Orders).Value).GetProperty("n").ValueKind.Should().Be(JsonValueKind.Null);
    }
}
