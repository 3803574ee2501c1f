using Auth0ApiKit;
using Auth0ApiKit.Apis;
using Auth0ApiKit.AspNetCore;
using Auth0ApiKit.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds JwtBearer schemes that accept the access tokens of one Auth0 API exactly as Auth0ApiKit's
/// <see cref="AccessTokenValidator"/> does.
/// </summary>
/// <remarks>
/// The scheme checks: issuer = the tenant's; audience = the API's identifier, exactly (a trailing slash counts);
/// <c>alg</c> pinned to the API's (no <c>none</c>, no HS256 token on an RS256 API); RS256 keys chosen by <c>kid</c>
/// only from the tenant's JWKS (<c>{issuer}.well-known/jwks.json</c>, fetched and refreshed by a
/// <see cref="JsonWebKeySetCache"/>, again when an unknown <c>kid</c> shows up, at most once per minimum interval; a
/// request whose <c>kid</c> is cached never waits for a fetch, one with an unknown <c>kid</c> waits at most the fetch
/// timeout, since JwtBearer gives the key lookup no cancellation token);
/// HS256 with the API's signing secret (16 to 31 character secrets included); <c>typ</c> <c>at+jwt</c> for RFC 9068
/// dialects; <c>exp</c>, <c>nbf</c> and a future <c>iat</c> on the container's <see cref="TimeProvider"/>
/// (<see cref="TimeProvider.System"/> when none is registered) unless <see cref="Auth0JwtBearerOptions"/> sets one. Claim types stay as Auth0 writes them
/// (<c>MapInboundClaims = false</c>): the user's name is <c>sub</c>, its roles are the <c>permissions</c>.
/// Do not set <c>Authority</c>, <c>MetadataAddress</c> or <c>UseSecurityTokenValidators</c> on the scheme's
/// <see cref="JwtBearerOptions"/>: the host refuses to start. Its events, <c>SaveToken</c> and the like stay yours.
/// <para>The overloads form one ladder per way of naming the tenant, by its domain or by its <see cref="TenantUrls"/>:
/// (tenant, api), (tenant, api, configure), (scheme, tenant, api) and (scheme, tenant, api, configure). As with
/// <c>AddJwtBearer</c>, a <see langword="null"/> <c>configure</c> configures nothing.</para>
/// </remarks>
public static class Auth0JwtBearerExtensions
{
    /// <summary>Adds the <c>Bearer</c> scheme for the tokens of <paramref name="api"/>, issued by the Auth0 tenant at <paramref name="domain"/>.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="domain">The tenant's domain (or custom domain) as tokens carry it in <c>iss</c>, such as <c>dev-abc.us.auth0.com</c>.</param>
    /// <param name="api">The API: its identifier is the audience, its algorithm the only one accepted, its secret verifies HS256 tokens.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="domain"/> is not a host name, or the API cannot be validated: no identifier, an algorithm other
    /// than RS256 and HS256, or HS256 without a signing secret of at least 16 characters.
    /// </exception>
    public static AuthenticationBuilder AddAuth0JwtBearer(this AuthenticationBuilder builder, string domain, ApiDefinition api) =>
        builder.AddAuth0JwtBearer(JwtBearerDefaults.AuthenticationScheme, domain, api, configure: null);

    /// <summary>Adds the <c>Bearer</c> scheme for the tokens of <paramref name="api"/>, issued by the Auth0 tenant at <paramref name="domain"/>.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="domain">The tenant's domain (or custom domain) as tokens carry it in <c>iss</c>, such as <c>dev-abc.us.auth0.com</c>.</param>
    /// <param name="api">The API: its identifier is the audience, its algorithm the only one accepted, its secret verifies HS256 tokens.</param>
    /// <param name="configure">Sets clock skew, JWKS refresh, a previous HS256 secret, the JWKS handler or the clock; <see langword="null"/> sets nothing.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="domain"/> is not a host name, or the API cannot be validated: no identifier, an algorithm other
    /// than RS256 and HS256, or HS256 without a signing secret of at least 16 characters.
    /// </exception>
    public static AuthenticationBuilder AddAuth0JwtBearer(this AuthenticationBuilder builder, string domain, ApiDefinition api,
        Action<Auth0JwtBearerOptions>? configure) =>
        builder.AddAuth0JwtBearer(JwtBearerDefaults.AuthenticationScheme, domain, api, configure);

