using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Emulator.Seeding;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Management;

namespace Auth0ApiKit.Emulator.Tests;

/// <summary>The tenant over real loopback HTTP: the same endpoints as the in-memory handler.</summary>
public class ServingTests
{
    [Fact]
    public async Task Uses_its_own_URL_as_issuer_so_discovery_JWKS_tokens_and_the_management_audience_agree()
    {
        await using var emulator = await Emulator.StartAsync();
        var baseUrl = emulator.Host.BaseUri.AbsoluteUri;

        baseUrl.Should().MatchRegex(@"^http://127\.0\.0\.1:\d+/$");
        emulator.Host.BaseUri.Port.Should().NotBe(0, "port 0 picks a free port and reports it");
        var discovery = await Json.ReadAsync(await emulator.Http.GetAsync(".well-known/openid-configuration"));
        discovery.GetProperty("issuer").GetString().Should().Be(baseUrl);
        discovery.GetProperty("jwks_uri").GetString().Should().Be(baseUrl + ".well-known/jwks.json");
        discovery.GetProperty("token_endpoint").GetString().Should().Be(baseUrl + "oauth/token");

        var token = await emulator.ManagementTokenAsync();
        var claims = Emulator.Claims(token);
        claims.GetProperty("iss").GetString().Should().Be(baseUrl);
        claims.GetProperty("aud").GetString().Should().Be(baseUrl + "api/v2/");
        var jwks = await Json.ReadAsync(await emulator.Http.GetAsync(".well-known/jwks.json"));
        jwks.GetProperty("keys")[0].GetProperty("kid").GetString().Should().Be(Emulator.Header(token).GetProperty("kid").GetString());
        emulator.Credentials.ManagementApiAudience.Should().Be(baseUrl + "api/v2/");
    }

    [Fact]
    public async Task Serves_the_Management_API_to_the_SDKs_own_client_over_HTTP_and_passes_its_Test_flow()
    {
        await using var emulator = await Emulator.StartAsync();
        using var client = new Auth0ManagementClient(new Auth0ManagementClientOptions
        {
            Issuer = emulator.Credentials.Issuer,
            ClientId = emulator.Credentials.Management!.ClientId,
            ClientSecret = emulator.Credentials.Management.ClientSecret,
            TimeProvider = emulator.Host.Clock, // the tenant's clock: the client checks the tokens it fetches on it
        });
        var orders = Api.Define("Orders API").WithIdentifier("https://orders.example.com").WithScope("read:orders").Build();

        await client.Apis.CreateAsync(orders).WaitAsync(Bound);
        var worker = await client.Applications.CreateAsync(Applications.Application.Define("worker", Applications.ApplicationKind.MachineToMachine).Build())
            .WaitAsync(Bound);
        await client.Authorizations.AuthorizeAsync(worker.ClientId, orders.Identifier, ["read:orders"]).WaitAsync(Bound);
        var report = await client.Apis.TestAsync(orders.Identifier, worker.ClientId, worker.ClientSecret!).WaitAsync(Bound);

        report.Passed.Should().BeTrue(report.Refusal ?? report.ValidationMessage);
        report.Scopes.Should().Equal("read:orders");
        emulator.Host.Tenant.Apis.Find(orders.Identifier).Should().NotBeNull("the emulator's tenant is the one the client changed");
    }

