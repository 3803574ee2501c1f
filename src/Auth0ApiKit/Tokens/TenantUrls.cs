namespace Auth0ApiKit.Tokens;

/// <summary>
/// A tenant's issuer and the well-known URLs derived from it: <c>https://{domain}/</c> for an Auth0 tenant,
/// <c>https://login.example.com/</c> for its custom domain, or <c>http://127.0.0.1:PORT/</c> for an emulator on
/// loopback. The issuer is the tenant's identity (the <c>iss</c> of its tokens); where it is reached is not.
/// </summary>
/// <remarks>
/// The management audience is derived from the issuer as Auth0 derives it from the canonical domain; a tenant
/// reached through a custom domain keeps its Management API on the canonical domain, so build that one with
/// <see cref="ForDomain(string)"/>.
/// </remarks>
public sealed class TenantUrls : IEquatable<TenantUrls>
{
    private TenantUrls(Uri issuer)
    {
        IssuerUri = issuer;
        Issuer = issuer.AbsoluteUri;
        ManagementApiAudience = Issuer + ManagementApiPath;
        UserInfoAudience = Issuer + "userinfo";
    }

    /// <summary>The token endpoint, relative to a tenant's address.</summary>
    internal const string TokenPath = "oauth/token";

    /// <summary>The JSON Web Key Set, relative to a tenant's address.</summary>
    internal const string JwksPath = ".well-known/jwks.json";

    /// <summary>The Management API, relative to a tenant's address (and its audience's path).</summary>
    internal const string ManagementApiPath = "api/v2/";

    /// <summary>The issuer as tokens carry it in <c>iss</c>: an absolute URL ending in <c>/</c>.</summary>
    public string Issuer { get; }

    /// <summary>The issuer as a <see cref="Uri"/>.</summary>
    public Uri IssuerUri { get; }

    /// <summary>The tenant's JSON Web Key Set: <c>{issuer}.well-known/jwks.json</c>.</summary>
    public Uri JwksUri => field ??= new Uri(IssuerUri, JwksPath);

    /// <summary>The tenant's OpenID Connect discovery document: <c>{issuer}.well-known/openid-configuration</c>.</summary>
    public Uri OpenIdConfigurationUri => field ??= new Uri(IssuerUri, ".well-known/openid-configuration");

    /// <summary>The token endpoint: <c>{issuer}oauth/token</c>.</summary>
    public Uri TokenEndpoint => field ??= new Uri(IssuerUri, TokenPath);

    /// <summary>The audience of the Management API (the system API's identifier): <c>{issuer}api/v2/</c>.</summary>
    public string ManagementApiAudience { get; }

    /// <summary>The second audience of a user's access token when <c>openid</c> was granted: <c>{issuer}userinfo</c>.</summary>
    public string UserInfoAudience { get; }

    /// <summary>The URLs of an Auth0 tenant (or custom) domain, such as <c>dev-abc.us.auth0.com</c>: issuer <c>https://{domain}/</c>.</summary>
    /// <param name="domain">A host name, optionally with a port; no scheme and no path.</param>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is not a host name.</exception>
    public static TenantUrls ForDomain(string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        return DomainProblem(domain, out var issuer) is { } problem
            ? throw new ArgumentException(problem, nameof(domain))
            : new TenantUrls(issuer);
    }

    /// <summary>
    /// The URLs of the tenant with this issuer: an absolute <c>https</c> URL ending in <c>/</c>, or an <c>http</c>
    /// URL on a loopback host (an emulator such as <c>http://127.0.0.1:5000/</c>).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="issuer"/> is not absolute, does not end in <c>/</c>, carries a query, fragment or user info,
    /// or uses plain <c>http</c> for a host that is not loopback.
    /// </exception>
    public static TenantUrls ForIssuer(string issuer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        return IssuerProblem(issuer) is { } problem
            ? throw new ArgumentException(problem, nameof(issuer))
            : new TenantUrls(new Uri(issuer, UriKind.Absolute));
    }

    /// <summary>Why <paramref name="domain"/> is not a tenant domain, or <see langword="null"/> when it is one.</summary>
    internal static string? DomainProblem(string domain) => DomainProblem(domain, out _);

    /// <summary>As <see cref="DomainProblem(string)"/>, handing out the issuer <c>https://{domain}/</c> when there is none.</summary>
    private static string? DomainProblem(string domain, out Uri issuer)
    {
        if (domain.Contains("://", StringComparison.Ordinal) || domain.Contains('/', StringComparison.Ordinal) ||
            !Uri.TryCreate("https://" + domain + "/", UriKind.Absolute, out var uri) ||
            uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.UserInfo))
        {
            issuer = null!;
            return "The domain must be a host name such as 'dev-abc.us.auth0.com', without a scheme or a path.";
        }

        issuer = uri;
        return null;
    }

    /// <summary>Why <paramref name="issuer"/> is not a tenant issuer, or <see langword="null"/> when it is one.</summary>
    internal static string? IssuerProblem(string issuer)
    {
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri))
        {
            return "The issuer must be an absolute URL such as 'https://dev-abc.us.auth0.com/'.";
        }

        if (!IsHttpsOrLoopbackHttp(uri))
        {
            return "The issuer must use https; plain http is allowed only on a loopback host (an emulator).";
        }

        return !issuer.EndsWith('/') || !uri.AbsolutePath.EndsWith('/') || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) ||
               !string.IsNullOrEmpty(uri.UserInfo)
            ? "The issuer must end in '/' and carry no query, fragment or user info."
            : null;
    }

    /// <summary>Whether an absolute URL uses https, or plain http on a loopback host: where tokens and keys may come from.</summary>
    internal static bool IsHttpsOrLoopbackHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    /// <inheritdoc />
    public bool Equals(TenantUrls? other) => other is not null && string.Equals(Issuer, other.Issuer, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TenantUrls);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Issuer);

    /// <summary>The issuer.</summary>
    public override string ToString() => Issuer;
}