    /// <summary>
    /// Adds a scheme named <paramref name="authenticationScheme"/> for the tokens of <paramref name="api"/>, issued by
    /// the Auth0 tenant at <paramref name="domain"/>: one scheme per API when a host serves several.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme's name.</param>
    /// <param name="domain">The tenant's domain (or custom domain) as tokens carry it in <c>iss</c>, such as <c>dev-abc.us.auth0.com</c>.</param>
    /// <param name="api">The API: its identifier is the audience, its algorithm the only one accepted, its secret verifies HS256 tokens.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="authenticationScheme"/> is empty, <paramref name="domain"/> is not a host name, or the API cannot
    /// be validated: no identifier, an algorithm other than RS256 and HS256, or HS256 without a signing secret of at
    /// least 16 characters.
    /// </exception>
    public static AuthenticationBuilder AddAuth0JwtBearer(this AuthenticationBuilder builder, string authenticationScheme, string domain,
        ApiDefinition api) =>
        builder.AddAuth0JwtBearer(authenticationScheme, domain, api, configure: null);

    /// <summary>
    /// Adds a scheme named <paramref name="authenticationScheme"/> for the tokens of <paramref name="api"/>, issued by
    /// the Auth0 tenant at <paramref name="domain"/>: one scheme per API when a host serves several.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme's name.</param>
    /// <param name="domain">The tenant's domain (or custom domain) as tokens carry it in <c>iss</c>, such as <c>dev-abc.us.auth0.com</c>.</param>
    /// <param name="api">The API: its identifier is the audience, its algorithm the only one accepted, its secret verifies HS256 tokens.</param>
    /// <param name="configure">Sets clock skew, JWKS refresh, a previous HS256 secret, the JWKS handler or the clock; <see langword="null"/> sets nothing.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="authenticationScheme"/> is empty, <paramref name="domain"/> is not a host name, or the API cannot
    /// be validated: no identifier, an algorithm other than RS256 and HS256, or HS256 without a signing secret of at
    /// least 16 characters.
    /// </exception>
    public static AuthenticationBuilder AddAuth0JwtBearer(this AuthenticationBuilder builder, string authenticationScheme, string domain,
        ApiDefinition api, Action<Auth0JwtBearerOptions>? configure) =>
        builder.AddAuth0JwtBearer(authenticationScheme, TenantUrls.ForDomain(domain), api, configure);

    /// <summary>
    /// Adds the <c>Bearer</c> scheme for the tokens of <paramref name="api"/>, issued by the tenant at <paramref name="urls"/>:
    /// a tenant known by its issuer, such as an emulator on loopback (<c>TenantUrls.ForIssuer("http://127.0.0.1:5000/")</c>).
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="urls">The tenant whose issuer the tokens carry; its JWKS is fetched from <see cref="TenantUrls.JwksUri"/>.</param>
    /// <param name="api">The API: its identifier is the audience, its algorithm the only one accepted, its secret verifies HS256 tokens.</param>
    /// <exception cref="ArgumentException">
    /// The API cannot be validated: no identifier, an algorithm other than RS256 and HS256, or HS256 without a signing
    /// secret of at least 16 characters.
    /// </exception>
    public static AuthenticationBuilder AddAuth0JwtBearer(this AuthenticationBuilder builder, TenantUrls urls, ApiDefinition api) =>
        builder.AddAuth0JwtBearer(JwtBearerDefaults.AuthenticationScheme, urls, api, configure: null);

