namespace Auth0ApiKit.Tokens;

/// <summary>Why an access token was rejected.</summary>
public enum AccessTokenValidationFailure
{
    /// <summary>The token is valid.</summary>
    None,

    /// <summary>The token is missing, or is not a signed JWT in compact form (truncated, not base64url, not JSON, encrypted).</summary>
    Malformed,

    /// <summary>The token is longer than <see cref="AccessTokenValidatorOptions.MaximumTokenLength"/>.</summary>
    TooLarge,

    /// <summary>The token's <c>alg</c> is not the API's signing algorithm (<c>none</c>, or HS256 on an RS256 API, or the reverse).</summary>
    AlgorithmNotAllowed,

    /// <summary>An RS256 token names no <c>kid</c>.</summary>
    MissingKeyId,

    /// <summary>An RS256 token names a <c>kid</c> the tenant's key set does not publish.</summary>
    UnknownKeyId,

    /// <summary>The tenant's key set could never be fetched, so no RS256 token can be checked.</summary>
    SigningKeysUnavailable,

    /// <summary>The signature does not match: the token was changed, or signed with another key or secret.</summary>
    InvalidSignature,

    /// <summary>The token has expired (<c>exp</c>, with the allowed clock skew).</summary>
    Expired,

    /// <summary>The token is not valid yet (<c>nbf</c> or <c>iat</c> in the future, beyond the allowed clock skew).</summary>
    NotYetValid,

    /// <summary>The token has no <c>exp</c>.</summary>
    MissingExpiration,

    /// <summary>The token's <c>iss</c> is not the tenant's issuer.</summary>
    InvalidIssuer,

    /// <summary>The token's <c>aud</c> does not name the API's identifier.</summary>
    InvalidAudience,

    /// <summary>The token's <c>typ</c> is not <c>at+jwt</c> although the API uses an RFC 9068 dialect.</summary>
    InvalidType,

    /// <summary>The token was rejected for another reason.</summary>
    Invalid,
}