    [Fact]
    public async Task Keeps_percent_encoded_identifiers_intact_in_the_path()
    {
        await using var emulator = await Emulator.StartAsync(o => o.Apis.Add(new SeedApi { ResourceServer = new ResourceServerDto { Identifier = "https://orders.example.com/a%2Fb" }, Source = "test" }));
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v2/resource-servers/" + Uri.EscapeDataString("https://orders.example.com/a%2Fb"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await emulator.ManagementTokenAsync());

        using var response = await emulator.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json.ReadAsync(response)).GetProperty("identifier").GetString().Should().Be("https://orders.example.com/a%2Fb");
    }

    [Fact]
    public async Task Answers_errors_as_Auth0_does_with_its_headers()
    {
        await using var emulator = await Emulator.StartAsync();

        using var unauthorized = await emulator.Http.GetAsync("api/v2/resource-servers");
        using var unknownRoute = await emulator.Http.GetAsync("nowhere");
        using var badClient = await emulator.Http.PostAsync("oauth/token", new StringContent(
            "grant_type=client_credentials&client_id=nobody&client_secret=x&audience=urn:a", Encoding.UTF8, "application/x-www-form-urlencoded"));

        unauthorized.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await unauthorized.Content.ReadAsStringAsync()).Should().Contain("\"message\":\"Invalid token\"");
        unauthorized.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        unknownRoute.StatusCode.Should().Be(HttpStatusCode.NotFound);
        badClient.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        badClient.Headers.GetValues("x-ratelimit-limit").Should().ContainSingle();
        (await badClient.Content.ReadAsStringAsync()).Should().Be("""{"error":"access_denied","error_description":"Unauthorized"}""");
    }

    [Fact]
    public async Task Issues_tokens_to_seeded_applications_with_their_fixed_credentials()
    {
        await using var emulator = await Emulator.StartAsync(o =>
        {
            o.Apis.Add(new SeedApi { ResourceServer = new ResourceServerDto { Identifier = "urn:orders", Scopes = [new() { Value = "read:orders" }] }, Source = "test" });
            o.Applications.Add(new SeedApplication { Client = new ClientDto { Name = "worker", ClientId = "worker-id", ClientSecret = "worker-secret" }, Source = "test" });
            o.Authorizations.Add(("worker", new SeedAuthorization { Api = "urn:orders" }, "test"));
            o.ManagementClientId = "mgmt-id";
            o.ManagementClientSecret = "mgmt-secret";
        });

        var token = await emulator.TokenAsync("worker-id", "worker-secret", "urn:orders");
        var management = await emulator.TokenAsync("mgmt-id", "mgmt-secret", emulator.Credentials.ManagementApiAudience);

        Emulator.Claims(token).GetProperty("scope").GetString().Should().Be("read:orders");
        Emulator.Claims(token).GetProperty("sub").GetString().Should().Be("worker-id@clients");
        Emulator.Claims(management).GetProperty("azp").GetString().Should().Be("mgmt-id");
    }

    [Fact]
    public async Task Issues_tokens_as_a_logical_https_domain_when_told()
    {
        await using var emulator = await Emulator.StartAsync(o => o.Domain = "dev-abc.us.auth0.com");

        var token = await emulator.ManagementTokenAsync();

        emulator.Credentials.Issuer.Should().Be("https://dev-abc.us.auth0.com/");
        emulator.Credentials.Domain.Should().Be("dev-abc.us.auth0.com");
        emulator.Credentials.ManagementApiAudience.Should().Be("https://dev-abc.us.auth0.com/api/v2/");
        emulator.Credentials.BaseUrl.Should().Be(emulator.Host.BaseUri.AbsoluteUri, "it is still reached on loopback");
        Emulator.Claims(token).GetProperty("iss").GetString().Should().Be("https://dev-abc.us.auth0.com/");
        var discovery = await Json.ReadAsync(await emulator.Http.GetAsync(".well-known/openid-configuration"));
        discovery.GetProperty("issuer").GetString().Should().Be("https://dev-abc.us.auth0.com/");
    }

    [Fact]
    public async Task Serves_on_IPv6_loopback()
    {
        await using var emulator = await Emulator.StartAsync(o => o.Host = IPAddress.IPv6Loopback);

        emulator.Host.BaseUri.Host.Should().Be("[::1]");
        Emulator.Claims(await emulator.ManagementTokenAsync()).GetProperty("iss").GetString().Should().Be(emulator.Host.BaseUri.AbsoluteUri);
    }

    [Fact]
    public async Task Drops_the_connection_when_a_fault_says_so()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.Host.Tenant.Faults.Script("GET", "/.well-known/jwks.json", Testing.Faults.Fault.DropConnection());

        var get = () => emulator.Http.GetAsync(".well-known/jwks.json").WaitAsync(Bound);

        await get.Should().ThrowAsync<HttpRequestException>();
        (await emulator.Http.GetAsync(".well-known/jwks.json")).StatusCode.Should().Be(HttpStatusCode.OK, "the next request is answered");
    }

    [Theory]
    [InlineData("oauth/token", false)]
    [InlineData("oauth/token", true)]
    [InlineData("api/v2/resource-servers", false)]
    [InlineData("api/v2/resource-servers", true)]
    public async Task Answers_a_body_over_2_MiB_with_Auth0s_error_body_as_it_answers_one_over_1_MiB(string path, bool chunked)
    {
        await using var emulator = await Emulator.StartAsync();
        var token = await emulator.ManagementTokenAsync();

        var (status, body) = await PostAsync(3 * 1024 * 1024, chunked);
        var (expectedStatus, expectedBody) = await PostAsync(1024 * 1024 + 1, chunked: false);

        expectedStatus.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        expectedBody.Should().Contain("\"error\"");
        status.Should().Be(expectedStatus);
        body.Should().Be(expectedBody);

        async Task<(HttpStatusCode, string)> PostAsync(int length, bool chunked)
        {
            var bytes = Encoding.UTF8.GetBytes("{\"name\":\"" + new string('a', length) + "\"}");
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.TransferEncodingChunked = chunked;
            using var response = await emulator.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A stream that hides its length, so that HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
