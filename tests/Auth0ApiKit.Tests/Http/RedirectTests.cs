using Auth0ApiKit.Management;
using Microsoft.Extensions.DependencyInjection;

namespace Auth0ApiKit.Tests.Http;

/// <summary>
/// Credentials never follow a redirect: a token endpoint or Management API that answers 3xx towards another host gets
/// a typed <see cref="Auth0Exception"/> naming the status and the target host, and the other host gets nothing. Over
/// real sockets: the redirect goes to a second loopback listener.
/// </summary>
public sealed class RedirectTests
{
    private const string Secret = "s3cr3t-redirect-test-value-0123456789";

    [Theory]
    [InlineData(307, "Temporary Redirect")]
    [InlineData(308, "Permanent Redirect")]
    [InlineData(302, "Found")]
    public async Task A_token_endpoint_redirect_never_resends_the_client_secret_from_a_client_built_from_options(int status, string reason)
    {
        await using var elsewhere = LoopbackServer.Answering(LoopbackServer.Json(200, "OK", "{}"));
        await using var tenant = LoopbackServer.Answering(RedirectTo(status, reason, elsewhere));
        using var client = new Auth0ManagementClient(Options(tenant));

        var call = () => client.Tokens.GetTokenAsync(client.Urls.ManagementApiAudience).AsTask().Within();

        var thrown = (await call.Should().ThrowAsync<Auth0Exception>()).Which;
        thrown.Message.Should().Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain(elsewhere.Authority).And.NotContain("steal").And.NotContain("code=");
        thrown.StatusCode.Should().Be((System.Net.HttpStatusCode)status);
        elsewhere.Requests.Should().BeEmpty("the client secret must never reach another host");
        tenant.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_token_endpoint_redirect_never_resends_the_client_secret_from_AddAuth0ApiKit()
    {
        await using var elsewhere = LoopbackServer.Answering(LoopbackServer.Json(200, "OK", "{}"));
        await using var tenant = LoopbackServer.Answering(RedirectTo(307, "Temporary Redirect", elsewhere));
        var services = new ServiceCollection();
        services.AddAuth0ApiKit(options => Configure(options, tenant));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<Auth0ManagementClient>();

        var call = () => client.Tokens.GetTokenAsync(client.Urls.ManagementApiAudience).AsTask().Within();

        (await call.Should().ThrowAsync<Auth0Exception>()).Which.Message.Should().Contain("307").And.Contain(elsewhere.Authority);
        elsewhere.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_primary_handler_the_app_configured_for_every_HttpClient_follows_no_redirect_with_Auth0_credentials()
    {
        await using var elsewhere = LoopbackServer.Answering(LoopbackServer.Json(200, "OK", "{}"));
        await using var tenant = LoopbackServer.Answering(RedirectTo(308, "Permanent Redirect", elsewhere));
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true }));
        services.AddAuth0ApiKit(options => Configure(options, tenant));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<Auth0ManagementClient>();

        var call = () => client.Tokens.GetTokenAsync(client.Urls.ManagementApiAudience).AsTask().Within();

        await call.Should().ThrowAsync<Auth0Exception>();
        elsewhere.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_Management_API_redirect_is_an_Auth0Exception_and_is_not_followed()
    {
        await using var elsewhere = LoopbackServer.Answering(LoopbackServer.Json(200, "OK", "[]"));
        await using var tenant = LoopbackServer.Answering(RedirectTo(301, "Moved Permanently", elsewhere));
        var options = Options(tenant);
        options.ClientId = null;
        options.ClientSecret = null;
        options.AccessToken = "a-static-management-token";
        using var client = new Auth0ManagementClient(options);

        var call = () => client.Apis.GetAsync("https://orders.example.com").Within();

        var thrown = (await call.Should().ThrowAsync<Auth0Exception>()).Which;
        thrown.Message.Should().Contain("301").And.Contain(elsewhere.Authority).And.NotContain("code=");
        elsewhere.Requests.Should().BeEmpty();
    }

    [Fact]
    public void A_transport_that_follows_redirects_is_refused_at_start()
    {
        var options = new Auth0ManagementClientOptions
        {
            Domain = "dev-abc.us.auth0.com",
            ClientId = "id",
            ClientSecret = Secret,
            Transport = new SocketsHttpHandler(),
        };

        var start = () => new Auth0ManagementClient(options);

        start.Should().Throw<System.ComponentModel.DataAnnotations.ValidationException>()
            .WithMessage("*Transport*redirect*").Which.Message.Should().NotContain(Secret);
    }

    private static Auth0ManagementClientOptions Options(LoopbackServer tenant)
    {
        var options = new Auth0ManagementClientOptions();
        Configure(options, tenant);
        return options;
    }

    private static void Configure(Auth0ManagementClientOptions options, LoopbackServer tenant)
    {
        options.Issuer = tenant.BaseAddress.ToString();
        options.ClientId = "redirect-test-client";
        options.ClientSecret = Secret;
        options.Resilience = new() { MaxRetries = 0 };
        options.TimeProvider = TestClock.Fixed();
    }

    private static string RedirectTo(int status, string reason, LoopbackServer elsewhere) =>
        $"HTTP/1.1 {status} {reason}\r\nLocation: {elsewhere.BaseAddress}steal?code=42\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
}
