using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Tokens;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.Benchmarks;

/// <summary>
/// What one fake-tenant test costs, as a consumer's test is written: a new <see cref="FakeTenant"/>, an API, a
/// machine-to-machine application and its authorization, a client-credentials token fetched through
/// <see cref="FakeTenant.CreateHttpClient"/>, and that token validated by a new <see cref="AccessTokenValidator"/>
/// (for RS256 over a new <see cref="JsonWebKeySetCache"/> that fetches the tenant's JWKS). The baseline of each
/// category is raw IdentityModel creating and validating a token of the same claims with ready-made keys. The
/// scenario runs a lot of code once per call, so it needs more warm-up than BenchmarkDotNet's short job gives it
/// before tiered compilation settles (run it with <c>--warmupCount 20</c>).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ConsumerScenarioBenchmarks : IDisposable
{
    private static readonly string[] Granted = ["read:orders"];
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private BenchmarkTenant _keys = null!;
    private SigningCredentials _rs256Credentials = null!;
    private SigningCredentials _hs256Credentials = null!;
    private TokenValidationParameters _rs256Parameters = null!;
    private TokenValidationParameters _hs256Parameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        _keys = new BenchmarkTenant();
        var rsaKey = new RsaSecurityKey(_keys.Rsa) { KeyId = _keys.SigningKey.KeyId };
        var secretKey = new SymmetricSecurityKey(_keys.SecretBytes);
        _rs256Credentials = new SigningCredentials(rsaKey, SecurityAlgorithms.RsaSha256);
        _hs256Credentials = new SigningCredentials(secretKey, SecurityAlgorithms.HmacSha256);
        _rs256Parameters = RawParameters(new RsaSecurityKey(_keys.Rsa.ExportParameters(false)) { KeyId = _keys.SigningKey.KeyId }, SecurityAlgorithms.RsaSha256);
        _hs256Parameters = RawParameters(secretKey, SecurityAlgorithms.HmacSha256);

        // Every side must succeed before anything is measured.
        if (!RawHs256().Result || !RawRs256().Result || !ScenarioHs256().Result || !ScenarioRs256().Result)
        {
            throw new InvalidOperationException("A benchmark scenario does not end with a valid token.");
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _keys?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "raw CreateToken + ValidateTokenAsync")]
    [BenchmarkCategory("Scenario HS256")]
    public Task<bool> RawHs256() => RawAsync(_hs256Credentials, _hs256Parameters);

    [Benchmark(Description = "new tenant -> POST /oauth/token -> new validator")]
    [BenchmarkCategory("Scenario HS256")]
    public Task<bool> ScenarioHs256() => ScenarioAsync(_keys.Hs256Api);

    [Benchmark(Baseline = true, Description = "raw CreateToken + ValidateTokenAsync")]
    [BenchmarkCategory("Scenario RS256")]
    public Task<bool> RawRs256() => RawAsync(_rs256Credentials, _rs256Parameters);

    [Benchmark(Description = "new tenant -> POST /oauth/token -> new validator + JWKS")]
    [BenchmarkCategory("Scenario RS256")]
    public Task<bool> ScenarioRs256() => ScenarioAsync(_keys.Rs256Api);

    /// <summary>The consumer's test: everything made anew, as each test of a suite makes it.</summary>
    internal static async Task<bool> ScenarioAsync(ApiDefinition api)
    {
        var tenant = new FakeTenant();
        tenant.Apis.Add(api);
        var worker = tenant.Applications.AddMachineToMachine("billing-worker");
        tenant.Authorizations.Authorize(worker.ClientId, api.Identifier, Granted);

        using var http = tenant.CreateHttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = worker.ClientId,
            ["client_secret"] = worker.ClientSecret.Reveal(),
            ["audience"] = api.Identifier,
        });
        using var response = await http.PostAsync("oauth/token", form).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        string token;
        using (var json = JsonDocument.Parse(body))
        {
            token = json.RootElement.GetProperty("access_token").GetString()!;
        }

        var signingKeys = api.SigningAlgorithm == SigningAlgorithm.RS256 ? new JsonWebKeySetCache(http, tenant.Urls.JwksUri) : null;
        var validator = new AccessTokenValidator(api, tenant.Urls, signingKeys);
        var result = await validator.ValidateAsync(token).ConfigureAwait(false);
        return result.IsValid;
    }

    private async Task<bool> RawAsync(SigningCredentials credentials, TokenValidationParameters parameters)
    {
        var token = BenchmarkTenant.RawCreateToken(_handler, credentials);
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        return result.IsValid;
    }

    private static TokenValidationParameters RawParameters(SecurityKey key, string algorithm) => new()
    {
        ValidIssuer = BenchmarkTenant.Urls.Issuer,
        ValidAudience = BenchmarkTenant.Identifier,
        ValidAlgorithms = [algorithm],
        IssuerSigningKey = key,
    };
}
