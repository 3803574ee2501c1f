using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Auth0ApiKit.Emulator.Tests;

/// <summary>
/// Who may use the admin endpoints: loopback callers (or <c>--admin-from</c> networks) with a loopback, IP-literal or
/// configured <c>Host</c>, no foreign origin, JSON bodies and the per-run admin token. Over real sockets where a browser
/// would be.
/// </summary>
public class AdminAccessTests
{
    private const string Fault = """{"path":"/oauth/token","fault":{"type":"timeout"}}""";

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:4780")]
    [InlineData("localhost.")]
    [InlineData("app.localhost")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task Refuses_a_rebound_host_name_with_403_and_no_secret(string host)
    {
        await using var emulator = await Emulator.StartAsync();
        using var request = emulator.AdminRequest(HttpMethod.Get, "credentials");
        request.Headers.Host = host;

        using var response = await emulator.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        body.Should().NotContain(emulator.Credentials.Management!.ClientSecret).And.NotContain(emulator.AdminToken!);
        JsonDocument.Parse(body).RootElement.GetProperty("error").GetString().Should().Be("forbidden");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LocalHost:8080")]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("[::1]:8080")]
    [InlineData("172.17.0.2:4780")]
    [InlineData("dev-abc.us.auth0.com")]
    [InlineData("emulator:4780")]
    public async Task Accepts_a_loopback_IP_literal_or_configured_host(string host)
    {
        await using var emulator = await Emulator.StartAsync("--domain", "dev-abc.us.auth0.com", "--admin-host", "emulator");
        using var request = emulator.AdminRequest(HttpMethod.Get, "status");
        request.Headers.Host = host.Replace("{port}", emulator.Host.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await emulator.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "http://localhost:3000")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task Refuses_a_cross_origin_request_with_403_and_changes_nothing(string header, string value)
    {
        await using var emulator = await Emulator.StartAsync();
        using var request = emulator.AdminRequest(HttpMethod.Post, "faults", Fault);
        request.Headers.Add(header, value);

        using var response = await emulator.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Json.ReadAsync(response)).GetProperty("error").GetString().Should().Be("forbidden");
        emulator.Host.Tenant.Faults.PendingScriptedFaults.Should().Be(0);
    }

    [Fact]
    public async Task Refuses_a_cross_origin_text_plain_post_as_a_page_would_send_it()
    {
        await using var emulator = await Emulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "_emulator/faults") { Content = new StringContent(Fault, Encoding.UTF8, "text/plain") };
        request.Headers.Add("Origin", "http://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await emulator.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        emulator.Host.Tenant.Faults.PendingScriptedFaults.Should().Be(0);
    }

    [Fact]
    public async Task Accepts_a_request_from_its_own_origin()
    {
        await using var emulator = await Emulator.StartAsync();
        using var request = emulator.AdminRequest(HttpMethod.Post, "faults", Fault);
        request.Headers.Add("Origin", emulator.Host.BaseUri.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await emulator.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        emulator.Host.Tenant.Faults.PendingScriptedFaults.Should().Be(1);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task Refuses_a_body_that_is_not_JSON_with_415_and_changes_nothing(string? contentType)
    {
        await using var emulator = await Emulator.StartAsync();
        using var request = emulator.AdminRequest(HttpMethod.Post, "faults");
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Fault));
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await emulator.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await Json.ReadAsync(response)).GetProperty("message").GetString().Should().Contain("application/json");
        emulator.Host.Tenant.Faults.PendingScriptedFaults.Should().Be(0);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON;charset=UTF-8")]
    public async Task Accepts_a_JSON_body_with_or_without_parameters(string contentType)
    {
        await using var emulator = await Emulator.StartAsync();
        using var request = emulator.AdminRequest(HttpMethod.Post, "faults");
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Fault));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await emulator.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer wrong-token-wrong-token-wrong-token-wrong")]
    [InlineData("Bearer {token}x")]
    [InlineData("Basic {token}")]
    [InlineData("bearer {token} extra")]
    public async Task Refuses_a_missing_or_wrong_admin_token_with_401_a_bearer_challenge_and_changes_nothing(string? authorization)
    {
        await using var emulator = await Emulator.StartAsync();
        using var request = emulator.AdminRequest(HttpMethod.Post, "clock/advance", """{"seconds": 60}""");
        request.Headers.Authorization = null;
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization.Replace("{token}", emulator.AdminToken, StringComparison.Ordinal));
        }

