using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>
/// The journal never keeps a secret, however its field's name or value is spelled: every encoding the endpoints
/// decode (percent-encoding of any character, upper or lower hex, <c>\u</c> escapes in JSON names, other letter
/// cases, duplicates, nesting) is redacted after decoding.
/// </summary>
public class JournalRedactionTests
{
    /// <summary>The secret's distinctive core: any spelling of the secret that survives in the journal carries it.</summary>
    private const string Core = "Zq7Xv9LmK2pRt5Wc";

    /// <summary>A secret with characters that percent-encoding and JSON escaping change.</summary>
    private const string Secret = Core + " /+&=é\"<";

    private const string ClientId = "abcdefghijklmnopqrstuvwxyz012345";

    private static readonly string FormSecret = Uri.EscapeDataString(Secret);
    private static readonly string JsonSecret = JsonEncodedText.Encode(Secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();

    /// <summary>How each request carries the secret: a row per encoding.</summary>
    private static readonly Dictionary<string, Func<HttpRequestMessage>> Encodings = new()
    {
        // Form bodies of /oauth/token: names percent-encoded anywhere, in either hex case, in other letter cases.
        ["form client_secret"] = () => TokenForm($"client_secret={FormSecret}"),
        ["form client%5Fsecret"] = () => TokenForm($"client%5Fsecret={FormSecret}"),
        ["form client%5fsecret"] = () => TokenForm($"client%5fsecret={FormSecret}"),
        ["form CLIENT%5fSECRET"] = () => TokenForm($"CLIENT%5fSECRET={FormSecret}"),
        ["form Client_Secret"] = () => TokenForm($"Client_Secret={FormSecret}"),
        ["form %63lient_secret"] = () => TokenForm($"%63lient_secret={FormSecret}"),
        ["form client_secre%74"] = () => TokenForm($"client_secre%74={FormSecret}"),
        ["form every character of the name encoded"] = () => TokenForm($"{PercentEncodeAll("client_secret", "X2")}={FormSecret}"),
        ["form every character of the value encoded, lower hex"] = () => TokenForm($"client%5Fsecret={PercentEncodeAll(Secret, "x2")}"),
        ["form spaces as plus"] = () => TokenForm($"client%5Fsecret={FormSecret.Replace("%20", "+", StringComparison.Ordinal)}"),
        ["form duplicate client_secret"] = () => TokenForm($"client_secret=decoy&client%5Fsecret={FormSecret}"),
        ["form refresh%5Ftoken"] = () => Form("grant_type=refresh_token", $"client_id={ClientId}", $"refresh%5Ftoken={FormSecret}"),
        ["form REFRESH_TOKEN"] = () => Form("grant_type=refresh_token", $"client_id={ClientId}", $"REFRESH_TOKEN={FormSecret}"),
        ["form client%5Fassertion"] = () => TokenForm($"client%5Fassertion={FormSecret}"),
        ["form password"] = () => Form("grant_type=password", "username=ann", $"pass%77ord={FormSecret}"),
        ["form code and code_verifier"] = () => Form("grant_type=authorization_code", $"code={FormSecret}", $"code%5Fverifier={FormSecret}"),
        ["form access_token and id_token"] = () => Form("grant_type=x", $"access%5Ftoken={FormSecret}", $"id_token={FormSecret}"),

        // JSON bodies of /oauth/token and the Management API: \u escapes of any character of a name, other cases,
        // duplicate members, nested objects and arrays, values escaped whole.
        ["json client_secret"] = () => TokenJson($$"""{"client_id":"{{ClientId}}","client_secret":"{{JsonSecret}}"}"""),
        ["json client\\u005fsecret"] = () => TokenJson($$"""{"client_id":"{{ClientId}}","client\u005fsecret":"{{JsonSecret}}"}"""),
        ["json client\\u005Fsecret"] = () => TokenJson($$"""{"client_id":"{{ClientId}}","client\u005Fsecret":"{{JsonSecret}}"}"""),
        ["json \\u0063lient_secret"] = () => TokenJson($$"""{"client_id":"{{ClientId}}","\u0063lient_secret":"{{JsonSecret}}"}"""),
        ["json every character of the name escaped"] = () => TokenJson($$"""{"{{JsonEscapeAll("client_secret", "x4")}}":"{{JsonSecret}}"}"""),
        ["json every character of the value escaped"] = () => TokenJson($$"""{"client\u005fsecret":"{{JsonEscapeAll(Secret, "X4")}}"}"""),
        ["json CLIENT_SECRET"] = () => TokenJson($$"""{"CLIENT_SECRET":"{{JsonSecret}}"}"""),
        ["json duplicate members"] = () => TokenJson($$"""{"client_secret":"decoy","client\u005fsecret":"{{JsonSecret}}","client_secret":"{{JsonSecret}}"}"""),
        ["json refresh\\u005ftoken"] = () => TokenJson($$"""{"grant_type":"refresh_token","refresh\u005ftoken":"{{JsonSecret}}"}"""),
        ["json signing\\u005fsecret"] = () => Management(HttpMethod.Post, "resource-servers", $$"""{"identifier":"urn:x","signing_alg":"HS256","signing\u005fsecret":"{{JsonSecret}}"}"""),
        ["json SIGNING_SECRET on a patch"] = () => Management(HttpMethod.Patch, "resource-servers/urn%3Ax", $$"""{"SIGNING_SECRET":"{{JsonSecret}}"}"""),
        ["json nested object"] = () => Management(HttpMethod.Post, "clients", $$$"""{"name":"a","client_metadata":{"client\u005fsecret":"{{{JsonSecret}}}"}}"""),
        ["json array of objects"] = () => Management(HttpMethod.Post, "clients", $$"""[{"name":"a"},{"password":"{{JsonSecret}}"}]"""),
        ["json object as the secret's value"] = () => Management(HttpMethod.Post, "clients", $$$"""{"name":"a","client_secret":{"value":"{{{JsonSecret}}}"}}"""),
        ["json deep nesting"] = () => TokenJson($$$"""{"a":[[{"b":{"id\u005Ftoken":["{{{JsonSecret}}}"]}}]]}"""),
        ["json access_token"] = () => TokenJson($$"""{"access_token":"{{JsonSecret}}"}"""),

        // The query string, HTTP Basic and Bearer credentials.
        ["query client%5Fsecret"] = () => new HttpRequestMessage(HttpMethod.Get, $".well-known/jwks.json?client%5Fsecret={FormSecret}&x=1"),
        ["query CLIENT%5fSECRET"] = () => new HttpRequestMessage(HttpMethod.Get, $".well-known/jwks.json?x=1&CLIENT%5fSECRET={PercentEncodeAll(Secret, "x2")}"),
        ["query access%5Ftoken"] = () => new HttpRequestMessage(HttpMethod.Get, $".well-known/jwks.json?access%5Ftoken={FormSecret}"),
        ["basic credentials"] = () => WithAuthorization(TokenForm(), "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{Secret}"))),
        ["bearer credentials"] = () => WithAuthorization(new HttpRequestMessage(HttpMethod.Get, "api/v2/clients"), "Bearer", Core + "." + Core),

