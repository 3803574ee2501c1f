using Auth0ApiKit.Apis;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Management;

/// <summary>
/// Runs the dashboard's "Test": a client-credentials token for the API, validated as the API would (the tenant's
/// token issuer, its JWKS for RS256, the API's secret for HS256). Thread-safe.
/// </summary>
internal sealed class ApiTester
{
    private readonly Auth0TokenClient _tokenClient;
    private readonly TenantUrls _tokenIssuer;
    private readonly Lazy<JsonWebKeySetCache> _signingKeys;
    private readonly ComponentServices _services;

    public ApiTester(Auth0TokenClient tokenClient, TenantUrls tokenIssuer, Func<JsonWebKeySetCache> signingKeys, ComponentServices services)
    {
        _tokenClient = tokenClient;
        _tokenIssuer = tokenIssuer;
        _signingKeys = new Lazy<JsonWebKeySetCache>(signingKeys);
        _services = services;
    }

    public async Task<ApiTestReport> TestAsync(ApiDefinition api, string clientId, Secret clientSecret, CancellationToken cancellationToken)
    {
        AccessToken token;
        try
        {
            token = await _tokenClient.RequestClientCredentialsTokenAsync(new ClientCredentials(clientId, clientSecret), api.Identifier, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Auth0AuthenticationException refused)
        {
            return ApiTestReport.Refused(api.Identifier, clientId, null, refused.Message);
        }

        AccessTokenValidator validator;
        try
        {
            var keys = api.EffectiveSigningAlgorithm == SigningAlgorithm.RS256 ? _signingKeys.Value : null;
            validator = new AccessTokenValidator(api, _tokenIssuer, keys, options: null, _services);
        }
        catch (ArgumentException cannotValidate)
        {
            // An algorithm the SDK cannot validate (PS256), or an HS256 API whose secret the tenant did not return.
            return ApiTestReport.Refused(api.Identifier, clientId, token, "The token was issued but cannot be validated here: " + cannotValidate.Message);
        }

        var result = await validator.ValidateAsync(token.Value.Reveal(), cancellationToken).ConfigureAwait(false);
        return ApiTestReport.Validated(api.Identifier, clientId, token, result);
    }
}
