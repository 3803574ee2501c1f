using System.Security.Claims;
using Auth0ApiKit.Apis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using T = Auth0ApiKit.Wire.AccessTokenFields;

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
    private static readonly string[] Rfc9068Types = [T.AccessTokenJwtType, T.AccessTokenJwtMediaType];

    private readonly JsonWebKeySetCache? _signingKeys;
    private readonly SecurityKey[] _secretKeys = [];
    private readonly string _algorithm;
    private readonly TimeSpan _clockSkew;
    private readonly int _maximumTokenLength;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler;
    private readonly TokenValidationParameters _parameters;

    /// <summary>Creates a validator for one API of a tenant.</summary>
    /// <param name="api">The API: its identifier is the audience, its algorithm (RS256 or HS256) is the only one accepted, its secret verifies HS256 tokens, its dialect decides whether <c>typ</c> must be <c>at+jwt</c>.</param>
    /// <param name="tenant">The tenant: its issuer (the canonical or the custom domain tokens carry) must be the token's <c>iss</c>.</param>
    /// <param name="signingKeys">The tenant's JWKS; required for an RS256 API, ignored for an HS256 one. Share one per tenant.</param>
    /// <param name="options">Clock skew, token size limit and a previous HS256 secret; the defaults when <see langword="null"/>. Read once.</param>
    /// <param name="timeProvider">The clock for lifetime checks; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="logger">Where rejections are logged (at debug level, never with the token); nowhere by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="api"/> or <paramref name="tenant"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The API has no identifier; is RS256 without <paramref name="signingKeys"/>; is HS256 without a signing secret
    /// or with a secret under 16 characters; or uses an algorithm other than RS256 and HS256.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public AccessTokenValidator(
        ApiDefinition api,
        TenantUrls tenant,
        JsonWebKeySetCache? signingKeys,
        AccessTokenValidatorOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<AccessTokenValidator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(tenant);
        if (string.IsNullOrEmpty(api.Identifier))
        {
            throw new ArgumentException("The API has no identifier to check the audience against.", nameof(api));
        }

        var settings = options?.Clone() ?? new AccessTokenValidatorOptions();
        settings.Validate();
        Api = api;
        Tenant = tenant;
        _clockSkew = settings.ClockSkew;
        _maximumTokenLength = settings.MaximumTokenLength;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;

        var algorithm = api.EffectiveSigningAlgorithm;
        if (algorithm == SigningAlgorithm.RS256)
        {
            _signingKeys = signingKeys
                ?? throw new ArgumentException($"The RS256 API {api.Identifier} needs the tenant's JWKS to validate its tokens.", nameof(signingKeys));
        }
        else if (algorithm == SigningAlgorithm.HS256)
        {
            var secret = api.SigningSecret
                ?? throw new ArgumentException($"The HS256 API {api.Identifier} has no signing secret to validate its tokens with.", nameof(api));
            _secretKeys = settings.PreviousSigningSecret is { } previous
                ? [SigningSecretKeys.Create(secret, nameof(api)), SigningSecretKeys.Create(previous, nameof(options))]
                : [SigningSecretKeys.Create(secret, nameof(api))];
        }
        else
        {
            throw new ArgumentException($"The SDK validates RS256 and HS256 tokens only; the API {api.Identifier} uses {algorithm}.", nameof(api));
        }

        _algorithm = algorithm.Value;
        _handler = new JsonWebTokenHandler { MapInboundClaims = false, MaximumTokenSizeInBytes = _maximumTokenLength };
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = tenant.Issuer,
            ValidAudience = api.Identifier,
            IgnoreTrailingSlashWhenValidatingAudience = false,
            ValidAlgorithms = [_algorithm],
            ValidTypes = api.EffectiveTokenDialect.IsRfc9068 ? Rfc9068Types : null,
            IssuerSigningKeyResolver = ResolveSigningKeys,
            TryAllIssuerSigningKeys = false,
            ValidateLifetime = true,
            LifetimeValidator = ValidateLifetime,
            RequireSignedTokens = true,
            NameClaimType = T.Subject,
            RoleClaimType = T.Permissions,
        };
    }

    /// <summary>The API whose tokens this validator accepts.</summary>
    public ApiDefinition Api { get; }

    /// <summary>The tenant whose issuer the tokens must carry.</summary>
    public TenantUrls Tenant { get; }

    /// <summary>
    /// Validates an access token (the part after <c>Bearer </c>). Never throws for a bad token: the result says why
    /// it was rejected. Fetches the tenant's JWKS when the cache needs it.
    /// </summary>
    /// <param name="token">The compact JWT; <see langword="null"/> or empty is rejected as malformed.</param>
    /// <param name="cancellationToken">Cancels waiting for a JWKS fetch.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<AccessTokenValidationResult> ValidateAsync(string? token, CancellationToken cancellationToken = default)
    {
        var rejection = Precheck(token, out var jwt, out var keyId);
        if (rejection is null && _signingKeys is not null)
        {
            rejection = await FindSigningKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
        }

        if (rejection is not null)
        {
            return rejection;
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
            return Reject(Classify(e));
        }

        return outcome.IsValid
            ? AccessTokenValidationResult.Valid(jwt!, new ClaimsPrincipal(outcome.ClaimsIdentity))
            : Reject(Classify(outcome.Exception));
    }

    /// <summary>Describes the validator: API, algorithm and issuer.</summary>
    public override string ToString() => $"Access token validator for {Api.Identifier} ({_algorithm}, issuer {Tenant.Issuer})";

    /// <summary>The checks before any key is looked at: presence, size, form and the pinned algorithm.</summary>
    private AccessTokenValidationResult? Precheck(string? token, out JsonWebToken? jwt, out string? keyId)
    {
        jwt = null;
        keyId = null;
        if (string.IsNullOrEmpty(token))
        {
            return Reject(AccessTokenValidationFailure.Malformed, "No token was given.");
        }

        if (token.Length > _maximumTokenLength)
        {
            return Reject(AccessTokenValidationFailure.TooLarge, $"The token is longer than the {_maximumTokenLength} characters allowed.");
        }

        try
        {
            jwt = new JsonWebToken(token);
            keyId = jwt.Kid;
            if (jwt.IsEncrypted)
            {
                return Reject(AccessTokenValidationFailure.Malformed, "The token is encrypted (JWE); Auth0 access tokens are signed JWTs.");
            }

            return string.Equals(jwt.Alg, _algorithm, StringComparison.Ordinal)
                ? null
                : Reject(AccessTokenValidationFailure.AlgorithmNotAllowed, $"The token is not signed with {_algorithm}, the only algorithm the API accepts.");
        }
#pragma warning disable CA1031 // Whatever the decoder throws, the token is malformed.
        catch (Exception)
#pragma warning restore CA1031
        {
            return Reject(AccessTokenValidationFailure.Malformed, "The token is not a signed JWT in compact form (header.payload.signature of base64url JSON).");
        }
    }

    private async ValueTask<AccessTokenValidationResult?> FindSigningKeyAsync(string? keyId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(keyId))
        {
            return Reject(AccessTokenValidationFailure.MissingKeyId, "The RS256 token names no signing key (kid).");
        }

        var lookup = await _signingKeys!.FindAsync(keyId, cancellationToken).ConfigureAwait(false);
        return lookup.Keys is not null ? null
            : lookup.KeysUnavailable ? Reject(AccessTokenValidationFailure.SigningKeysUnavailable,
                $"The tenant's signing keys could not be fetched from {_signingKeys.JwksUri}: {lookup.Snapshot.Failure ?? "no fetch was possible yet"}.")
            : Reject(AccessTokenValidationFailure.UnknownKeyId, "The token names a signing key (kid) the tenant does not publish.");
    }

    private SecurityKey[] ResolveSigningKeys(string token, SecurityToken securityToken, string kid, TokenValidationParameters validationParameters) =>
        _signingKeys is not null ? _signingKeys.GetCached(kid) : _secretKeys;

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken securityToken, TokenValidationParameters validationParameters)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (expires is not { } expiry)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry (exp).");
        }

        if (now >= expiry + _clockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.");
        }

        // Auth0 writes no nbf; a token issued in the future is not valid yet either.
        var issuedAt = securityToken is JsonWebToken { IssuedAt: var iat } && iat != DateTime.MinValue ? iat : DateTime.MinValue;
        var validFrom = notBefore is { } nbf && nbf > issuedAt ? nbf : issuedAt;
        if (validFrom > now + _clockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.");
        }

        return true;
    }

    private (AccessTokenValidationFailure Failure, string Message) Classify(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => (AccessTokenValidationFailure.Expired, "The token has expired."),
        SecurityTokenNotYetValidException => (AccessTokenValidationFailure.NotYetValid, "The token is not valid yet (nbf or iat is in the future)."),
        SecurityTokenNoExpirationException => (AccessTokenValidationFailure.MissingExpiration, "The token has no expiry (exp)."),
        SecurityTokenInvalidIssuerException => (AccessTokenValidationFailure.InvalidIssuer, $"The token's issuer is not {Tenant.Issuer}."),
        SecurityTokenInvalidAudienceException => (AccessTokenValidationFailure.InvalidAudience, $"The token's audience does not name {Api.Identifier}."),
        SecurityTokenInvalidTypeException => (AccessTokenValidationFailure.InvalidType, "The token's type (typ) is not at+jwt, as RFC 9068 tokens require."),
        SecurityTokenInvalidAlgorithmException => (AccessTokenValidationFailure.AlgorithmNotAllowed, $"The token is not signed with {_algorithm}."),
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            (AccessTokenValidationFailure.InvalidSignature, "The token's signature does not match: it was changed or signed with another key."),
        SecurityTokenMalformedException or ArgumentException => (AccessTokenValidationFailure.Malformed, "The token is not a well-formed JWT."),
        _ => (AccessTokenValidationFailure.Invalid, "The token was rejected."),
    };

    private AccessTokenValidationResult Reject((AccessTokenValidationFailure Failure, string Message) reason) => Reject(reason.Failure, reason.Message);

    private AccessTokenValidationResult Reject(AccessTokenValidationFailure failure, string message)
    {
        TokensLog.TokenRejected(_logger, Api.Identifier, failure);
        return AccessTokenValidationResult.Rejected(failure, message);
    }
}
