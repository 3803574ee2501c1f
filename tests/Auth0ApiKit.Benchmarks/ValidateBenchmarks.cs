using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Auth0ApiKit.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.Benchmarks;

/// <summary>
/// Validating a token with keys already cached: the SDK's validator (JWKS cache warmed) against a raw
/// <see cref="JsonWebTokenHandler.ValidateTokenAsync(string, TokenValidationParameters)"/> given the key directly.
/// Both materialise the claims identity. Each category has its own baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ValidateBenchmarks : IDisposable
{
    private readonly JsonWebTokenHandler _handler = new();
    private BenchmarkTenant _tenant = null!;
    private TokenValidationParameters _rs256Parameters = null!;
    private TokenValidationParameters _hs256Parameters = null!;
    private AccessTokenValidator _rs256Validator = null!;
    private AccessTokenValidator _hs256Validator = null!;
    private string _rs256Token = null!;
    private string _hs256Token = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tenant = new BenchmarkTenant();
        var request = AccessTokenRequest.ForApplication(BenchmarkTenant.ClientId, BenchmarkTenant.Scopes);
        _rs256Token = _tenant.Issuer.Issue(_tenant.Rs256Api, request).Value;
        _hs256Token = _tenant.Issuer.Issue(_tenant.Hs256Api, request).Value;
        _rs256Parameters = RawParameters(new RsaSecurityKey(_tenant.Rsa.ExportParameters(false)) { KeyId = _tenant.SigningKey.KeyId }, SecurityAlgorithms.RsaSha256);
        _hs256Parameters = RawParameters(new SymmetricSecurityKey(_tenant.SecretBytes), SecurityAlgorithms.HmacSha256);
        _rs256Validator = new AccessTokenValidator(_tenant.Rs256Api, BenchmarkTenant.Urls, _tenant.Jwks);
        _hs256Validator = new AccessTokenValidator(_tenant.Hs256Api, BenchmarkTenant.Urls, _tenant.Jwks);

        // Warm the JWKS cache and check that every side accepts its token before anything is measured.
        if (!RawRs256().Result || !RawHs256().Result || !SdkRs256().Result || !SdkHs256().Result)
        {
            throw new InvalidOperationException("A benchmark token does not validate.");
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _tenant?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "raw ValidateTokenAsync")]
    [BenchmarkCategory("Validate RS256")]
    public Task<bool> RawRs256() => RawValidateAsync(_rs256Token, _rs256Parameters);

    [Benchmark(Description = "AccessTokenValidator.ValidateAsync")]
    [BenchmarkCategory("Validate RS256")]
    public Task<bool> SdkRs256() => SdkValidateAsync(_rs256Validator, _rs256Token);

    [Benchmark(Baseline = true, Description = "raw ValidateTokenAsync")]
    [BenchmarkCategory("Validate HS256")]
    public Task<bool> RawHs256() => RawValidateAsync(_hs256Token, _hs256Parameters);

    [Benchmark(Description = "AccessTokenValidator.ValidateAsync")]
    [BenchmarkCategory("Validate HS256")]
    public Task<bool> SdkHs256() => SdkValidateAsync(_hs256Validator, _hs256Token);

    private async Task<bool> RawValidateAsync(string token, TokenValidationParameters parameters)
    {
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        return result.IsValid && result.ClaimsIdentity.IsAuthenticated;
    }

    private static async Task<bool> SdkValidateAsync(AccessTokenValidator validator, string token)
    {
        var result = await validator.ValidateAsync(token).ConfigureAwait(false);
        return result.IsValid && result.Principal!.Identity!.IsAuthenticated;
    }

    private static TokenValidationParameters RawParameters(SecurityKey key, string algorithm) => new()
    {
        ValidIssuer = BenchmarkTenant.Urls.Issuer,
        ValidAudience = BenchmarkTenant.Identifier,
        ValidAlgorithms = [algorithm],
        IssuerSigningKey = key,
    };
}
