using System.Text.Json;
using Auth0ApiKit.Testing;

namespace Auth0ApiKit.Emulator.Tests;

/// <summary>
/// An emulator started in-process on a free loopback port, and an HttpClient that reaches it over real sockets. Its clock
/// stands on <see cref="TestClock.Fixed"/> and moves only through the admin clock calls; timers (fault delays,
/// shutdown) run on real time, as the emulator's clock always does.
/// </summary>
internal sealed class Emulator : IAsyncDisposable
{
    /// <summary>One RSA key for every test (making one costs about 100 ms), loaded through --signing-key.</summary>
    private static readonly Lazy<string> SigningKeyFile = new(() =>
    {
        using var key = FakeSigningKey.Generate();
        var path = Path.Combine(Path.GetTempPath(), $"auth0-emulator-tests-{Environment.ProcessId}.pem");
        File.WriteAllText(path, key.ExportPrivateKeyPem());
        return path;
    });

    private Emulator(EmulatorHost host)
    {
        Host = host;
        Http = new HttpClient { BaseAddress = host.BaseUri };
    }

    public EmulatorHost Host { get; }

    public HttpClient Http { get; }

    public EmulatorCredentials Credentials => Host.Credentials;

    public static string SharedSigningKeyFile => SigningKeyFile.Value;

    /// <summary>The per-run admin token, as the credentials file gives it to scripts; <see langword="null"/> when there is none.</summary>
    public string? AdminToken =>
        JsonSerializer.SerializeToElement(Credentials, EmulatorJson.Context.EmulatorCredentials).TryGetProperty("adminToken", out var token)
            ? token.GetString()
            : null;

    /// <summary>Starts an emulator on port 0; <paramref name="configure"/> adjusts the options first.</summary>
    public static async Task<Emulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { Port = 0, SigningKeyFile = SharedSigningKeyFile, Clock = TestClock.Fixed() };
        configure?.Invoke(options);
        var host = await EmulatorHost.StartAsync(options).WaitAsync(Bound);
        return new Emulator(host);
    }

    /// <summary>Starts an emulator on port 0 with these command-line options.</summary>
    public static async Task<Emulator> StartAsync(params string[] args)
    {
        var (_, options) = CommandLine.EmulatorCommandLine.Parse(args);
        options.Port = 0;
        options.SigningKeyFile = SharedSigningKeyFile;
        options.Clock = TestClock.Fixed();
        var host = await EmulatorHost.StartAsync(options).WaitAsync(Bound);
        return new Emulator(host);
    }

    /// <summary>A client-credentials token from <c>/oauth/token</c>.</summary>
    public async Task<string> TokenAsync(string clientId, string clientSecret, string audience)
    {
        using var response = await Http.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["audience"] = audience,
        })).WaitAsync(Bound);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>The management application's token.</summary>
    public Task<string> ManagementTokenAsync() =>
        TokenAsync(Credentials.Management!.ClientId, Credentials.Management.ClientSecret, Credentials.ManagementApiAudience);

    /// <summary>Sends an admin call with an optional JSON body, and the admin token.</summary>
    public Task<HttpResponseMessage> AdminAsync(HttpMethod method, string route, string? json = null) =>
        SendAsync(AdminRequest(method, route, json));

    /// <summary>An admin call with an optional JSON body, carrying the admin token; a test may change it before sending.</summary>
    public HttpRequestMessage AdminRequest(HttpMethod method, string route, string? json = null)
    {
        var request = new HttpRequestMessage(method, "_emulator/" + route);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        if (AdminToken is { } token)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>Sends a request, bounded.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Http.SendAsync(request).WaitAsync(Bound);

    /// <summary>Sends an admin call and reads its JSON answer.</summary>
    public async Task<JsonElement> AdminJsonAsync(HttpMethod method, string route, string? json = null)
    {
        using var response = await AdminAsync(method, route, json);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The claims of a JWT, without checking it.</summary>
    public static JsonElement Claims(string token) =>
        JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1])).RootElement.Clone();

    /// <summary>The header of a JWT.</summary>
    public static JsonElement Header(string token) =>
        JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[0])).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync().AsTask().WaitAsync(Bound);
    }
}

/// <summary>JSON bodies for the tests.</summary>
internal static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
