using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>
/// Bytes that are not UTF-8, in a JSON member name, a string value, a form body or a query string, never throw out of
/// the handler: JSON bodies get Auth0's invalid-JSON answer, the others are read as Auth0 reads them.
/// </summary>
public class InvalidUtf8Tests
{
    private const string InvalidJsonBody = """{"statusCode":400,"error":"Bad Request","message":"Invalid request payload JSON format"}""";

    private readonly FakeTenant _tenant = TestTenant.New();
    private readonly HttpClient _http;

    public InvalidUtf8Tests() => _http = _tenant.CreateHttpClient();

    /// <summary>Broken UTF-8 in a name or a value: FF FE, a lone continuation byte, an overlong '/', a surrogate, a cut sequence.</summary>
    public static TheoryData<string, byte[]> BrokenJson => new()
    {
        { "FF FE as a member name", Bytes("{\"", [0xFF, 0xFE], "\":1}") },
        { "a lone continuation byte inside a name", Bytes("{\"na", [0x80], "me\":\"a\"}") },
        { "an overlong encoding in a name", Bytes("{\"", [0xC0, 0xAF], "\":\"a\"}") },
        { "an encoded surrogate in a name", Bytes("{\"", [0xED, 0xA0, 0x80], "\":\"a\"}") },
        { "a sequence cut short at the end of a name", Bytes("{\"name", [0xE2, 0x82], "\":\"a\"}") },
        { "FF in a string value", Bytes("{\"name\":\"", [0xFF], "\"}") },
        { "a lone continuation byte in a nested value", Bytes("{\"name\":\"a\",\"client_metadata\":{\"k\":\"", [0x80], "\"}}") },
        { "FF in an array item", Bytes("{\"grant_types\":[\"", [0xFF], "\"]}") },
    };

    public static TheoryData<string, string> JsonEndpoints => new()
    {
        { "POST", "api/v2/resource-servers" },
        { "PATCH", "api/v2/resource-servers/{api}" },
        { "POST", "api/v2/clients" },
        { "PATCH", "api/v2/clients/{client}" },
        { "POST", "api/v2/client-grants" },
        { "PATCH", "api/v2/client-grants/{grant}" },
    };

    [Theory]
    [MemberData(nameof(BrokenJson))]
    public async Task Invalid_utf8_in_a_json_body_answers_Auth0s_invalid_json_400_on_every_management_endpoint(string broken, byte[] body)
    {
        var token = await ManagementTokenAsync(_tenant, _http);
        var (api, client, grant) = await Seed(token);

        foreach (var (method, template) in JsonEndpoints.Select(row => ((string)row[0], (string)row[1])))
        {
            var path = template.Replace("{api}", api, StringComparison.Ordinal).Replace("{client}", client, StringComparison.Ordinal)
                .Replace("{grant}", grant, StringComparison.Ordinal);
            var version = _tenant.StateVersion;

            var response = await _http.SendAsync(Request(new HttpMethod(method), path, token, body, "application/json")).WaitAsync(Bound);

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"{method} {path} with {broken}");
            (await Text(response)).Should().Be(InvalidJsonBody, $"{method} {path} with {broken}");
            _tenant.StateVersion.Should().Be(version);
        }
    }

    [Theory]
    [MemberData(nameof(BrokenJson))]
    public async Task Invalid_utf8_in_a_json_token_request_answers_invalid_request(string broken, byte[] body)
    {
        var response = await _http.SendAsync(Request(HttpMethod.Post, "oauth/token", null, body, "application/json")).WaitAsync(Bound);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, broken);
        (await Json(response)).GetProperty("error").GetString().Should().Be("invalid_request");
    }

    [Theory]
    [InlineData("raw FF in a value")]
    [InlineData("percent-encoded FF in a value")]
    [InlineData("raw FF in a name")]
    [InlineData("percent-encoded lone continuation byte in a name")]
    public async Task Invalid_utf8_in_a_form_token_request_is_read_as_text_that_matches_no_client(string broken)
    {
        var worker = _tenant.Applications.AddMachineToMachine("worker");
        var form = broken switch
        {
            "raw FF in a value" => Bytes($"grant_type=client_credentials&client_id={worker.ClientId}&client_secret=", [0xFF], "&audience=x"),
            "percent-encoded FF in a value" => Encoding.ASCII.GetBytes($"grant_type=client_credentials&client_id={worker.ClientId}&client_secret=%FF&audience=x"),
            "raw FF in a name" => Bytes($"grant_type=client_credentials&client_id={worker.ClientId}&client_secret=x&", [0xFF], "=1"),
            _ => Encoding.ASCII.GetBytes($"grant_type=client_credentials&client_id={worker.ClientId}&client_secret=x&a%80b=1"),
        };

        var response = await _http.SendAsync(Request(HttpMethod.Post, "oauth/token", null, form, "application/x-www-form-urlencoded")).WaitAsync(Bound);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, broken);
        (await Json(response)).GetProperty("error").GetString().Should().Be("access_denied");
    }

    [Theory]
    [InlineData("api/v2/clients?app_type=%FF")]
    [InlineData("api/v2/client-grants?audience=%C0%AF&client_id=%80")]
    [InlineData("api/v2/resource-servers?identifiers=%ED%A0%80")]
    [InlineData("api/v2/resource-servers/%FF%FE")]
    [InlineData("api/v2/clients?per_page=%FF")]
    public async Task Invalid_utf8_in_a_query_or_path_is_answered_without_a_500(string path)
    {
        var token = await ManagementTokenAsync(_tenant, _http);

        var response = await _http.SendAsync(HttpMethod.Get, path, token);

        ((int)response.StatusCode).Should().BeLessThan(500, path);
        _tenant.Journal.Entries[^1].Status.Should().Be((int)response.StatusCode);
    }

    private async Task<(string Api, string Client, string Grant)> Seed(string token)
    {
        var api = await Json(await _http.SendAsync(HttpMethod.Post, "api/v2/resource-servers", token, """{"identifier":"urn:orders"}"""));
        var client = await Json(await _http.SendAsync(HttpMethod.Post, "api/v2/clients", token, """{"name":"worker"}"""));
        var clientId = client.GetProperty("client_id").GetString()!;
        var grant = await Json(await _http.SendAsync(HttpMethod.Post, "api/v2/client-grants", token,
            $$"""{"client_id":"{{clientId}}","audience":"urn:orders","scope":[]}"""));
        return (api.GetProperty("id").GetString()!, clientId, grant.GetProperty("id").GetString()!);
    }

    private static byte[] Bytes(string before, byte[] broken, string after) =>
        [.. Encoding.ASCII.GetBytes(before), .. broken, .. Encoding.ASCII.GetBytes(after)];

    private static HttpRequestMessage Request(HttpMethod method, string path, string? bearer, byte[] body, string mediaType)
    {
        var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }
}
