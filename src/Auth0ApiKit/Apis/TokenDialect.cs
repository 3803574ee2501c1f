namespace Auth0ApiKit.Apis;

/// <summary>
/// The shape of the access tokens Auth0 issues for an API (RBAC setting <c>token_dialect</c>). Values a tenant
/// may return that the SDK does not know are kept as they are.
/// </summary>
public readonly record struct TokenDialect
{
    private readonly string? _value;

    /// <summary>Wraps a dialect as Auth0 spells it (<c>access_token</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public TokenDialect(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Auth0's own token shape (<c>azp</c>, <c>gty</c>, a space-separated <c>scope</c>).</summary>
    public static TokenDialect AccessToken { get; } = new("access_token");

    /// <summary>Auth0's token shape plus a <c>permissions</c> claim.</summary>
    public static TokenDialect AccessTokenAuthz { get; } = new("access_token_authz");

    /// <summary>RFC 9068 JWT access tokens (<c>typ: at+jwt</c>, <c>client_id</c>, <c>jti</c>).</summary>
    public static TokenDialect Rfc9068Profile { get; } = new("rfc9068_profile");

    /// <summary>RFC 9068 JWT access tokens plus a <c>permissions</c> claim.</summary>
    public static TokenDialect Rfc9068ProfileAuthz { get; } = new("rfc9068_profile_authz");

    /// <summary>The dialect as Auth0 spells it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether the SDK knows this dialect.</summary>
    public bool IsKnown => this == AccessToken || this == AccessTokenAuthz || this == Rfc9068Profile || this == Rfc9068ProfileAuthz;

    /// <summary>Whether tokens of this dialect carry a <c>permissions</c> claim.</summary>
    public bool IncludesPermissions => this == AccessTokenAuthz || this == Rfc9068ProfileAuthz;

    /// <summary>Whether tokens of this dialect follow RFC 9068.</summary>
    public bool IsRfc9068 => this == Rfc9068Profile || this == Rfc9068ProfileAuthz;

    /// <summary>Converts a dialect name.</summary>
    public static implicit operator TokenDialect(string value) => new(value);

    /// <summary>Converts a dialect name.</summary>
    public static TokenDialect FromString(string value) => new(value);

    /// <summary>The dialect name.</summary>
    public override string ToString() => Value;
}
