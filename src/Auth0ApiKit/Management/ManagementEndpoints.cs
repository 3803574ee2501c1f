using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Management;

/// <summary>Where a management client's requests go and which tenant it speaks for, derived once from its (valid) options.</summary>
/// <param name="Urls">The tenant whose Management API is called (its audience, its issuer).</param>
/// <param name="TokenIssuer">The issuer of tokens for the tenant's own APIs: the custom domain when there is one.</param>
/// <param name="BaseAddress">Where requests are sent.</param>
/// <param name="TokenEndpoint">The token endpoint at <paramref name="BaseAddress"/>.</param>
/// <param name="JwksUri">Where the signing keys of <paramref name="TokenIssuer"/> are read.</param>
internal sealed record ManagementEndpoints(TenantUrls Urls, TenantUrls TokenIssuer, Uri BaseAddress, Uri TokenEndpoint, Uri JwksUri)
{
    public static ManagementEndpoints From(Auth0ManagementClientOptions options)
    {
        var tenant = options.Issuer is { Length: > 0 } issuer ? TenantUrls.ForIssuer(issuer) : TenantUrls.ForDomain(options.Domain!);
        var tokenIssuer = options.CustomDomain is { Length: > 0 } custom ? TenantUrls.ForDomain(custom) : tenant;
        var baseAddress = options.BaseAddress ?? tenant.IssuerUri;
        var jwksUri = options.BaseAddress is null ? tokenIssuer.JwksUri : new Uri(baseAddress, TenantUrls.JwksPath);
        return new ManagementEndpoints(tenant, tokenIssuer, baseAddress, new Uri(baseAddress, TenantUrls.TokenPath), jwksUri);
    }
}
