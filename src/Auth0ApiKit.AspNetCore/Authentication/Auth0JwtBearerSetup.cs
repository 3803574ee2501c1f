using Auth0ApiKit.Apis;
using Auth0ApiKit.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Auth0ApiKit.AspNetCore;

/// <summary>
/// Configures one JwtBearer scheme for one API of a tenant from the SDK's <see cref="AccessTokenValidation"/>: its
/// token handler (the prechecks, then IdentityModel) and its <c>TokenValidationParameters</c>, with RS256 keys from
/// the SDK's <see cref="JsonWebKeySetCache"/> and the lifetime on the scheme's clock (the container's unless its
/// <see cref="Auth0JwtBearerOptions"/> set one).
/// Nothing blocks a request thread: JwtBearer awaits the token handler, whose precheck looks the <c>kid</c> up
/// asynchronously (a cached one at once, an unknown one within the fetch timeout), and the synchronous key resolver
/// only reads the cache. Owns the JWKS client it creates. A singleton per scheme.
/// </summary>
internal sealed class Auth0JwtBearerSetup : IConfigureNamedOptions<JwtBearerOptions>, IDisposable
{
    private static readonly TimeSpan DefaultConnectionLifetime = TimeSpan.FromMinutes(5);

    private readonly string _scheme;
    private readonly TenantUrls _urls;
    private readonly ApiDefinition _api;
    private readonly IOptionsMonitor<Auth0JwtBearerOptions> _options;
    private readonly ComponentServices _container;
    private readonly Lock _gate = new();
    private AccessTokenValidation? _validation;
    private HttpClient? _httpClient;

    public Auth0JwtBearerSetup(string scheme, TenantUrls urls, ApiDefinition api, IOptionsMonitor<Auth0JwtBearerOptions> options,
        ComponentServices container)
    {
        _scheme = scheme;
        _urls = urls;
        _api = api;
        _options = options;
        _container = container;
    }

    public void Configure(string? name, JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(name, _scheme, StringComparison.Ordinal))
        {
            return;
        }

        var validation = GetValidation();
        options.MapInboundClaims = false;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(validation.CreateHandler());
        options.TokenValidationParameters = validation.CreateParameters();
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    public void Dispose() => _httpClient?.Dispose();

    /// <summary>The scheme's validation, built on first use from its <see cref="Auth0JwtBearerOptions"/> and kept.</summary>
    private AccessTokenValidation GetValidation()
    {
        lock (_gate)
        {
            if (_validation is not null)
            {
                return _validation;
            }

            var settings = _options.Get(_scheme);
            var services = _container.With(settings);
            HttpClient? httpClient = null;
            JsonWebKeySetCache? signingKeys = null;
            try
            {
                if (_api.EffectiveSigningAlgorithm == SigningAlgorithm.RS256)
                {
                    // The cache bounds each fetch with its own timeout, on the injected clock, and refuses redirects
                    // (Auth0 never redirects its key set), so the default handler does not follow them either.
                    httpClient = settings.BackchannelHttpHandler is { } handler
                        ? new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }
                        : new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = DefaultConnectionLifetime, AllowAutoRedirect = false })
                        {
                            Timeout = Timeout.InfiniteTimeSpan,
                        };
                    signingKeys = new JsonWebKeySetCache(httpClient, _urls.JwksUri, settings.SigningKeys, services);
                }

                _validation = new AccessTokenValidation(_api, _urls, signingKeys, settings.Validation, services.With(settings.Validation).TimeProvider);
            }
            catch
            {
                httpClient?.Dispose();
                throw;
            }

            _httpClient = httpClient;
            return _validation;
        }
    }
}
