using Auth0ApiKit.Authentication;
using Auth0ApiKit.Diagnostics;
using Auth0ApiKit.Resilience;

namespace Auth0ApiKit.Management;

/// <summary>
/// The handlers of a management client's two HTTP pipelines, outermost first, and its token provider: the one
/// recipe that both <see cref="Auth0ManagementClient"/>'s public constructor (over handlers it makes) and
/// <c>AddAuth0ApiKit</c> (over IHttpClientFactory) follow.
/// <list type="bullet">
/// <item>Token endpoint and JWKS: telemetry, retries, then the transport.</item>
/// <item>Management API: telemetry, retries, the bearer token (refreshed after a 401 or a 403 <c>insufficient_scope</c>), then the transport.</item>
/// </list>
/// The retry layer is left out when <see cref="Auth0ManagementClientOptions.Resilience"/> is <see langword="null"/> or
/// not <see cref="Auth0ResilienceOptions.Enabled"/>, so that apps whose HttpClients already retry keep one retry layer.
/// </summary>
internal static class ManagementPipeline
{
    /// <param name="options">The client's settings.</param>
    /// <param name="services">The client's clock, loggers and metrics (its options over the container's or the defaults).</param>
    public static IEnumerable<DelegatingHandler> TokenHandlers(Auth0ManagementClientOptions options, ComponentServices services)
    {
        yield return new Auth0TelemetryHandler(services);
        if (options.Resilience is { Enabled: true } resilience)
        {
            yield return new Auth0ResilienceHandler(resilience, services);
        }
    }

    public static IEnumerable<DelegatingHandler> ManagementHandlers(Auth0ManagementClientOptions options, ComponentServices services,
        IAccessTokenProvider tokens, ManagementEndpoints endpoints) =>
        TokenHandlers(options, services)
            .Append(new Auth0BearerTokenHandler(tokens, endpoints.Urls.ManagementApiAudience, refreshOnInsufficientScope: true));

    /// <summary>Nests <paramref name="handlers"/> (outermost first) over <paramref name="transport"/>.</summary>
    public static HttpMessageHandler Chain(IEnumerable<DelegatingHandler> handlers, HttpMessageHandler transport)
    {
        var inner = transport;
        foreach (var handler in handlers.Reverse())
        {
            handler.InnerHandler = inner;
            inner = handler;
        }

        return inner;
    }

    /// <summary>
    /// Where management tokens come from: <see cref="Auth0ManagementClientOptions.TokenProvider"/>, else
    /// <see cref="Auth0ManagementClientOptions.AccessToken"/>, else the client credentials, cached as
    /// <see cref="Auth0ManagementClientOptions.TokenCache"/> says.
    /// </summary>
    public static IAccessTokenProvider CreateTokenProvider(Auth0ManagementClientOptions options, ManagementEndpoints endpoints, Auth0TokenClient tokenClient,
        ComponentServices services) =>
        options.TokenProvider
        ?? (options.AccessToken is { Length: > 0 } token
            ? new StaticAccessTokenProvider(new Secret(token), options: null, services)
            : new ClientCredentialsTokenProvider(endpoints.Urls, tokenClient,
                new ClientCredentials(options.ClientId!, new Secret(options.ClientSecret!), options.ClientAuthenticationMethod),
                options.TokenCache, services));
}
