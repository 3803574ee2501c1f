namespace Auth0ApiKit.Applications;

/// <summary>An OAuth 2.0 grant type an application may use, as Auth0 spells it in <c>grant_types</c>.</summary>
public readonly record struct GrantType
{
    private readonly string? _value;

    /// <summary>Wraps a grant type as Auth0 spells it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public GrantType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The client-credentials grant: the application calls an API as itself (machine to machine).</summary>
    public static GrantType ClientCredentials { get; } = new("client_credentials");

    /// <summary>The authorization-code grant (user sign-in through a browser).</summary>
    public static GrantType AuthorizationCode { get; } = new("authorization_code");

    /// <summary>The implicit grant.</summary>
    public static GrantType Implicit { get; } = new("implicit");

    /// <summary>The refresh-token grant.</summary>
    public static GrantType RefreshToken { get; } = new("refresh_token");

    /// <summary>The resource-owner password grant.</summary>
    public static GrantType Password { get; } = new("password");

    /// <summary>The grant type as Auth0 spells it.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a grant-type name.</summary>
    public static implicit operator GrantType(string value) => new(value);

    /// <summary>Converts a grant-type name.</summary>
    public static GrantType FromString(string value) => new(value);

    /// <summary>The grant type as Auth0 spells it.</summary>
    public override string ToString() => Value;
}
