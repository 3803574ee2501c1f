using Auth0ApiKit.Emulator.Seeding;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Emulator;

/// <summary>
/// Where the emulator is and what it was seeded with, credentials included: printed at start, written by
/// <c>--write-credentials</c>, served at <c>GET /_emulator/credentials</c>. The secrets are the emulator's own fakes.
/// </summary>
internal sealed class EmulatorCredentials
{
    /// <summary>Where the emulator is reached: <c>http://127.0.0.1:PORT/</c>.</summary>
    public required string BaseUrl { get; init; }

    /// <summary>The issuer of its tokens: the base URL, or <c>https://{domain}/</c> with <c>--domain</c>.</summary>
    public required string Issuer { get; init; }

    /// <summary>What to give an Auth0 SDK as its domain: the base URL's <c>host:port</c>, or the logical domain.</summary>
    public required string Domain { get; init; }

    public required string TokenEndpoint { get; init; }

    public required string JwksUri { get; init; }

    public required string OpenIdConfiguration { get; init; }

    /// <summary>The audience of the Management API: <c>{issuer}api/v2/</c>.</summary>
    public required string ManagementApiAudience { get; init; }

    /// <summary>Where the Management API is reached: <c>{baseUrl}api/v2/</c>.</summary>
    public required string ManagementApiUrl { get; init; }

    /// <summary>The admin endpoints' prefix.</summary>
    public required string AdminUrl { get; init; }

    /// <summary>The per-run token every admin request sends as <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public required string AdminToken { get; init; }

    public CredentialsApplication? Management { get; init; }

    public required List<CredentialsApplication> Applications { get; init; }

    public required List<CredentialsApi> Apis { get; init; }

    /// <summary>The credentials of a plan's tenant reached at <paramref name="baseUrl"/>.</summary>
    public static EmulatorCredentials Create(SeedPlan plan, Uri baseUrl, TenantUrls urls, string domain, string adminPrefix, string adminToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(urls);
        CredentialsApplication Describe(PlannedApplication application) => new()
        {
            Name = application.Definition.Name,
            Kind = application.Definition.Kind.Value,
            ClientId = application.ClientId,
            ClientSecret = application.ClientSecret.Reveal(),
            Authorizations = [.. application.Authorizations.Select(a => new CredentialsAuthorization
            {
                Api = a.Api == SeedPlan.ManagementAudience ? urls.ManagementApiAudience : a.Api,
                Scopes = [.. a.Scopes],
            })],
        };

        return new EmulatorCredentials
        {
            BaseUrl = baseUrl.AbsoluteUri,
            Issuer = urls.Issuer,
            Domain = domain,
            TokenEndpoint = new Uri(baseUrl, "oauth/token").AbsoluteUri,
            JwksUri = new Uri(baseUrl, ".well-known/jwks.json").AbsoluteUri,
            OpenIdConfiguration = new Uri(baseUrl, ".well-known/openid-configuration").AbsoluteUri,
            ManagementApiAudience = urls.ManagementApiAudience,
            ManagementApiUrl = new Uri(baseUrl, "api/v2/").AbsoluteUri,
            AdminUrl = new Uri(baseUrl, adminPrefix.TrimStart('/') + "/").AbsoluteUri,
            AdminToken = adminToken,
            Management = plan.Management is { } management ? Describe(management) : null,
            Applications = [.. plan.Applications.Select(Describe)],
            Apis = [.. plan.Apis.Select(api => new CredentialsApi
            {
                Name = api.Name,
                Identifier = api.Identifier,
                SigningAlgorithm = api.EffectiveSigningAlgorithm.Value,
                SigningSecret = api.SigningSecret?.Reveal(),
                Scopes = [.. (api.Scopes ?? []).Select(s => s.Value)],
            })],
        };
    }
}

/// <summary>An application's credentials and authorizations.</summary>
internal sealed class CredentialsApplication
{
    public required string Name { get; init; }

    /// <summary>Auth0's <c>app_type</c>: <c>non_interactive</c>, <c>regular_web</c>, <c>spa</c>, <c>native</c>.</summary>
    public required string Kind { get; init; }

    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    public required List<CredentialsAuthorization> Authorizations { get; init; }
}

/// <summary>An authorization: the API's identifier and the granted scopes.</summary>
internal sealed class CredentialsAuthorization
{
    public required string Api { get; init; }

    public required List<string> Scopes { get; init; }
}

/// <summary>A seeded API.</summary>
internal sealed class CredentialsApi
{
    public string? Name { get; init; }

    public required string Identifier { get; init; }

    public required string SigningAlgorithm { get; init; }

    /// <summary>The HS256 secret, so that scripts can validate HS256 tokens.</summary>
    public string? SigningSecret { get; init; }

    public required List<string> Scopes { get; init; }
}
