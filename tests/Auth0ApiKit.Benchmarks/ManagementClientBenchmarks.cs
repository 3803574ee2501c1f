using System.Net.Http.Headers;
using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Management;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Wire;
using BenchmarkDotNet.Attributes;

namespace Auth0ApiKit.Benchmarks;

/// <summary>
/// The management client's overhead (goal: within 1.5x): creating, reading and deleting an API through
/// <see cref="Auth0ManagementClient"/> (retries, time-outs, token cache, typed errors, mapping to definitions) against
/// the same HTTP requests made by hand with <see cref="HttpClient"/> and the source-generated <see cref="WireJson.Context"/>.
/// Both reach the same fake tenant through <see cref="FakeTenantHandler"/> (journal on, no faults) with a token
/// fetched once. The client's delete looks the API up by identifier before deleting it by id (so that an identifier
/// that looks like another API's id never deletes that API); the baseline sends that lookup too.
/// </summary>
[MemoryDiagnoser]
public class ManagementClientBenchmarks : IDisposable
{
    private const string Identifier = "https://orders.example.com";
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly ApiDefinition _orders = Api.Define("Orders API").WithIdentifier(Identifier)
        .WithScope("read:orders", "Read orders").WithScope("write:orders", "Create and change orders").Build();

    private Auth0ManagementClient _client = null!;
    private HttpClient _http = null!;
    private string _byIdentifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        var tenant = new FakeTenant(new FakeTenantOptions { JournalCapacity = 16 });
        _client = tenant.CreateManagementClient();
        var token = _client.Tokens.GetTokenAsync(tenant.Urls.ManagementApiAudience).AsTask().GetAwaiter().GetResult();
        _http = new HttpClient(tenant.CreateHandler()) { BaseAddress = new Uri(tenant.Urls.IssuerUri, "api/v2/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Value.Reveal());
        _byIdentifier = "resource-servers?identifiers=" + Uri.EscapeDataString(Identifier);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _client?.Dispose();
        _http?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "by hand: HttpClient + WireJson")]
    public async Task<string> ByHand()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(ResourceServerMapping.ToCreateBody(_orders), WireJson.Context.ResourceServerDto);
        var created = await SendAsync(HttpMethod.Post, "resource-servers", body, WireJson.Context.ResourceServerDto).ConfigureAwait(false);
        var found = await SendAsync(HttpMethod.Get, _byIdentifier, null, WireJson.Context.ListResourceServerDto).ConfigureAwait(false);
        var lookedUp = await SendAsync(HttpMethod.Get, _byIdentifier, null, WireJson.Context.ListResourceServerDto).ConfigureAwait(false);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "resource-servers/" + Uri.EscapeDataString(lookedUp![0].Id!));
        using var deleted = await _http.SendAsync(delete).ConfigureAwait(false);
        deleted.EnsureSuccessStatusCode();
        return created!.Id! + found![0].Name;
    }

    [Benchmark(Description = "Auth0ManagementClient: Apis.Create/Get/Delete")]
    public async Task<string> Client()
    {
        var created = await _client.Apis.CreateAsync(_orders).ConfigureAwait(false);
        var found = await _client.Apis.GetAsync(Identifier).ConfigureAwait(false);
        await _client.Apis.DeleteAsync(Identifier).ConfigureAwait(false);
        return created.Id + found!.Definition.Name;
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, byte[]? body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }

        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, type).ConfigureAwait(false);
    }
}
