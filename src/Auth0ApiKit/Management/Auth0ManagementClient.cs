using Auth0ApiKit.Authentication;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Management;

/// <summary>
/// The Management API of one tenant: APIs, applications, authorizations, roles, users. It fetches and caches its own management
/// token, retries 408/429/5xx as Auth0's SDKs do (never doubling a create), and turns Auth0's errors into typed
/// exceptions. Thread-safe; make one per tenant and reuse it, or register it with <c>services.AddAuth0ApiKit(...)</c>.
/// </summary>
/// <example>
/// <code>
/// var client = new Auth0ManagementClient("dev-abc.us.auth0.com", new ClientCredentials(clientId, new Secret(secret)));
/// var orders = await client.Apis.CreateAsync(ordersDefinition);
/// </code>
/// </example>
public sealed class Auth0ManagementClient : IAuth0ManagementClient, IDisposable
{
    private readonly OwnedConnections? _owned;

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

    /// <summary>Creates a client from settings, with connections of its own (or over <see cref="Auth0ManagementClientOptions.Transport"/>).</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">A setting is missing or malformed.</exception>
    public Auth0ManagementClient(Auth0ManagementClientOptions options)
        : this(OwnedConnections.Open(options))
    {
    }

    private Auth0ManagementClient(OwnedConnections owned)
        : this(owned.Endpoints, owned.Tokens, owned.TokenClient, () => owned.Management, () => owned.Plain, owned.Services) =>
        _owned = owned;

    /// <summary>
    /// Creates a client that takes an <see cref="HttpClient"/> per call (from IHttpClientFactory): one whose pipeline
    /// ends in the bearer token for the Management API, and one without a token for the token endpoint and the JWKS.
    /// </summary>
    internal Auth0ManagementClient(ManagementEndpoints endpoints, IAccessTokenProvider tokens, Auth0TokenClient tokenClient,
        Func<HttpClient> managementHttpClient, Func<HttpClient> plainHttpClient, ComponentServices services)
    {
        var connection = new ManagementConnection(managementHttpClient, endpoints.BaseAddress, services.TimeProvider);
        var tester = new ApiTester(tokenClient, endpoints.TokenIssuer,
            () => new JsonWebKeySetCache(plainHttpClient(), endpoints.JwksUri, options: null, services), services);
        var apis = new ApisClient(connection, tester);
        ApplicationsClient? applications = null;
        var authorizations = new AuthorizationsClient(connection, apis, ct => applications!.ListAsync(ct));
        applications = new ApplicationsClient(connection, authorizations);
        Apis = apis;
        Applications = applications;
        Authorizations = authorizations;
        Roles = new RolesClient(connection);
        Users = new UsersClient(connection);
        Urls = endpoints.Urls;
        Tokens = tokens;
    }

    /// <summary>The tenant this client manages.</summary>
    public TenantUrls Urls { get; }

    /// <inheritdoc />
    public IApisClient Apis { get; }

    /// <inheritdoc />
    public IApplicationsClient Applications { get; }

    /// <inheritdoc />
    public IAuthorizationsClient Authorizations { get; }

    /// <inheritdoc />
    public IRolesClient Roles { get; }

    /// <inheritdoc />
    public IUsersClient Users { get; }

    /// <summary>Where the client's management tokens come from.</summary>
    public IAccessTokenProvider Tokens { get; }

    /// <summary>
    /// Releases the connections the client made itself: not a <see cref="Auth0ManagementClientOptions.Transport"/> it
    /// was given, nor those of IHttpClientFactory.
    /// </summary>
    public void Dispose() => _owned?.Dispose();

    /// <summary>The tenant.</summary>
    public override string ToString() => $"Auth0 Management API client for {Urls.Issuer}";

    /// <summary>The two HttpClients a client built from options makes for itself, and what they need.</summary>
    private sealed class OwnedConnections : IDisposable
    {
        private readonly SocketsHttpHandler? _sockets;

        private OwnedConnections(Auth0ManagementClientOptions options)
        {
            Services = ComponentServices.Default.With(options);
            Endpoints = ManagementEndpoints.From(options);
            _sockets = options.Transport is null ? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false } : null;
            var transport = options.Transport ?? _sockets!;
            Plain = NewHttpClient(ManagementPipeline.Chain(ManagementPipeline.TokenHandlers(options, Services), transport));
            TokenClient = new Auth0TokenClient(Endpoints.TokenEndpoint, () => Plain, Services.TimeProvider);
            Tokens = ManagementPipeline.CreateTokenProvider(options, Endpoints, TokenClient, Services);
            Management = NewHttpClient(ManagementPipeline.Chain(
                ManagementPipeline.ManagementHandlers(options, Services, Tokens, Endpoints), transport));
        }

        public ComponentServices Services { get; }

        public ManagementEndpoints Endpoints { get; }

        public HttpClient Plain { get; }

        public HttpClient Management { get; }

        public Auth0TokenClient TokenClient { get; }

        public IAccessTokenProvider Tokens { get; }

        public static OwnedConnections Open(Auth0ManagementClientOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            options.Validate();
            return new OwnedConnections(options);
        }

        public void Dispose()
        {
            Plain.Dispose();
            Management.Dispose();
            _sockets?.Dispose();
        }

        // The handlers are not disposed with the client: disposing them would dispose a transport the caller gave.
        private static HttpClient NewHttpClient(HttpMessageHandler handler) =>
            new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
