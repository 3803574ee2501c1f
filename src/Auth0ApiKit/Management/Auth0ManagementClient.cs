using Auth0ApiKit.Authentication;
using Auth0ApiKit.Resilience;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Management;

/// <summary>
/// The Management API of one tenant: APIs, applications, authorizations. It fetches and caches its own management
/// token, retries 408/429/5xx as Auth0's SDKs do (never doubling a create), and turns Auth0's errors into typed
/// exceptions. Thread-safe; make one per tenant and reuse it.
/// </summary>
/// <example>
/// <code>
/// var client = new Auth0ManagementClient("dev-abc.us.auth0.com", new ClientCredentials(clientId, new Secret(secret)));
/// var orders = await client.Apis.CreateAsync(ordersDefinition);
/// </code>
/// </example>
public sealed class Auth0ManagementClient : IAuth0ManagementClient, IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>Creates a client for a tenant domain with an application's credentials and default settings.</summary>
    public Auth0ManagementClient(string domain, ClientCredentials credentials)
        : this(new Auth0ManagementClientOptions
        {
            Domain = domain,
            ClientId = credentials?.ClientId,
            ClientSecret = credentials?.ClientSecret.Reveal(),
            ClientAuthenticationMethod = credentials?.Method ?? ClientAuthenticationMethod.Post,
        })
    {
    }

    /// <summary>Creates a client from settings.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">A setting is missing or malformed.</exception>
    public Auth0ManagementClient(Auth0ManagementClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var time = options.TimeProvider ?? TimeProvider.System;
        var tenant = options.Issuer is { Length: > 0 } issuer ? TenantUrls.ForIssuer(issuer) : TenantUrls.ForDomain(options.Domain!);
        var tokenIssuer = options.CustomDomain is { Length: > 0 } custom ? TenantUrls.ForDomain(custom) : tenant;
        var baseAddress = options.BaseAddress ?? tenant.IssuerUri;
        var transport = options.Transport ?? Own(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        // Token endpoint and JWKS: retries, no bearer token.
        var plain = Own(new HttpClient(Resilient(options, time, transport), disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan });
        var tokenClient = new Auth0TokenClient(new Uri(baseAddress, "oauth/token"), () => plain, time);
        Tokens = options.TokenProvider
            ?? (options.AccessToken is { Length: > 0 } token
                ? new StaticAccessTokenProvider(new Secret(token), time)
                : new ClientCredentialsTokenProvider(tenant, tokenClient,
                    new ClientCredentials(options.ClientId!, new Secret(options.ClientSecret!), options.ClientAuthenticationMethod),
                    options.TokenCache, time));

        // Management API: retries around a bearer token that is refreshed after a 401 or a 403 insufficient_scope.
        var bearer = new Auth0BearerTokenHandler(Tokens, tenant.ManagementApiAudience, refreshOnInsufficientScope: true) { InnerHandler = transport };
        var management = Own(new HttpClient(Resilient(options, time, bearer), disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan });
        var connection = new ManagementConnection(() => management, baseAddress, time);

        var jwksUri = options.BaseAddress is null ? tokenIssuer.JwksUri : new Uri(baseAddress, ".well-known/jwks.json");
        var tester = new ApiTester(tokenClient, tokenIssuer, () => new JsonWebKeySetCache(plain, jwksUri, timeProvider: time), time);
        var apis = new ApisClient(connection, tester);
        ApplicationsClient? applications = null;
        var authorizations = new AuthorizationsClient(connection, apis, ct => applications!.ListAsync(ct));
        applications = new ApplicationsClient(connection, authorizations);
        Apis = apis;
        Applications = applications;
        Authorizations = authorizations;
        Tenant = tenant;
    }

    /// <summary>The tenant this client manages.</summary>
    public TenantUrls Tenant { get; }

    /// <inheritdoc />
    public IApisClient Apis { get; }

    /// <inheritdoc />
    public IApplicationsClient Applications { get; }

    /// <inheritdoc />
    public IAuthorizationsClient Authorizations { get; }

    /// <summary>Where the client's management tokens come from.</summary>
    public IAccessTokenProvider Tokens { get; }

    /// <summary>Releases the connections the client made itself (not a <see cref="Auth0ManagementClientOptions.Transport"/> it was given).</summary>
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    /// <summary>The tenant.</summary>
    public override string ToString() => $"Auth0 Management API client for {Tenant.Issuer}";

    private static HttpMessageHandler Resilient(Auth0ManagementClientOptions options, TimeProvider time, HttpMessageHandler inner) =>
        options.Resilience is { } resilience ? new Auth0ResilienceHandler(resilience, time) { InnerHandler = inner } : inner;

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
