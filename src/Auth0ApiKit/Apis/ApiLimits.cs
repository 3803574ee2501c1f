namespace Auth0ApiKit.Apis;

/// <summary>Auth0's limits and defaults for an API, as its Management API enforces and applies them.</summary>
public static class ApiLimits
{
    /// <summary>The longest name, in characters.</summary>
    public const int NameMaxLength = 200;

    /// <summary>The longest identifier, in characters.</summary>
    public const int IdentifierMaxLength = 600;

    /// <summary>The longest scope value, in characters.</summary>
    public const int ScopeValueMaxLength = 280;

    /// <summary>The longest scope description, in characters.</summary>
    public const int ScopeDescriptionMaxLength = 500;

    /// <summary>The shortest HS256 signing secret Auth0 accepts, in characters.</summary>
    public const int SigningSecretMinLength = 16;

    /// <summary>The length of the signing secrets Auth0 and the SDK generate: letters and digits.</summary>
    public const int GeneratedSigningSecretLength = 32;

    /// <summary>The longest token lifetime: 30 days, in seconds.</summary>
    public const int TokenLifetimeMaxSeconds = 2_592_000;

    /// <summary>The token lifetime when none is set: 24 hours, in seconds.</summary>
    public const int DefaultTokenLifetimeSeconds = 86_400;

    /// <summary>The web token lifetime when none is set (or the token lifetime, when that is lower): 2 hours, in seconds.</summary>
    public const int DefaultWebTokenLifetimeSeconds = 7_200;

    /// <summary>The web lifetime Auth0 gives an API created without one: its token lifetime, at most two hours.</summary>
    internal static long DefaultWebLifetimeSeconds(long tokenLifetimeSeconds) =>
        (long)DefaultWebLifetime(TimeSpan.FromSeconds(tokenLifetimeSeconds)).TotalSeconds;

    /// <inheritdoc cref="DefaultWebLifetimeSeconds(long)"/>
    internal static TimeSpan DefaultWebLifetime(TimeSpan tokenLifetime) =>
        tokenLifetime < TimeSpan.FromSeconds(DefaultWebTokenLifetimeSeconds) ? tokenLifetime : TimeSpan.FromSeconds(DefaultWebTokenLifetimeSeconds);

    /// <summary>The characters a name must not contain.</summary>
    public static IReadOnlyList<char> NameForbiddenCharacters { get; } = ['<', '>'];
}
