using Auth0ApiKit.Tokens;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary><c>/.well-known/jwks.json</c> and <c>/.well-known/openid-configuration</c>.</summary>
internal sealed class WellKnownEndpoint
{
    private readonly TenantUrls _urls;
    private readonly TenantTokens _tokens;
    private readonly Lazy<OpenIdConfigurationDto> _configuration;

    public WellKnownEndpoint(TenantUrls urls, TenantTokens tokens)
    {
        _urls = urls;
        _tokens = tokens;
        _configuration = new Lazy<OpenIdConfigurationDto>(CreateConfiguration);
    }

    /// <summary>The public keys of the tenant's current and previous RS256 signing keys.</summary>
    public FakeResponse Jwks() => FakeResponse.RawJson(200, _tokens.JwksJson());

    public FakeResponse OpenIdConfiguration() =>
        FakeResponse.Json(200, _configuration.Value, WireJson.Context.OpenIdConfigurationDto);

    private OpenIdConfigurationDto CreateConfiguration() => new()
    {
        Issuer = _urls.Issuer,
        AuthorizationEndpoint = _urls.Issuer + "authorize",
        TokenEndpoint = _urls.TokenEndpoint.AbsoluteUri,
        UserInfoEndpoint = _urls.Issuer + "userinfo",
        JwksUri = _urls.JwksUri.AbsoluteUri,
        ResponseTypesSupported = ["code", "token", "id_token", "code token", "code id_token", "token id_token", "code token id_token"],
        SubjectTypesSupported = ["public"],
        IdTokenSigningAlgValuesSupported = ["HS256", "RS256"],
        TokenEndpointAuthMethodsSupported = [ClientFields.AuthMethodSecretBasic, ClientFields.AuthMethodSecretPost],
        GrantTypesSupported = ["authorization_code", "client_credentials", "refresh_token", "implicit"],
        ScopesSupported = ["openid", "profile", "offline_access", "name", "email"],
    };
}
