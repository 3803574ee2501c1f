using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.AspNetCore;

/// <summary>
/// How an <c>AddAuth0JwtBearer</c> scheme checks tokens beyond what the API definition and the tenant fix. Every
/// setting has the default and range of its counterpart in the plain .NET <see cref="AccessTokenValidator"/> and
/// <see cref="JsonWebKeySetCache"/>. The clock and loggers (<see cref="Auth0ComponentOptions"/>) are the container's
/// unless set here, for the whole scheme, or in <see cref="Validation"/> or <see cref="SigningKeys"/> for one part.
/// </summary>
public sealed class Auth0JwtBearerOptions : Auth0ComponentOptions
{
    /// <summary>Clock skew, token size limit and, for an HS256 API whose secret is being changed, the previous secret.</summary>
    public AccessTokenValidatorOptions Validation { get; } = new();

    /// <summary>
    /// How often the tenant's RS256 signing keys are fetched again, and how a fetch is bounded; settings out of range
    /// or that cannot work together stop the host from starting. Ignored for HS256 APIs.
    /// </summary>
    public JsonWebKeySetCacheOptions SigningKeys { get; } = new();

    /// <summary>
    /// The handler through which the tenant's JWKS is fetched: <c>FakeTenant.CreateHandler()</c> in tests, or one that
    /// goes through a proxy. <see langword="null"/> (the default) uses a <see cref="SocketsHttpHandler"/> that renews its
    /// connections every 5 minutes. A handler given here is not disposed by the scheme. Ignored for HS256 APIs.
    /// </summary>
    public HttpMessageHandler? BackchannelHttpHandler { get; set; }
}
