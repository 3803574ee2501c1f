namespace Auth0ApiKit.Wire;

/// <summary>The names of the header fields and claims of an Auth0 access token: the one place that spells them.</summary>
internal static class AccessTokenFields
{
    // Header
    public const string Algorithm = "alg";
    public const string Type = "typ";
    public const string KeyId = "kid";

    /// <summary>The <c>typ</c> of Auth0's own dialects.</summary>
    public const string JwtType = "JWT";

    /// <summary>The <c>typ</c> of RFC 9068 access tokens.</summary>
    public const string AccessTokenJwtType = "at+jwt";

    /// <summary>The long form of <see cref="AccessTokenJwtType"/> that RFC 9068 also allows.</summary>
    public const string AccessTokenJwtMediaType = "application/at+jwt";

    // Claims, in the order Auth0 writes them.
    public const string Issuer = "iss";
    public const string Subject = "sub";
    public const string Audience = "aud";
    public const string IssuedAt = "iat";
    public const string Expires = "exp";
    public const string NotBefore = "nbf";
    public const string AuthorizedParty = "azp";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string GrantType = "gty";
    public const string JwtId = "jti";
    public const string Permissions = "permissions";

    /// <summary>The <c>gty</c> of a client-credentials token.</summary>
    public const string ClientCredentialsGrantType = "client-credentials";

    /// <summary>The suffix of the <c>sub</c> of a token issued to an application: <c>{client_id}@clients</c>.</summary>
    public const string ApplicationSubjectSuffix = "@clients";

    /// <summary>The claims the SDK writes itself, which a custom claim must not replace.</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Issuer, Subject, Audience, IssuedAt, Expires, NotBefore, AuthorizedParty, ClientId, Scope, GrantType, JwtId, Permissions,
    };
}
