using Auth0ApiKit.Apis;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using T = Auth0ApiKit.Wire.AccessTokenFields;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// The one definition of how an API's access tokens are checked, shared by <see cref="AccessTokenValidator"/> and by
/// ASP.NET Core's JwtBearer (<c>Auth0ApiKit.AspNetCore</c>): the checks made before any key is looked at (presence,
/// size, form, the pinned algorithm, the RS256 key looked up by <c>kid</c>), the IdentityModel
/// <see cref="TokenValidationParameters"/> (issuer, exact audience, pinned algorithm, RFC 9068 <c>typ</c>, kid-only
/// keys, HS256 secrets including short ones, lifetime on the injected clock), and what a rejection means.
/// </summary>
/// <remarks>Built once per API and reused; thread-safe.</remarks>
internal sealed class AccessTokenValidation
{
    private static readonly string[] Rfc9068Types = [T.AccessTokenJwtType, T.AccessTokenJwtMediaType];

    private readonly SecurityKey[] _secretKeys = [];
    private readonly TimeSpan _clockSkew;
    private readonly TimeProvider _timeProvider;

    /// <summary>Builds the checks of one API's tokens.</summary>
    /// <exception cref="ArgumentException">
    /// The API cannot be validated (see <see cref="CheckApi"/>), or is RS256 without <paramref name="signingKeys"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public AccessTokenValidation(
        ApiDefinition api, TenantUrls urls, JsonWebKeySetCache? signingKeys, AccessTokenValidatorOptions? options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var algorithm = CheckApi(api);
        var settings = options?.Clone() ?? new AccessTokenValidatorOptions();
        settings.Validate();
        Api = api;
        Urls = urls;
        Algorithm = algorithm.Value;
        MaximumTokenLength = settings.MaximumTokenLength;
        _clockSkew = settings.ClockSkew;
        _timeProvider = timeProvider;
        if (algorithm == SigningAlgorithm.RS256)
        {
            SigningKeys = signingKeys
                ?? throw new ArgumentException($"The RS256 API {api.Identifier} needs the tenant's JWKS to validate its tokens.", nameof(signingKeys));
        }
        else
        {
            var secret = SigningSecretKeys.Create(api.SigningSecret!, nameof(api));
            _secretKeys = settings.PreviousSigningSecret is { } previous ? [secret, SigningSecretKeys.Create(previous, nameof(options))] : [secret];
        }
    }

    /// <summary>The API whose tokens are checked.</summary>
    public ApiDefinition Api { get; }

    /// <summary>The tenant whose issuer the tokens must carry.</summary>
    public TenantUrls Urls { get; }

    /// <summary>The only <c>alg</c> accepted: the API's (<c>RS256</c> or <c>HS256</c>).</summary>
    public string Algorithm { get; }

    /// <summary>The longest token accepted, in characters.</summary>
    public int MaximumTokenLength { get; }

    /// <summary>The tenant's RS256 keys, or <see langword="null"/> for an HS256 API.</summary>
    public JsonWebKeySetCache? SigningKeys { get; }

    /// <summary>
    /// Checks that an API's tokens can be validated at all, before anything else is built: it has an identifier, uses
    /// RS256 or HS256, and an HS256 API has a signing secret of at least 16 characters.
    /// </summary>
    /// <returns>The API's signing algorithm.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="api"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The API fails one of those checks; the message says which.</exception>
    public static SigningAlgorithm CheckApi(ApiDefinition api)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (string.IsNullOrEmpty(api.Identifier))
        {
            throw new ArgumentException("The API has no identifier to check the audience against.", nameof(api));
        }

        var algorithm = api.EffectiveSigningAlgorithm;
        if (algorithm == SigningAlgorithm.HS256)
        {
            var secret = api.SigningSecret
                ?? throw new ArgumentException($"The HS256 API {api.Identifier} has no signing secret to validate its tokens with.", nameof(api));
            _ = SigningSecretKeys.Create(secret, nameof(api));
        }
        else if (algorithm != SigningAlgorithm.RS256)
        {
            throw new ArgumentException($"The SDK validates RS256 and HS256 tokens only; the API {api.Identifier} uses {algorithm}.", nameof(api));
        }

        return algorithm;
    }

    /// <summary>
    /// New IdentityModel settings for the API's tokens: issuer, exact audience (a trailing slash counts), the pinned
    /// algorithm, <c>typ</c> <c>at+jwt</c> for RFC 9068 dialects, RS256 keys chosen by <c>kid</c> only (never by trying
    /// every key), the HS256 secret (and the previous one), and the lifetime checked on the injected clock. The name
    /// claim is <c>sub</c>, the role claim <c>permissions</c>. Every call gives a new instance the caller may own.
    /// </summary>
    public TokenValidationParameters CreateParameters() => new()
    {
        ValidIssuer = Urls.Issuer,
        ValidAudience = Api.Identifier,
        IgnoreTrailingSlashWhenValidatingAudience = false,
        ValidAlgorithms = [Algorithm],
        ValidTypes = Api.EffectiveTokenDialect.IsRfc9068 ? Rfc9068Types : null,
        IssuerSigningKeyResolver = ResolveSigningKeys,
        TryAllIssuerSigningKeys = false,
        ValidateLifetime = true,
        LifetimeValidator = ValidateLifetime,
        RequireSignedTokens = true,
        NameClaimType = T.Subject,
        RoleClaimType = T.Permissions,
    };

    /// <summary>
    /// A token handler that keeps claim types as they are and refuses tokens over the size limit; given a token as
    /// text it runs <see cref="PrecheckAsync"/> first (given a decoded token, it does not).
    /// </summary>
    public AccessTokenHandler CreateHandler() => new(this);

    /// <summary>
    /// The checks before IdentityModel sees the token: presence, size, compact signed form, the pinned algorithm, and
    /// for RS256 a <c>kid</c> the tenant publishes (fetching its JWKS when the cache needs it).
    /// </summary>
    /// <returns>The decoded token, or why it is rejected.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled while waiting for the JWKS.</exception>
    public async ValueTask<Precheck> PrecheckAsync(string? token, CancellationToken cancellationToken)
    {
        var decoded = Decode(token);
        if (decoded.Rejection is not null || SigningKeys is null)
        {
            return decoded;
        }

        var keyId = decoded.Token!.Kid;
        if (string.IsNullOrEmpty(keyId))
        {
            return new(AccessTokenValidationFailure.MissingKeyId, "The RS256 token names no signing key (kid).");
        }

        var lookup = await SigningKeys.FindAsync(keyId, cancellationToken).ConfigureAwait(false);
        return lookup.Keys is not null ? decoded
            : lookup.KeysUnavailable ? new(AccessTokenValidationFailure.SigningKeysUnavailable,
                $"The tenant's signing keys could not be fetched from {SigningKeys.JwksUri}: {lookup.Snapshot.Failure ?? "no fetch was possible yet"}.")
            : new(AccessTokenValidationFailure.UnknownKeyId, "The token names a signing key (kid) the tenant does not publish.");
    }

    /// <summary>What an exception of IdentityModel's validation means, in a sentence that never quotes the token.</summary>
    public Rejection Classify(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => new(AccessTokenValidationFailure.Expired, "The token has expired."),
        SecurityTokenNotYetValidException => new(AccessTokenValidationFailure.NotYetValid, "The token is not valid yet (nbf or iat is in the future)."),
        SecurityTokenNoExpirationException => new(AccessTokenValidationFailure.MissingExpiration, "The token has no expiry (exp)."),
        SecurityTokenInvalidIssuerException => new(AccessTokenValidationFailure.InvalidIssuer, $"The token's issuer is not {Urls.Issuer}."),
        SecurityTokenInvalidAudienceException => new(AccessTokenValidationFailure.InvalidAudience, $"The token's audience does not name {Api.Identifier}."),
        SecurityTokenInvalidTypeException => new(AccessTokenValidationFailure.InvalidType, "The token's type (typ) is not at+jwt, as RFC 9068 tokens require."),
        SecurityTokenInvalidAlgorithmException => new(AccessTokenValidationFailure.AlgorithmNotAllowed, $"The token is not signed with {Algorithm}."),
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            new(AccessTokenValidationFailure.InvalidSignature, "The token's signature does not match: it was changed or signed with another key."),
        SecurityTokenMalformedException or ArgumentException => new(AccessTokenValidationFailure.Malformed, "The token is not a well-formed JWT."),
        _ => new(AccessTokenValidationFailure.Invalid, "The token was rejected."),
    };

    private Precheck Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return new(AccessTokenValidationFailure.Malformed, "No token was given.");
        }

        if (token.Length > MaximumTokenLength)
        {
            return new(AccessTokenValidationFailure.TooLarge, $"The token is longer than the {MaximumTokenLength} characters allowed.");
        }

        try
        {
            var jwt = new JsonWebToken(token);
            return jwt.IsEncrypted ? new(AccessTokenValidationFailure.Malformed, "The token is encrypted (JWE); Auth0 access tokens are signed JWTs.")
                : !string.Equals(jwt.Alg, Algorithm, StringComparison.Ordinal)
                    ? new(AccessTokenValidationFailure.AlgorithmNotAllowed, $"The token is not signed with {Algorithm}, the only algorithm the API accepts.")
                : new Precheck(jwt);
        }
