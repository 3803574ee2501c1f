using Auth0ApiKit.Apis;
using Auth0ApiKit.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.Tests.Tokens;

/// <summary>
/// One tenant for validation tests: a fake clock, the tenant's key set served by a counting JWKS stub, a JWKS
/// cache over it, an issuer and validators. Cheap to make per test: the RSA keys are shared.
/// </summary>
internal sealed class ValidationTenant : IDisposable
{
    public const string Identifier = "https://orders.example.com";
    public const string ClientId = "k3p9Vw2ZbQeL8xT1mN4rS7uY0aC5dF6h";
    public static readonly DateTimeOffset Start = TestClock.Epoch;

    private readonly HttpClient _httpClient;

    public ValidationTenant(JsonWebKeySetCacheOptions? cacheOptions = null)
    {
        Keys = new SigningKeySet(TestKeys.First);
        Jwks = new JwksStub(Keys.ToJwksJson());
        _httpClient = new HttpClient(Jwks);
        var options = cacheOptions ?? new JsonWebKeySetCacheOptions();
        options.TimeProvider = Time;
        options.LoggerFactory = new LoggerFactory([new FakeLoggerProvider(CacheLogs)]);
        Cache = new JsonWebKeySetCache(_httpClient, Urls.JwksUri, options);
        Issuer = new AccessTokenIssuer(Urls, Keys, Time);
    }

    public static TenantUrls Urls { get; } = TenantUrls.ForDomain("dev-abc.us.auth0.com");

    public FakeTimeProvider Time { get; } = TestClock.Fixed();

    public SigningKeySet Keys { get; }

    public JwksStub Jwks { get; }

    public JsonWebKeySetCache Cache { get; }

    public AccessTokenIssuer Issuer { get; }

    /// <summary>What the cache logged.</summary>
    public FakeLogCollector CacheLogs { get; } = new();

    /// <summary>What the validators of <see cref="Validator"/> logged.</summary>
    public FakeLogCollector ValidatorLogs { get; } = new();

    public static ApiDefinitionBuilder Rs256Api() => Api.Define("Orders API").WithIdentifier(Identifier).SignedWith(SigningAlgorithm.RS256);

    public static ApiDefinitionBuilder Hs256Api(Secret secret) =>
        Api.Define("Orders API").WithIdentifier(Identifier).SignedWith(SigningAlgorithm.HS256).WithSigningSecret(secret);

    public AccessTokenValidator Validator(ApiDefinition api, AccessTokenValidatorOptions? options = null)
    {
        options ??= new AccessTokenValidatorOptions();
        options.TimeProvider = Time;
        options.LoggerFactory = new LoggerFactory([new FakeLoggerProvider(ValidatorLogs)]);
        return new(api, Urls, Cache, options);
    }

    public string Token(ApiDefinition api, AccessTokenRequest? request = null) =>
        Issuer.Issue(api, request ?? AccessTokenRequest.ForApplication(ClientId, ["read:orders", "write:orders"])).Value;

    /// <summary>Every message logged by the cache and the validators.</summary>
    public IEnumerable<string> LogMessages =>
        CacheLogs.GetSnapshot().Select(r => r.Message).Concat(ValidatorLogs.GetSnapshot().Select(r => r.Message));

    public void Dispose() => _httpClient.Dispose();
}

internal static class ValidationExtensions
{
    /// <summary>Validates with a bounded wait, so that a hang fails the test instead of stalling the run.</summary>
    public static Task<AccessTokenValidationResult> Check(this AccessTokenValidator validator, string? token) =>
        validator.ValidateAsync(token).WaitAsync(Bound);
}
