namespace Auth0ApiKit.Apis;

/// <summary>
/// The algorithm that signs an API's access tokens. <see cref="RS256"/> (the default) signs with the tenant's
/// private key; <see cref="HS256"/> signs with the API's own secret. Other values a tenant may return
/// (<c>RS512</c>, <c>PS256</c>) are kept as they are, so reading such an API never fails.
/// </summary>
public readonly record struct SigningAlgorithm
{
    private readonly string? _value;

    /// <summary>Wraps an algorithm name as Auth0 spells it (<c>RS256</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public SigningAlgorithm(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>RSA with SHA-256, signed with the tenant's private key; the public key is in the tenant's JWKS. Recommended.</summary>
    public static SigningAlgorithm RS256 { get; } = new("RS256");

    /// <summary>HMAC with SHA-256, signed with the API's signing secret.</summary>
    public static SigningAlgorithm HS256 { get; } = new("HS256");

    /// <summary>The algorithm name as Auth0 spells it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is one of the algorithms the SDK can issue and validate (HS256, RS256).</summary>
    public bool IsSupported => this == RS256 || this == HS256;

    /// <summary>Converts an algorithm name.</summary>
    public static implicit operator SigningAlgorithm(string value) => new(value);

    /// <summary>Converts an algorithm name.</summary>
    public static SigningAlgorithm FromString(string value) => new(value);

    /// <summary>The algorithm name.</summary>
    public override string ToString() => Value;
}
