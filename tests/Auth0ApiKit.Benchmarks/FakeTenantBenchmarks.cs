using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.Benchmarks;

/// <summary>
/// The fake tenant's speed goals: a client-credentials token fetched through <see cref="HttpClient"/> and
/// <see cref="FakeTenantHandler"/> (journal on, no faults, no rate limit) against a raw
/// <see cref="JsonWebTokenHandler.CreateToken(SecurityTokenDescriptor)"/> of the same claims, HS256 and RS256.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FakeTenantTokenBenchmarks : IDisposable
{
    private const string Rs256Identifier = "https://orders.example.com";
    private const string Hs256Identifier = "https://legacy.example.com";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private BenchmarkTenant _keys = null!;
    private SigningCredentials _rs256Credentials = null!;
    private SigningCredentials _hs256Credentials = null!;
    private HttpClient _http = null!;
    private FormUrlEncodedContent _rs256Form = null!;
    private FormUrlEncodedContent _hs256Form = null!;

    [GlobalSetup]
    public void Setup()
    {
        _keys = new BenchmarkTenant();
        _rs256Credentials = new SigningCredentials(new RsaSecurityKey(_keys.Rsa) { KeyId = _keys.SigningKey.KeyId }, SecurityAlgorithms.RsaSha256);
        _hs256Credentials = new SigningCredentials(new SymmetricSecurityKey(_keys.SecretBytes), SecurityAlgorithms.HmacSha256);
        var tenant = new FakeTenant(new FakeTenantOptions { SigningKey = new FakeSigningKey(_keys.SigningKey) });
        tenant.Apis.Add(Api.Define("Orders").WithIdentifier(Rs256Identifier).WithScope("read:orders").WithScope("write:orders").Build());
        tenant.Apis.Add(Api.Define("Legacy").WithIdentifier(Hs256Identifier).SignedWith(SigningAlgorithm.HS256)
            .WithSigningSecret(_keys.Secret).WithScope("read:orders").WithScope("write:orders").Build());
        var worker = tenant.Applications.AddMachineToMachine("worker");
        tenant.Authorizations.Authorize(worker.ClientId, Rs256Identifier, BenchmarkTenant.Scopes);
        tenant.Authorizations.Authorize(worker.ClientId, Hs256Identifier, BenchmarkTenant.Scopes);
        _http = tenant.CreateHttpClient();
        _rs256Form = Form(worker, Rs256Identifier);
        _hs256Form = Form(worker, Hs256Identifier);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _http?.Dispose();
        _keys?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "raw CreateToken")]
    [BenchmarkCategory("Fake token HS256")]
    public string RawHs256() => BenchmarkTenant.RawCreateToken(_handler, _hs256Credentials);

    [Benchmark(Description = "POST /oauth/token via HttpClient + FakeTenantHandler")]
    [BenchmarkCategory("Fake token HS256")]
    public Task<string> FakeHs256() => FetchAsync(_hs256Form);

    [Benchmark(Baseline = true, Description = "raw CreateToken")]
    [BenchmarkCategory("Fake token RS256")]
    public string RawRs256() => BenchmarkTenant.RawCreateToken(_handler, _rs256Credentials);

    [Benchmark(Description = "POST /oauth/token via HttpClient + FakeTenantHandler")]
    [BenchmarkCategory("Fake token RS256")]
    public Task<string> FakeRs256() => FetchAsync(_rs256Form);

    private async Task<string> FetchAsync(FormUrlEncodedContent form)
    {
        using var response = await _http.PostAsync("oauth/token", form).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static FormUrlEncodedContent Form(FakeApplication worker, string audience) => new(
    [
        new("grant_type", "client_credentials"),
        new("client_id", worker.ClientId),
        new("client_secret", worker.ClientSecret.Reveal()),
        new("audience", audience),
    ]);
}

/// <summary>Making a fake tenant: the goal is a median under 20 µs (no RSA key is made on this path).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class FakeTenantCreationBenchmarks
{
    [Benchmark(Baseline = true, Description = "new HttpClient(new SocketsHttpHandler())")]
    public HttpClient NewHttpClient() => new(new SocketsHttpHandler());

    [Benchmark(Description = "new FakeTenant()")]
    public FakeTenant NewTenant() => new();
}

/// <summary>
/// Listing every API of a tenant page by page (100 a page, with totals) through the Management API: the cost per
/// API must stay flat from 1,000 to 10,000 APIs (linear time).
/// </summary>
[MemoryDiagnoser]
public class FakeTenantListingBenchmarks : IDisposable
{
    private HttpClient _http = null!;
    private string _token = null!;

    [Params(1_000, 10_000)]
    public int Apis { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var tenant = new FakeTenant(new FakeTenantOptions { JournalCapacity = 16 });
        for (var i = 0; i < Apis; i++)
        {
            tenant.Apis.Add(Api.Define("API " + i).WithIdentifier($"urn:api:{i}").Build());
        }

        var app = tenant.CreateManagementApplication(["read:resource_servers"]);
        _token = tenant.Tokens.ForApplication(app.ClientId, tenant.Urls.ManagementApiAudience).Value;
        _http = tenant.CreateHttpClient();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _http?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "list every API, 100 a page")]
    public async Task<int> ListEveryPage()
    {
        var seen = 0;
        for (var page = 0; ; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v2/resource-servers?page={page}&per_page=100&include_totals=true");
            request.Headers.Authorization = new("Bearer", _token);
            using var response = await _http.SendAsync(request).ConfigureAwait(false);
            using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
            var count = json.RootElement.GetProperty("resource_servers").GetArrayLength();
            seen += count;
            if (count < 100)
            {
                return seen;
            }
        }
    }
}
