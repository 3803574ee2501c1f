using System.Net;
using System.Security.Cryptography;
using System.Text;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.Benchmarks;

/// <summary>
/// The tenant both sides of every benchmark share: one RSA key (as a <see cref="TenantSigningKey"/> and as a plain
/// <see cref="RSA"/> for the raw baselines), one HS256 secret, one RS256 and one HS256 API.
/// </summary>
internal sealed class BenchmarkTenant : IDisposable
{
    public const string ClientId = "k3p9Vw2ZbQeL8xT1mN4rS7uY0aC5dF6h";
    public const string Identifier = "https://orders.example.com";
    public static readonly string[] Scopes = ["read:orders", "write:orders"];

    private readonly HttpClient _jwksClient;

    public BenchmarkTenant()
    {
        SigningKey = TenantSigningKey.Generate();
        Rsa = RSA.Create();
        Rsa.ImportFromPem(SigningKey.ExportPrivateKeyPem());
        Keys = new SigningKeySet(SigningKey);
        Secret = Secret.Generate(32);
        Rs256Api = Api.Define("Orders").WithIdentifier(Identifier).SignedWith(SigningAlgorithm.RS256).Build();
        Hs256Api = Api.Define("Orders").WithIdentifier(Identifier).SignedWith(SigningAlgorithm.HS256).WithSigningSecret(Secret).Build();
        Issuer = new AccessTokenIssuer(Urls, Keys);
        _jwksClient = new HttpClient(new JwksHandler(Keys.ToJwksJson()));
        Jwks = new JsonWebKeySetCache(_jwksClient, Urls.JwksUri);
    }

    public static TenantUrls Urls { get; } = TenantUrls.ForDomain("dev-abc.us.auth0.com");

    public TenantSigningKey SigningKey { get; }

    public RSA Rsa { get; }

    public SigningKeySet Keys { get; }

    public Secret Secret { get; }

    public byte[] SecretBytes => Encoding.UTF8.GetBytes(Secret.Reveal());

    public ApiDefinition Rs256Api { get; }

    public ApiDefinition Hs256Api { get; }

    public AccessTokenIssuer Issuer { get; }

    public JsonWebKeySetCache Jwks { get; }

    public void Dispose()
    {
        _jwksClient.Dispose();
        Rsa.Dispose();
        SigningKey.Dispose();
    }

    /// <summary>
    /// The raw baseline: <see cref="JsonWebTokenHandler.CreateToken(SecurityTokenDescriptor)"/> writing the claims of an
    /// Auth0 client-credentials token with ready-made signing credentials.
    /// </summary>
    public static string RawCreateToken(JsonWebTokenHandler handler, SigningCredentials credentials)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>
            {
                ["iss"] = Urls.Issuer,
                ["sub"] = ClientId + "@clients",
                ["aud"] = Identifier,
                ["iat"] = now,
                ["exp"] = now + 86400,
                ["azp"] = ClientId,
                ["scope"] = "read:orders write:orders",
                ["gty"] = "client-credentials",
            },
            SigningCredentials = credentials,
        });
    }

    private sealed class JwksHandler(string jwks) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(jwks, Encoding.UTF8, "application/json") });
    }
}
