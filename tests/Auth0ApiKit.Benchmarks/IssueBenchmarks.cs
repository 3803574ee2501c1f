using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Auth0ApiKit.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.Benchmarks;

/// <summary>
/// Issuing a client-credentials token: the SDK against a raw <see cref="JsonWebTokenHandler.CreateToken(SecurityTokenDescriptor)"/>
/// writing the same claims with cached signing credentials. Each category has its own baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class IssueBenchmarks : IDisposable
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private BenchmarkTenant _tenant = null!;
    private SigningCredentials _rs256Credentials = null!;
    private SigningCredentials _hs256Credentials = null!;
    private AccessTokenRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tenant = new BenchmarkTenant();
        _rs256Credentials = new SigningCredentials(new RsaSecurityKey(_tenant.Rsa) { KeyId = _tenant.SigningKey.KeyId }, SecurityAlgorithms.RsaSha256);
        _hs256Credentials = new SigningCredentials(new SymmetricSecurityKey(_tenant.SecretBytes), SecurityAlgorithms.HmacSha256);
        _request = AccessTokenRequest.ForApplication(BenchmarkTenant.ClientId, BenchmarkTenant.Scopes);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _tenant?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "raw CreateToken")]
    [BenchmarkCategory("Issue RS256")]
    public string RawRs256() => RawCreateToken(_rs256Credentials);

    [Benchmark(Description = "AccessTokenIssuer.Issue")]
    [BenchmarkCategory("Issue RS256")]
    public string SdkRs256() => _tenant.Issuer.Issue(_tenant.Rs256Api, _request).Value;

    [Benchmark(Baseline = true, Description = "raw CreateToken")]
    [BenchmarkCategory("Issue HS256")]
    public string RawHs256() => RawCreateToken(_hs256Credentials);

    [Benchmark(Description = "AccessTokenIssuer.Issue")]
    [BenchmarkCategory("Issue HS256")]
    public string SdkHs256() => _tenant.Issuer.Issue(_tenant.Hs256Api, _request).Value;

    private string RawCreateToken(SigningCredentials credentials) => BenchmarkTenant.RawCreateToken(_handler, credentials);
}
