using System.Collections.Concurrent;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Management;
using Microsoft.Extensions.Options;

namespace Auth0ApiKit.DependencyInjection;

/// <summary>
/// Makes the clients and token providers of every <c>AddAuth0ApiKit</c> registration from its named options, over
/// IHttpClientFactory: an <see cref="HttpClient"/> is taken from the factory for every call, never kept. Token providers
/// are shared per (tenant, client id), so that two registrations of the same application fetch one token. Singleton.
/// </summary>
internal sealed class Auth0ApiKitServices
{
    private readonly IOptionsMonitor<Auth0ManagementClientOptions> _options;
    private readonly IHttpClientFactory _httpClients;
    private readonly ConcurrentDictionary<(string Issuer, string ClientId), Lazy<IAccessTokenProvider>> _tokenProviders = new();
    private readonly Lazy<ComponentServices> _container;

    public Auth0ApiKitServices(IServiceProvider services, IOptionsMonitor<Auth0ManagementClientOptions> options, IHttpClientFactory httpClients)
    {
        _options = options;
        _httpClients = httpClients;
        _container = new Lazy<ComponentServices>(() => ComponentServices.From(services));
    }

    /// <summary>The name of the <see cref="HttpClient"/> that calls the Management API (with the bearer token).</summary>
    public static string ManagementHttpClientName(string name) => Qualified("Auth0ApiKit.Management", name);

    /// <summary>The name of the <see cref="HttpClient"/> that calls the token endpoint and reads the JWKS (no token).</summary>
    public static string TokenHttpClientName(string name) => Qualified("Auth0ApiKit.Token", name);

    /// <summary>Whether an <see cref="HttpClient"/> of this name is one of the SDK's, which carry Auth0 credentials.</summary>
    public static bool CarriesCredentials(string? clientName) =>
        clientName is not null && (IsOrQualifies(clientName, "Auth0ApiKit.Management") || IsOrQualifies(clientName, "Auth0ApiKit.Token"));

    /// <summary>The registration's options, validated on first use (and at host start).</summary>
    public Auth0ManagementClientOptions Options(string name) => _options.Get(name);

    /// <summary>The registration's clock, loggers and metrics: those of its options, else the container's, else the defaults.</summary>
    public ComponentServices Services(string name) => _container.Value.With(Options(name));

    /// <summary>The registration's token provider: one per (tenant, client id) when it uses client credentials.</summary>
    public IAccessTokenProvider TokenProvider(string name)
    {
        var options = Options(name);
        var endpoints = ManagementEndpoints.From(options);
        IAccessTokenProvider Create() =>
            ManagementPipeline.CreateTokenProvider(options, endpoints, TokenClient(name, endpoints), Services(name));

        return options.TokenProvider is null && string.IsNullOrEmpty(options.AccessToken)
            ? _tokenProviders.GetOrAdd((endpoints.Urls.Issuer, options.ClientId!), _ => new Lazy<IAccessTokenProvider>(Create)).Value
            : Create();
    }

    public Auth0ManagementClient ManagementClient(string name, IAccessTokenProvider tokens)
    {
        var endpoints = ManagementEndpoints.From(Options(name));
        return new Auth0ManagementClient(endpoints, tokens, TokenClient(name, endpoints),
            () => _httpClients.CreateClient(ManagementHttpClientName(name)),
            () => _httpClients.CreateClient(TokenHttpClientName(name)),
            Services(name));
    }

    private Auth0TokenClient TokenClient(string name, ManagementEndpoints endpoints) =>
        new(endpoints.TokenEndpoint, () => _httpClients.CreateClient(TokenHttpClientName(name)), Services(name).TimeProvider);

    private static string Qualified(string prefix, string name) => string.IsNullOrEmpty(name) ? prefix : prefix + "." + name;

    private static bool IsOrQualifies(string clientName, string prefix) =>
        clientName.StartsWith(prefix, StringComparison.Ordinal) && (clientName.Length == prefix.Length || clientName[prefix.Length] == '.');
}