        // Bodies the endpoints cannot parse still lose the secret.
        ["truncated json"] = () => TokenJson($$"""{"client_id":"{{ClientId}}","client\u005fsecret":"{{JsonSecret}}"""),
        ["form sent as text/plain"] = () => WithBody(HttpMethod.Post, "oauth/token", $"client%5Fsecret={FormSecret}", "text/plain"),
    };

    public static TheoryData<string> EncodingNames => new(Encodings.Keys);

    [Theory]
    [MemberData(nameof(EncodingNames))]
    public async Task A_secret_never_reaches_the_journal_however_its_name_or_value_is_encoded(string encoding)
    {
        var tenant = TestTenant.New();
        using var http = tenant.CreateHttpClient();

        (await http.SendAsync(Encodings[encoding]()).WaitAsync(Bound)).StatusCode.Should().NotBe(System.Net.HttpStatusCode.InternalServerError);

        var entry = tenant.Journal.Entries.Should().ContainSingle().Subject;
        var text = entry.ToString() + string.Join("\n", entry.RequestHeaders.Select(h => h.Key + ": " + h.Value)) + entry.RequestBody + entry.ResponseBody;
        foreach (var spelling in Spellings())
        {
            text.Should().NotContain(spelling, $"the secret ({encoding}) must not reach the journal in any spelling");
        }
    }

    [Fact]
    public async Task A_redacted_form_keeps_its_field_names_and_other_values()
    {
        var tenant = TestTenant.New();
        using var http = tenant.CreateHttpClient();

        await http.SendAsync(TokenForm($"CLIENT%5fSECRET={FormSecret}", "audience=https%3A%2F%2Forders.example.com")).WaitAsync(Bound);

        tenant.Journal.Entries.Single().RequestBody.Should().Be(
            $"grant_type=client_credentials&client_id={ClientId}&CLIENT%5fSECRET=***&audience=https%3A%2F%2Forders.example.com");
    }

    [Fact]
    public async Task A_redacted_json_body_keeps_its_members_and_other_values()
    {
        var tenant = TestTenant.New();
        using var http = tenant.CreateHttpClient();

        await http.SendAsync(TokenJson($$$"""{"client_id":"{{{ClientId}}}", "client\u005fsecret":"{{{JsonSecret}}}", "nested":[{"Password":{"a":1}},null,2.50]}""")).WaitAsync(Bound);

        tenant.Journal.Entries.Single().RequestBody.Should().Be(
            $$"""{"client_id":"{{ClientId}}","client_secret":"***","nested":[{"Password":"***"},null,2.50]}""");
    }

    [Fact]
    public async Task A_json_body_without_secrets_or_escapes_is_kept_as_sent()
    {
        var tenant = TestTenant.New();
        using var http = tenant.CreateHttpClient();
        const string Body = "{ \"client_id\" : \"x\",\n  \"audience\":\"https://a.example\", \"scope\": [ ] }";

        await http.SendAsync(TokenJson(Body)).WaitAsync(Bound);

        tenant.Journal.Entries.Single().RequestBody.Should().Be(Body);
    }

    [Fact]
    public async Task A_secret_the_tenant_echoes_in_its_answer_is_redacted_there_too_whatever_its_shape()
    {
        var tenant = TestTenant.New();
        using var http = tenant.CreateHttpClient();
        var token = await ManagementTokenAsync(tenant, http);
        tenant.Journal.Clear();

        var created = await http.SendAsync(HttpMethod.Post, "api/v2/clients", token,
            $$$"""{"name":"a","client_metadata":{"password":{"value":"{{{JsonSecret}}}"},"refresh_token":["{{{JsonSecret}}}"]}}""");

        created.StatusCode.Should().Be(System.Net.HttpStatusCode.Created);
        (await Text(created)).Should().Contain(Core, "the tenant echoes what it stored");
        var entry = tenant.Journal.Entries.Single();
        (entry.RequestBody + entry.ResponseBody).Should().NotContain(Core);
        entry.ResponseBody.Should().Contain("\"client_metadata\":{\"password\":\"***\",\"refresh_token\":\"***\"}");
    }

    /// <summary>Every spelling of the secret a journal could keep: its core raw, percent-encoded or \u-escaped whole, and Basic's base64.</summary>
    private static IEnumerable<string> Spellings() =>
    [
        Core,
        PercentEncodeAll(Core, "X2"),
        PercentEncodeAll(Core, "x2"),
        JsonEscapeAll(Core, "x4"),
        JsonEscapeAll(Core, "X4"),
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{Secret}")),
    ];

    private static string PercentEncodeAll(string text, string format) =>
        string.Concat(Encoding.UTF8.GetBytes(text).Select(b => "%" + b.ToString(format, CultureInfo.InvariantCulture)));

    private static string JsonEscapeAll(string text, string format) =>
        string.Concat(text.Select(c => "\\u" + ((int)c).ToString(format, CultureInfo.InvariantCulture)));

    private static HttpRequestMessage TokenForm(params string[] pairs) =>
        Form(["grant_type=client_credentials", $"client_id={ClientId}", .. pairs]);

    private static HttpRequestMessage Form(params string[] pairs) =>
        WithBody(HttpMethod.Post, "oauth/token", string.Join('&', pairs), "application/x-www-form-urlencoded");

    private static HttpRequestMessage TokenJson(string json) => WithBody(HttpMethod.Post, "oauth/token", json, "application/json");

    private static HttpRequestMessage Management(HttpMethod method, string path, string json) =>
        WithBody(method, "api/v2/" + path, json, "application/json");

    private static HttpRequestMessage WithBody(HttpMethod method, string path, string body, string mediaType) =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private static HttpRequestMessage WithAuthorization(HttpRequestMessage request, string scheme, string credentials)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, credentials);
        return request;
    }
}