        using var response = await emulator.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be("Bearer");
        JsonDocument.Parse(body).RootElement.GetProperty("error").GetString().Should().Be("unauthorized");
        body.Should().NotContain(emulator.AdminToken!);
        emulator.Host.Clock.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public async Task Makes_a_random_admin_token_each_run_and_serves_it_only_to_its_holder()
    {
        await using var first = await Emulator.StartAsync();
        await using var second = await Emulator.StartAsync();

        var credentials = await first.AdminJsonAsync(HttpMethod.Get, "credentials");

        first.AdminToken.Should().MatchRegex("^[A-Za-z0-9_-]{43}$", "32 random bytes in base64url");
        System.Buffers.Text.Base64Url.DecodeFromChars(first.AdminToken).Should().HaveCount(32);
        second.AdminToken.Should().NotBe(first.AdminToken);
        credentials.GetProperty("adminToken").GetString().Should().Be(first.AdminToken);
        var status = await first.AdminJsonAsync(HttpMethod.Get, "status");
        status.GetRawText().Should().NotContain(first.AdminToken!);
    }

    [Fact]
    public async Task Uses_a_fixed_admin_token_from_the_command_line()
    {
        const string token = "ci-admin-token-0123456789abcdefghijklmnop";
        await using var emulator = await Emulator.StartAsync("--admin-token", token);

        using var response = await emulator.AdminAsync(HttpMethod.Get, "status");

        emulator.AdminToken.Should().Be(token);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.2.3", true)]
    [InlineData("172.17.0.0/16", "172.17.0.1", true)]
    [InlineData("172.17.0.0/16", "172.18.0.1", false)]
    [InlineData("192.0.2.7", "192.0.2.7", true)]
    [InlineData("192.0.2.7", "192.0.2.8", false)]
    [InlineData("fd00::/8", "fd12::5", true)]
    [InlineData("fd00::/8", "fe80::1", false)]
    [InlineData("10.0.0.0/8,fd00::/8", "::ffff:10.9.9.9", true)]
    [InlineData("0.0.0.0/0", "203.0.113.9", true)]
    [InlineData(null, "10.1.2.3", false)]
    public async Task Admits_a_caller_outside_loopback_only_from_an_admin_from_network_and_only_with_the_token(
        string? networks, string remote, bool admitted)
    {
        await using var emulator = await Emulator.StartAsync(networks is null ? Array.Empty<string>() : ["--admin-from", networks]);

        var withToken = await HandleAsync(emulator, remote, emulator.AdminToken);
        var withoutToken = await HandleAsync(emulator, remote, token: null);

        withToken.Should().Be(admitted ? 200 : 403);
        withoutToken.Should().Be(admitted ? 401 : 403);
        emulator.Host.Tenant.Journal.TotalRequests.Should().Be(0);
    }

    [Fact]
    public async Task Admits_a_loopback_caller_without_admin_from()
    {
        await using var emulator = await Emulator.StartAsync();

        (await HandleAsync(emulator, "127.0.0.1", emulator.AdminToken)).Should().Be(200);
        (await HandleAsync(emulator, "::1", emulator.AdminToken)).Should().Be(200);
    }

    /// <summary>
    /// One admin request from <paramref name="remote"/> (tests cannot bind a non-loopback address everywhere), as
    /// <c>docker run -p 8080:4780</c> delivers it: <c>Host: localhost:8080</c> from the bridge's address.
    /// </summary>
    private static async Task<int> HandleAsync(Emulator emulator, string remote, string? token)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost:8080");
        context.Request.Path = "/_emulator/status";
        if (token is not null)
        {
            context.Request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token).ToString();
        }

        context.Response.Body = new MemoryStream();
        await emulator.Host.HandleAsync(context).WaitAsync(Bound);
        return context.Response.StatusCode;
    }
}