#pragma warning disable CA1031 // Whatever the decoder throws, the token is malformed.
        catch (Exception)
#pragma warning restore CA1031
        {
            return new(AccessTokenValidationFailure.Malformed, "The token is not a signed JWT in compact form (header.payload.signature of base64url JSON).");
        }
    }

    private SecurityKey[] ResolveSigningKeys(string token, SecurityToken securityToken, string kid, TokenValidationParameters validationParameters) =>
        SigningKeys is not null ? SigningKeys.GetCached(kid) : _secretKeys;

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken securityToken, TokenValidationParameters validationParameters)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (expires is not { } expiry)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry (exp).");
        }

        if (now >= expiry + _clockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expiry };
        }

        // Auth0 writes no nbf; a token issued in the future is not valid yet either.
        var issuedAt = securityToken is JsonWebToken { IssuedAt: var iat } && iat != DateTime.MinValue ? iat : DateTime.MinValue;
        var validFrom = notBefore is { } nbf && nbf > issuedAt ? nbf : issuedAt;
        if (validFrom > now + _clockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = validFrom };
        }

        return true;
    }

    /// <summary>Why a token is rejected: the precise failure and a sentence that never quotes the token or a secret.</summary>
    internal sealed record Rejection(AccessTokenValidationFailure Failure, string Message)
    {
        /// <summary>
        /// The rejection as the IdentityModel exception a token handler reports, so that hosts such as JwtBearer
        /// describe it as they describe their own failures.
        /// </summary>
        public Exception ToException() => Failure switch
        {
            AccessTokenValidationFailure.AlgorithmNotAllowed => new SecurityTokenInvalidAlgorithmException(Message),
            AccessTokenValidationFailure.MissingKeyId or AccessTokenValidationFailure.UnknownKeyId or AccessTokenValidationFailure.SigningKeysUnavailable =>
                new SecurityTokenSignatureKeyNotFoundException(Message),
            _ => new SecurityTokenMalformedException(Message),
        };
    }

    /// <summary>The outcome of the checks before IdentityModel: the decoded token, or why it is rejected.</summary>
    internal readonly record struct Precheck(JsonWebToken? Token, Rejection? Rejection)
    {
        public Precheck(JsonWebToken token) : this(token, null)
        {
        }

        public Precheck(AccessTokenValidationFailure failure, string message) : this(null, new Rejection(failure, message))
        {
        }
    }
}
