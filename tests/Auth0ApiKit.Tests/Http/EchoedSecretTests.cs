using System.Net;
using System.Text;
using Auth0ApiKit.Management;

namespace Auth0ApiKit.Tests.Http;

/// <summary>
/// A server that echoes the client secret or the token it was sent (in HTML, XML, a repr, under escaped field names,
/// or bare) never gets it into an exception's message, <c>ToString()</c>, excerpt or service message: besides the
/// patterns, the literal values the client holds are scrubbed, in every encoding a server might echo them in.
/// </summary>
public sealed class EchoedSecretTests
{
    private const string ClientSecret = "Zq8v-client_secret+value/with=odd&chars~0123";
    private const string ManagementToken = "opaque-management-token_value.0123456789";

    public static TheoryData<string> Echoes(string secret) =>
    [
        secret,
        $"<html><body><p>You sent {WebUtility.HtmlEncode(secret)}</p></body></html>",
        $"<error><client_secret>{secret}</client_secret></error>",
        $"{{'client_secret': '{secret}'}}",
        $"Request(client_secret={secret})",
        $"client%5Fsecret={Uri.EscapeDataString(secret)}&x=1",
        $"{{\"client\\u005fsecret\":\"{secret}\"}}",
        $"{{\"message\":\"bad value {secret}\",\"statusCode\":400,\"error\":\"Bad Request\",\"errorCode\":\"x\"}}",
        $"{{\"error\":\"invalid_client\",\"error_description\":\"secret {Uri.EscapeDataString(secret)} is wrong\"}}",
        $"echo: {WebUtility.UrlEncode(secret)}",
        $"echo: {System.Text.Json.JsonEncodedText.Encode(secret)}",
        $"echo: {Convert.ToBase64String(Encoding.UTF8.GetBytes(secret))}",
    ];

    public static TheoryData<string> SecretEchoes => Echoes(ClientSecret);

    public static TheoryData<string> TokenEchoes => Echoes(ManagementToken);

    [Theory]
    [MemberData(nameof(SecretEchoes))]
    public async Task A_token_endpoint_that_echoes_the_client_secret_never_gets_it_into_the_exception(string body)
    {
        using var client = new Auth0ManagementClient(Options(body, withToken: false));

        var call = () => client.Tokens.GetTokenAsync(client.Urls.ManagementApiAudience).AsTask().Within();

        var thrown = (await call.Should().ThrowAsync<Auth0Exception>()).Which;
        ShouldNotShow(thrown, ClientSecret);
    }

    [Theory]
    [MemberData(nameof(TokenEchoes))]
    public async Task A_Management_API_that_echoes_the_bearer_token_never_gets_it_into_the_exception(string body)
    {
        using var client = new Auth0ManagementClient(Options(body, withToken: true));

        var call = () => client.Apis.GetAsync("https://orders.example.com").Within();

        var thrown = (await call.Should().ThrowAsync<Auth0Exception>()).Which;
        ShouldNotShow(thrown, ManagementToken);
    }

    private static void ShouldNotShow(Auth0Exception thrown, string secret)
    {
        string[] forms =
        [
            secret, Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret), WebUtility.HtmlEncode(secret),
            System.Text.Json.JsonEncodedText.Encode(secret).ToString(), Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)),
            secret[..16],
        ];
        foreach (var text in new[] { thrown.Message, thrown.ToString(), thrown.ResponseExcerpt ?? string.Empty, thrown.ServiceMessage ?? string.Empty })
        {
            foreach (var form in forms)
            {
                text.Should().NotContain(form);
            }
        }
    }

    private static Auth0ManagementClientOptions Options(string body, bool withToken) => new()
    {
        Domain = "dev-echo.us.auth0.com",
        ClientId = withToken ? null : "echo-client",
        ClientSecret = withToken ? null : ClientSecret,
        AccessToken = withToken ? ManagementToken : null,
        Resilience = new() { MaxRetries = 0 },
        Transport = new EchoHandler(body),
    };

    private sealed class EchoHandler(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                RequestMessage = request,
                Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/html"),
            });
    }
}
