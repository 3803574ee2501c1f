using System.Security.Claims;
using Auth0ApiKit.Apis;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// Validates the access tokens one API receives, as the dashboard's Quick Start configures a JWT library: issuer =
/// the tenant's issuer, audience = the API's identifier, algorithm pinned to the API's, RS256 keys from the tenant's
/// JWKS chosen by <c>kid</c> only, HS256 with the API's secret, lifetime checked on the injected clock.
/// </summary>
/// <remarks>
/// A bad token never throws: <see cref="ValidateAsync"/> returns a result with the precise
/// <see cref="AccessTokenValidationFailure"/>. <c>jku</c>, <c>x5u</c>, <c>jwk</c> and <c>x5c</c> headers are never
/// fetched or trusted. The validator builds its IdentityModel settings once; it is thread-safe and meant to be reused.
/// </remarks>
public sealed class AccessTokenValidator
{
    private readonly AccessTokenValidation _validation;
    private readonly ILogger _logger;
    private readonly AccessTokenHandler _handler;
    private readonly TokenValidationParameters _parameters;

    /// <summary>Creates a validator for one API of a tenant.</summary>
    /// <param name="api">The API: its identifier is the audience, its algorithm (RS256 or HS256) is the only one accepted, its secret verifies HS256 tokens, its dialect decides whether <c>typ</c> must be <c>at+jwt</c>.</param>
    /// <param name="urls">The tenant: its issuer (the canonical or the custom domain tokens carry) must be the token's <c>iss</c>.</param>
    /// <param name="signingKeys">The tenant's JWKS; required for an RS256 API, ignored for an HS256 one. Share one per tenant.</param>
    /// <param name="options">
    /// Clock skew, token size limit, a previous HS256 secret, the clock for lifetime checks and where rejections are
    /// logged (at debug level, never with the token); the defaults when <see langword="null"/>. Read once.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="api"/> or <paramref name="urls"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The API has no identifier; is RS256 without <paramref name="signingKeys"/>; is HS256 without a signing secret
    /// or with a secret under 16 characters; or uses an algorithm other than RS256 and HS256.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public AccessTokenValidator(ApiDefinition api, TenantUrls urls, JsonWebKeySetCache? signingKeys, AccessTokenValidatorOptions? options = null)
        : this(api, urls, signingKeys, options, ComponentServices.Default)
    {
    }

    /// <summary>Creates a validator whose unset clock and loggers come from <paramref name="around"/> (a management client's).</summary>
    internal AccessTokenValidator(ApiDefinition api, TenantUrls urls, JsonWebKeySetCache? signingKeys, AccessTokenValidatorOptions? options,
        ComponentServices around)
    {
        var services = around.With(options);
        _validation = new AccessTokenValidation(api, urls, signingKeys, options, services.TimeProvider);
        _logger = services.CreateLogger<AccessTokenValidator>();
        _handler = _validation.CreateHandler();
        _parameters = _validation.CreateParameters();
    }

    /// <summary>The API whose tokens this validator accepts.</summary>
    public ApiDefinition Api => _validation.Api;

    /// <summary>The tenant whose issuer the tokens must carry.</summary>
    public TenantUrls Urls => _validation.Urls;

    /// <summary>
    /// Validates an access token (the part after <c>Bearer </c>). Never throws for a bad token: the result says why
    /// it was rejected. Fetches the tenant's JWKS when the cache needs it.
    /// </summary>
    /// <param name="token">The compact JWT; <see langword="null"/> or empty is rejected as malformed.</param>
    /// <param name="cancellationToken">Cancels waiting for a JWKS fetch.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<AccessTokenValidationResult> ValidateAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (jwt, rejection) = await _validation.PrecheckAsync(token, cancellationToken).ConfigureAwait(false);
        if (rejection is not null)
        {
            return Reject(rejection);
        }

        TokenValidationResult outcome;
        try
        {
            outcome = await _handler.ValidateTokenAsync(jwt!, _parameters).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A bad token must never throw; every failure becomes a rejection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Reject(_validation.Classify(e));
        }

        return outcome.IsValid
            ? AccessTokenValidationResult.Valid(jwt!, new ClaimsPrincipal(outcome.ClaimsIdentity))
            : Reject(_validation.Classify(outcome.Exception));
    }

    /// <summary>Describes the validator: API, algorithm and issuer.</summary>
    public override string ToString() => $"Access token validator for {Api.Identifier} ({_validation.Algorithm}, issuer {Urls.Issuer})";

    private AccessTokenValidationResult Reject(AccessTokenValidation.Rejection rejection)
    {
        TokensLog.TokenRejected(_logger, Api.Identifier, rejection.Failure);
        return AccessTokenValidationResult.Rejected(rejection.Failure, rejection.Message);
    }
}
