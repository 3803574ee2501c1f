using System.Net;
using System.Text.Json;
using Auth0ApiKit.Emulator.Admin;
using Auth0ApiKit.Emulator.Seeding;
using Auth0ApiKit.Wire;
using Microsoft.AspNetCore.Http;

namespace Auth0ApiKit.Emulator.Tests;

/// <summary>The admin endpoints: what .NET tests do through FakeTenant, for tests in any language.</summary>
public class AdminTests
{
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Put = HttpMethod.Put;
    private static readonly HttpMethod Delete = HttpMethod.Delete;

    private static Task<Emulator> StartWithOrdersAsync() => Emulator.StartAsync(o =>
    {
        o.Apis.Add(new SeedApi { ResourceServer = new ResourceServerDto { Identifier = "urn:orders", Scopes = [new() { Value = "read:orders" }], AllowOfflineAccess = true }, Source = "test" });
        o.Applications.Add(new SeedApplication { Client = new ClientDto { Name = "worker", ClientId = "worker-id", ClientSecret = "worker-secret" }, Source = "test" });
        o.Authorizations.Add(("worker", new SeedAuthorization { Api = "urn:orders" }, "test"));
    });

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData("192.168.0.7", false)]
    [InlineData("::ffff:10.1.2.3", false)]
    [InlineData("fe80::1", false)]
    public void Answers_loopback_callers_only(string address, bool allowed) =>
        new AdminAccess("token", [], []).IsAdmittedCaller(IPAddress.Parse(address)).Should().Be(allowed);

    [Fact]
    public async Task Refuses_a_remote_caller_with_403_and_changes_nothing()
    {
        await using var emulator = await Emulator.StartAsync();
        var admin = new AdminEndpoints(null!, emulator.Host.Clock, () => emulator.Credentials, new AdminAccess(emulator.AdminToken!, [], []));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        context.Request.Method = "POST";
        context.Request.Path = "/_emulator/reset";
        context.Request.Headers.Authorization = "Bearer " + emulator.AdminToken;
        context.Response.Body = new MemoryStream();

        await admin.HandleAsync(context);

        context.Response.StatusCode.Should().Be(403);
        context.Response.Body.Position = 0;
        JsonDocument.Parse(context.Response.Body).RootElement.GetProperty("message").GetString()
            .Should().Be("The admin endpoints answer loopback callers, and callers in an --admin-from network, only.");
    }

    [Fact]
    public async Task Moves_the_clock_that_stamps_tokens_and_puts_it_back()
    {
        await using var emulator = await StartWithOrdersAsync();
        var before = Emulator.Claims(await emulator.TokenAsync("worker-id", "worker-secret", "urn:orders")).GetProperty("iat").GetInt64();

        var advanced = await emulator.AdminJsonAsync(Post, "clock/advance", """{"seconds": 86400}""");
        var later = Emulator.Claims(await emulator.TokenAsync("worker-id", "worker-secret", "urn:orders")).GetProperty("iat").GetInt64();
        var set = await emulator.AdminJsonAsync(Put, "clock", """{"now": "2030-01-01T00:00:00Z"}""");
        var at2030 = Emulator.Claims(await emulator.TokenAsync("worker-id", "worker-secret", "urn:orders")).GetProperty("iat").GetInt64();
        var back = await emulator.AdminJsonAsync(Delete, "clock");

        advanced.GetProperty("offsetSeconds").GetDouble().Should().Be(86400);
        (later - before).Should().BeInRange(86400, 86400 + 60);
        set.GetProperty("now").GetDateTimeOffset().Should().BeCloseTo(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1));
        DateTimeOffset.FromUnixTimeSeconds(at2030).Year.Should().Be(2030);
        back.GetProperty("offsetSeconds").GetDouble().Should().Be(0);
    }

    [Fact]
    public async Task Rotates_the_signing_key_and_revokes_the_previous_one()
    {
        await using var emulator = await StartWithOrdersAsync();
        var first = Emulator.Header(await emulator.TokenAsync("worker-id", "worker-secret", "urn:orders")).GetProperty("kid").GetString();

        var rotated = await emulator.AdminJsonAsync(Post, "keys/rotate");
        var during = await Json.ReadAsync(await emulator.Http.GetAsync(".well-known/jwks.json"));
        var second = Emulator.Header(await emulator.TokenAsync("worker-id", "worker-secret", "urn:orders")).GetProperty("kid").GetString();
        await emulator.AdminJsonAsync(Post, "keys/revoke-previous");
        var after = await Json.ReadAsync(await emulator.Http.GetAsync(".well-known/jwks.json"));

        second.Should().Be(rotated.GetProperty("kid").GetString()).And.NotBe(first);
        during.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).Should().BeEquivalentTo([first, second]);
        after.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).Should().Equal(second);
    }

    [Fact]
    public async Task Scripts_faults_and_clears_them()
    {
        await using var emulator = await StartWithOrdersAsync();

        await emulator.AdminJsonAsync(Post, "faults", """{"method":"POST","path":"/oauth/token","fault":{"type":"rate_limited","retryAfterSeconds":3},"times":2}""");
        var pending = await emulator.AdminJsonAsync(Get, "faults");
        using var limited = await emulator.Http.PostAsync("oauth/token", new FormUrlEncodedContent([]));
        await emulator.AdminJsonAsync(Delete, "faults");
        await emulator.AdminJsonAsync(Post, "faults", """{"path":"/.well-known/jwks.json","fault":{"type":"server_error","status":503,"afterCommit":true}}""");
        using var unavailable = await emulator.Http.GetAsync(".well-known/jwks.json");
        await emulator.AdminJsonAsync(Post, "faults", """{"path":"/.well-known/jwks.json","fault":{"type":"proxy_html"}}""");
        using var proxy = await emulator.Http.GetAsync(".well-known/jwks.json");

        pending.GetProperty("pendingScriptedFaults").GetInt32().Should().Be(2);
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(3));
        emulator.Host.Tenant.Faults.PendingScriptedFaults.Should().Be(0, "DELETE /faults removed the second one");
        unavailable.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        proxy.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        proxy.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
    }

    [Fact]
    public async Task Sets_random_faults_and_a_rate_limit()
    {
        await using var emulator = await StartWithOrdersAsync();

        await emulator.AdminJsonAsync(Post, "faults/random", """{"seed":7,"path":"/.well-known/**","faults":[{"probability":1,"fault":{"type":"server_error"}}]}""");
        using var failing = await emulator.Http.GetAsync(".well-known/openid-configuration");
        await emulator.AdminJsonAsync(Delete, "faults");
        await emulator.AdminJsonAsync(Put, "faults/rate-limit", """{"limit":1,"periodSeconds":3600}""");
        using var first = await emulator.Http.PostAsync("oauth/token", new FormUrlEncodedContent([]));
        using var second = await emulator.Http.PostAsync("oauth/token", new FormUrlEncodedContent([]));

        failing.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        first.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the first request passes the limit and is answered normally");
        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        second.Headers.GetValues("x-ratelimit-remaining").Should().Equal("0");
    }

    [Fact]
    public async Task Reads_and_clears_the_journal_with_secrets_redacted()
    {
        await using var emulator = await StartWithOrdersAsync();
        await emulator.TokenAsync("worker-id", "worker-secret", "urn:orders");
        await emulator.Http.GetAsync(".well-known/jwks.json");

        var all = await emulator.AdminJsonAsync(Get, "journal");
        var tokens = await emulator.AdminJsonAsync(Get, "journal?method=POST&path=/oauth/token");
        await emulator.AdminJsonAsync(Delete, "journal");
        var cleared = await emulator.AdminJsonAsync(Get, "journal");

        all.GetProperty("entries").GetArrayLength().Should().Be(2);
        var entry = tokens.GetProperty("entries").EnumerateArray().Single();
        entry.GetProperty("status").GetInt32().Should().Be(200);
        entry.GetProperty("requestBody").GetString().Should().Contain("client_secret=***").And.NotContain("worker-secret");
        JsonDocument.Parse(entry.GetProperty("responseBody").GetString()!).RootElement.GetProperty("access_token").GetString().Should().Be("***");
        cleared.GetProperty("entries").GetArrayLength().Should().Be(0);
        cleared.GetProperty("totalRequests").GetInt64().Should().Be(2);
    }

    [Fact]
    public async Task Resets_to_the_seed_with_the_same_credentials_keys_and_clock()
    {
        await using var emulator = await StartWithOrdersAsync();
        var kid = Emulator.Header(await emulator.ManagementTokenAsync()).GetProperty("kid").GetString();
        emulator.Host.Tenant.Apis.Add(Apis.Api.Define("Extra").WithIdentifier("urn:extra").Build());
        await emulator.AdminJsonAsync(Post, "keys/rotate");
        await emulator.AdminJsonAsync(Post, "clock/advance", """{"seconds": 60}""");
        await emulator.AdminJsonAsync(Post, "faults", """{"path":"/oauth/token","fault":{"type":"timeout"}}""");

        var status = await emulator.AdminJsonAsync(Post, "reset");

        status.GetProperty("resets").GetInt32().Should().Be(1);
        emulator.Host.Tenant.Apis.Find("urn:extra").Should().BeNull();
        emulator.Host.Tenant.Apis.Find("urn:orders").Should().NotBeNull();
        emulator.Host.Clock.Offset.Should().Be(TimeSpan.Zero);
        emulator.Host.Tenant.Faults.PendingScriptedFaults.Should().Be(0);
        var token = await emulator.TokenAsync("worker-id", "worker-secret", "urn:orders");
        Emulator.Header(token).GetProperty("kid").GetString().Should().Be(kid, "the initial signing key is back");
        Emulator.Claims(await emulator.ManagementTokenAsync()).GetProperty("azp").GetString().Should().Be(emulator.Credentials.Management!.ClientId);
    }

    [Fact]
    public async Task Mints_application_and_user_tokens_without_the_token_endpoint()
    {
        await using var emulator = await StartWithOrdersAsync();

        var application = await emulator.AdminJsonAsync(Post, "tokens/application", """{"clientId":"worker-id","api":"urn:orders","scopes":["read:orders","extra"]}""");
        var user = await emulator.AdminJsonAsync(Post, "tokens/user",
            """{"clientId":"worker-id","api":"urn:orders","userId":"auth0|123","scopes":["read:orders","offline_access"],"claims":{"https://example.com/tier":"gold"}}""");

        Emulator.Claims(application.GetProperty("access_token").GetString()!).GetProperty("scope").GetString().Should().Be("read:orders extra");
        var claims = Emulator.Claims(user.GetProperty("access_token").GetString()!);
        claims.GetProperty("sub").GetString().Should().Be("auth0|123");
        claims.GetProperty("https://example.com/tier").GetString().Should().Be("gold");
        user.GetProperty("refresh_token").GetString().Should().NotBeNullOrEmpty("the API allows offline access and offline_access was asked for");
        user.GetProperty("expires_in").GetInt64().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Serves_the_credentials_and_the_status()
    {
        await using var emulator = await StartWithOrdersAsync();

        var credentials = await emulator.AdminJsonAsync(Get, "credentials");
        var status = await emulator.AdminJsonAsync(Get, "status");

        credentials.GetProperty("applications")[0].GetProperty("clientSecret").GetString().Should().Be("worker-secret");
        credentials.GetProperty("adminUrl").GetString().Should().Be(emulator.Host.BaseUri + "_emulator/");
        status.GetProperty("issuer").GetString().Should().Be(emulator.Host.BaseUri.AbsoluteUri);
    }

    [Theory]
    [InlineData("POST", "faults", """{"path":"/oauth/token","fault":{"type":"meteor"}}""", 400, "fault.type must be rate_limited")]
    [InlineData("POST", "faults", """{"path":"/oauth/token","fault":{"type":"server_error","status":404}}""", 400, "'fault.status' must be 408 or 500 to 599, not 404.")]
    [InlineData("POST", "faults", """{"fault":{"type":"timeout"}}""", 400, "'path' (such as /api/v2/resource-servers/*) is required.")]
    [InlineData("POST", "faults", """{"path":"/x","fault":{"type":"timeout"},"colour":"red"}""", 400, "The body is not valid JSON for this call (at $.colour).")]
    [InlineData("POST", "faults", "not json", 400, "The body is not valid JSON for this call")]
    [InlineData("POST", "faults/random", """{"seed":1,"faults":[{"probability":2,"fault":{"type":"timeout"}}]}""", 400, "Each probability must be between 0 and 1")]
    [InlineData("PUT", "faults/rate-limit", """{"limit":0,"periodSeconds":1}""", 400, "'limit' must be from 1 to 1000000, not 0.")]
    [InlineData("POST", "clock/advance", """{}""", 400, "'seconds' is required.")]
    [InlineData("POST", "tokens/application", """{"clientId":"worker-id","api":"urn:nowhere"}""", 404, "Service not found: urn:nowhere")]
    [InlineData("GET", "reset", null, 405, "GET is not allowed on /_emulator/reset.")]
    [InlineData("GET", "nothing-here", null, 404, "There is no admin endpoint /_emulator/nothing-here.")]
    public async Task Refuses_bad_admin_calls_with_a_status_and_a_message(string method, string route, string? body, int status, string message)
    {
        await using var emulator = await StartWithOrdersAsync();

        using var response = await emulator.AdminAsync(new HttpMethod(method), route, body);

        ((int)response.StatusCode).Should().Be(status);
        (await Json.ReadAsync(response)).GetProperty("message").GetString().Should().Contain(message);
    }
}
