namespace Auth0ApiKit.Tokens;

/// <summary>
/// How an <see cref="AccessTokenValidator"/> checks tokens beyond what the API definition fixes, and its clock and
/// loggers (<see cref="Auth0ComponentOptions"/>).
/// </summary>
public sealed class AccessTokenValidatorOptions : Auth0ComponentOptions
{
    /// <summary>How far the token's times may be off the validator's clock. Default 1 minute; from zero to 10 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest token accepted, in characters; longer ones are rejected before they are decoded. Default 32 KiB
    /// (Kestrel's default limit for all request headers together); from 1 KiB to 1 MiB.
    /// </summary>
    public int MaximumTokenLength { get; set; } = 32 * 1024;

    /// <summary>
    /// For an HS256 API whose signing secret is being changed: the former secret, whose tokens stay valid until they
    /// expire. <see langword="null"/> (the default) accepts only the API's current secret. Ignored for RS256 APIs.
    /// </summary>
    public Secret? PreviousSigningSecret { get; set; }

    /// <summary>Checks every setting against its range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range; the message names it.</exception>
    internal void Validate()
    {
        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentOutOfRangeException(nameof(ClockSkew), ClockSkew,
                $"{nameof(AccessTokenValidatorOptions)}.{nameof(ClockSkew)} must be from zero to 10 minutes.");
        }

        if (MaximumTokenLength is < 1024 or > 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumTokenLength), MaximumTokenLength,
                $"{nameof(AccessTokenValidatorOptions)}.{nameof(MaximumTokenLength)} must be from 1 KiB to 1 MiB.");
        }
    }

    internal AccessTokenValidatorOptions Clone() => (AccessTokenValidatorOptions)MemberwiseClone();
}
