using Auth0ApiKit.Apis;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// Checks the bearer token of a Management API call as Auth0 does: signed by the tenant's current or previous
/// key, issued by the tenant, for the Management API audience, not expired on the tenant's clock. It uses the SDK's
/// own <see cref="AccessTokenValidator"/>, fed the tenant's key set in process; a rotation or revocation takes
/// effect at once.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The HttpClient wraps an in-memory handler over the tenant's key set: there is no connection or unmanaged resource to release, and it lives as long as the tenant.")]
internal sealed class ManagementAuthenticator
{
    private const string BearerPrefix = "Bearer ";

    private readonly TenantTokens _tokens;
    private readonly TenantUrls _urls;
    private readonly TimeProvider _time;
    private readonly ApiDefinition _managementApi;
    private readonly HttpClient _keySet;
    private Built? _current;

    public ManagementAuthenticator(TenantTokens tokens, TenantUrls urls, TimeProvider time)
    {
        _tokens = tokens;
        _urls = urls;
        _time = time;
        _managementApi = Api.WithIdentifier(urls.ManagementApiAudience).SignedWith(SigningAlgorithm.RS256).Build();
        _keySet = new HttpClient(new KeySetHandler(tokens));
    }

    /// <summary>The caller, or <see langword="null"/> when the header holds no valid Management API token.</summary>
    public async Task<ManagementCaller?> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var result = await Validator().ValidateAsync(authorization[BearerPrefix.Length..].Trim(), cancellationToken).ConfigureAwait(false);
        return result.IsValid ? new ManagementCaller(result.ClientId, result.Scopes) : null;
    }

    private AccessTokenValidator Validator()
    {
        var version = _tokens.KeySetVersion;
        if (Volatile.Read(ref _current) is { } current && current.Version == version)
        {
            return current.Validator;
        }

        var keys = new JsonWebKeySetCache(_keySet, _urls.JwksUri, new JsonWebKeySetCacheOptions { TimeProvider = _time });
        var validator = new AccessTokenValidator(_managementApi, _urls, keys,
            new AccessTokenValidatorOptions { ClockSkew = TimeSpan.Zero, TimeProvider = _time });
        Volatile.Write(ref _current, new Built(version, validator));
        return validator;
    }

    private sealed record Built(long Version, AccessTokenValidator Validator);

    /// <summary>Serves the tenant's JWKS straight from its key set, never through the tenant's faults or journal.</summary>
    private sealed class KeySetHandler(TenantTokens tokens) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent(tokens.JwksJson(), System.Text.Encoding.UTF8, "application/json"),
                RequestMessage = request,
            });
    }
}
