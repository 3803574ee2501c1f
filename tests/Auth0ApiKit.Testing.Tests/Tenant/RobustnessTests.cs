using System.Text;
using Auth0ApiKit.Testing.Endpoints;
using CsCheck;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

public class RobustnessTests
{
    private static readonly string[] Paths =
    [
        "/api/v2/resource-servers", "/api/v2/resource-servers/x", "/api/v2/resource-servers/%2F%2F", "/api/v2/clients",
        "/api/v2/clients/abc", "/api/v2/clients/abc/rotate-secret", "/api/v2/client-grants", "/api/v2/client-grants/cgr_x",
        "/oauth/token", "/.well-known/jwks.json", "/api/v2/", "/api/v2/resource-servers//", "/%00", "/api/v2/clients/a/b/c/d",
    ];

    private static readonly string[] Methods = ["GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS"];

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", "\"identifier\"", "\"name\"", "\"scopes\"", "\"scope\"", "\"client_id\"", "\"audience\"", ":", ",",
        "\"urn:x\"", "1", "-1", "1e309", "true", "null", "\"\"", "{\"value\":\"a\"}", "\"token_lifetime\"", "\"grant_type\"",
        "\"client_credentials\"", "\\u0000", "\"app_type\"", "\"spa\"",
    ];

    [Fact]
    public async Task Random_requests_never_get_a_500_and_rejected_ones_change_nothing()
    {
        var tenant = TestTenant.New(o => o.Seed = 3);
        using var http = tenant.CreateHttpClient();
        var token = await ManagementTokenAsync(tenant, http);
        var contentTypes = new[] { "application/json", "application/x-www-form-urlencoded", "text/plain", "" };

        var requests = Gen.Select(
            Gen.OneOf<string>(Methods),
            Gen.OneOf<string>(Paths),
            Gen.OneOf<string>(Fragments).Array[0, 12].Select(parts => string.Concat(parts)),
            Gen.OneOf<string>(contentTypes),
            Gen.Bool);

        await requests.SampleAsync(async (method, path, body, contentType, authenticated) =>
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (contentType.Length > 0)
            {
                headers["Content-Type"] = contentType;
            }

            if (authenticated)
            {
                headers["Authorization"] = "Bearer " + token;
            }

            var version = tenant.StateVersion;
            var response = await tenant.HandleAsync(new FakeRequest(method, path, "", headers, Encoding.UTF8.GetBytes(body)), CancellationToken.None)
                .WaitAsync(Bound);

            response.Status.Should().BeLessThan(500, $"{method} {path} {body}");
            if (response.Status >= 400)
            {
                tenant.StateVersion.Should().Be(version, $"a rejected {method} {path} {body} changes nothing");
            }
        }, iter: 2_000, threads: 1);
    }

    [Fact]
    public async Task Eight_threads_of_mixed_operations_keep_the_store_consistent()
    {
        var tenant = TestTenant.New(o => o.Seed = 5);
        var app = tenant.CreateManagementApplication();
        var token = tenant.Tokens.ForApplication(app.ClientId, tenant.Urls.ManagementApiAudience).Value;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = "application/json",
            ["Authorization"] = "Bearer " + token,
        };
        const int Threads = 8;
        const int Operations = 10_000;

        var workers = Enumerable.Range(0, Threads).Select(thread => Task.Run(async () =>
        {
            var random = new Random(thread);
            for (var i = 0; i < Operations; i++)
            {
                var n = random.Next(20);
                var identifier = $"urn:api:{n}";
                var request = random.Next(6) switch
                {
                    0 => new FakeRequest("POST", "/api/v2/resource-servers", "", headers, Encoding.UTF8.GetBytes($$"""{"identifier":"{{identifier}}"}""")),
                    1 => new FakeRequest("DELETE", "/api/v2/resource-servers/" + Uri.EscapeDataString(identifier), "", headers, []),
                    2 => new FakeRequest("PATCH", "/api/v2/resource-servers/" + Uri.EscapeDataString(identifier), "", headers, Encoding.UTF8.GetBytes("""{"token_lifetime":3600}""")),
                    3 => new FakeRequest("POST", "/api/v2/client-grants", "", headers,
                        Encoding.UTF8.GetBytes($$"""{"client_id":"{{app.ClientId}}","audience":"{{identifier}}","scope":[]}""")),
                    4 => new FakeRequest("GET", "/api/v2/client-grants", $"?audience={Uri.EscapeDataString(identifier)}", headers, []),
                    _ => new FakeRequest("GET", "/api/v2/resource-servers", "?per_page=100", headers, []),
                };
                var response = await tenant.HandleAsync(request, CancellationToken.None);
                if (response.Status >= 500)
                {
                    throw new InvalidOperationException($"{request.Method} {request.Path}: {response.Status}");
                }
            }
        })).ToArray();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(1));

        var apis = tenant.Apis.All;
        apis.Select(a => a.Identifier).Should().OnlyHaveUniqueItems();
        apis.Select(a => a.Id).Should().OnlyHaveUniqueItems();
        var grants = tenant.Authorizations.All;
        grants.Select(g => (g.ClientId, g.ApiIdentifier)).Should().OnlyHaveUniqueItems();
        grants.Should().OnlyContain(g => apis.Any(a => a.Identifier == g.ApiIdentifier), "a grant never outlives its API");
    }
}