    /// <summary>
    /// Adds the <c>Bearer</c> scheme for the tokens of <paramref name="api"/>, issued by the tenant at <paramref name="urls"/>:
    /// a tenant known by its issuer, such as an emulator on loopback (<c>TenantUrls.ForIssuer("http://127.0.0.1:5000/")</c>).
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="urls">The tenant whose issuer the tokens carry; its JWKS is fetched from <see cref="TenantUrls.JwksUri"/>.</param>
    /// <param name="api">The API: its identifier is the audience, its algorithm the only one accepted, its secret verifies HS256 tokens.</param>
    /// <param name="configure">Sets clock skew, JWKS refresh, a previous HS256 secret, the JWKS handler or the clock; <see langword="null"/> sets nothing.</param>
    /// <exception cref="ArgumentException">
    /// The API cannot be validated: no identifier, an algorithm other than RS256 and HS256, or HS256 without a signing
    /// secret of at least 16 characters.
    /// </exception>
    public static AuthenticationBuilder AddAuth0JwtBearer(this AuthenticationBuilder builder, TenantUrls urls, ApiDefinition api,
        Action<Auth0JwtBearerOptions>? configure) =>
        builder.AddAuth0JwtBearer(JwtBearerDefaults.AuthenticationScheme, urls, api, configure);

    /// <summary>
    /// Adds a scheme named <paramref name="authenticationScheme"/> for the tokens of <paramref name="api"/>, issued by
    /// the tenant at <paramref name="urls"/>: one scheme per API when a host serves several.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme's name.</param>
    /// <param name="urls">The tenant whose issuer the tokens carry; its JWKS is fetched from <see cref="TenantUrls.JwksUri"/>.</param>
    /// <param name="api">The API: its identifier is the audience, its algorithm the only one accepted, its secret verifies HS256 tokens.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="authenticationScheme"/> is empty, or the API cannot be validated: no identifier, an algorithm
    /// other than RS256 and HS256, or HS256 without a signing secret of at least 16 characters.
    /// </exception>
    public static AuthenticationBuilder AddAuth0JwtBearer(this AuthenticationBuilder builder, string authenticationScheme, TenantUrls urls,
        ApiDefinition api) =>
        builder.AddAuth0JwtBearer(authenticationScheme, urls, api, configure: null);

    /// <summary>
    /// Adds a scheme named <paramref name="authenticationScheme"/> for the tokens of <paramref name="api"/>, issued by
    /// the tenant at <paramref name="urls"/>: one scheme per API when a host serves several.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme's name.</param>
    /// <param name="urls">The tenant whose issuer the tokens carry; its JWKS is fetched from <see cref="TenantUrls.JwksUri"/>.</param>
    /// <param name="api">The API: its identifier is the audience, its algorithm the only one accepted, its secret verifies HS256 tokens.</param>
    /// <param name="configure">Sets clock skew, JWKS refresh, a previous HS256 secret, the JWKS handler or the clock; <see langword="null"/> sets nothing.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="authenticationScheme"/> is empty, or the API cannot be validated: no identifier, an algorithm
    /// other than RS256 and HS256, or HS256 without a signing secret of at least 16 characters.
    /// </exception>
    public static AuthenticationBuilder AddAuth0JwtBearer(this AuthenticationBuilder builder, string authenticationScheme, TenantUrls urls,
        ApiDefinition api, Action<Auth0JwtBearerOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(authenticationScheme);
        ArgumentNullException.ThrowIfNull(urls);
        AccessTokenValidation.CheckApi(api);

        // JwtBearer first: its own configuration (the Authentication:Schemes section) runs before ours, ours wins.
        builder.AddJwtBearer(authenticationScheme, displayName: null, _ => { });
        var services = builder.Services;
        var options = services.AddOptions<Auth0JwtBearerOptions>(authenticationScheme);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<IConfigureOptions<JwtBearerOptions>>(provider => new Auth0JwtBearerSetup(authenticationScheme, urls, api,
            provider.GetRequiredService<IOptionsMonitor<Auth0JwtBearerOptions>>(), ComponentServices.From(provider)));
        services.AddOptions<JwtBearerOptions>(authenticationScheme)
            .Validate(o => o.ConfigurationManager is null && o.Configuration is null,
                $"The {authenticationScheme} scheme of {api.Identifier} fetches the tenant's keys itself (kid-only, on the injected clock); " +
                "do not set its JwtBearerOptions.Authority, MetadataAddress, Configuration or ConfigurationManager.")
            .Validate(o => !o.UseSecurityTokenValidators,
                $"The {authenticationScheme} scheme of {api.Identifier} validates tokens through its own token handler; " +
                "do not set its JwtBearerOptions.UseSecurityTokenValidators.")
            .ValidateOnStart();
        return builder;
    }
}
