namespace Auth0ApiKit.Authentication;

/// <summary>
/// How a token provider keeps tokens, and its clock and loggers (<see cref="Auth0ComponentOptions"/>; under a management
/// client, those the client's options leave unset here come from them).
/// </summary>
public sealed class AccessTokenCacheOptions : Auth0ComponentOptions
{
    /// <summary>
    /// How long before expiry a token is replaced: 5 minutes by default, and never more than half the token's
    /// lifetime (so that short-lived tokens are still reused). From zero to one hour.
    /// </summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest one shared fetch of a token may take (the token endpoint and the shared cache together), on the
    /// provider's clock: 2 minutes by default, from 1 second to 10 minutes. Callers share one fetch; without this
    /// bound, a fetch that hangs would hold every later caller.
    /// </summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A cache shared between processes, or <see langword="null"/> to keep tokens in this process only (the default).</summary>
    public IAccessTokenCache? SharedCache { get; set; }

    internal void Validate()
    {
        if (Problem() is { } problem)
        {
            throw new ArgumentOutOfRangeException(problem.Property, problem.Message);
        }
    }

    /// <summary>What is wrong with these settings, as a sentence starting with the property's name; <see langword="null"/> when nothing is.</summary>
    internal (string Property, string Message)? Problem() =>
        RefreshBeforeExpiry < TimeSpan.Zero || RefreshBeforeExpiry > TimeSpan.FromHours(1)
            ? (nameof(RefreshBeforeExpiry), "RefreshBeforeExpiry must be between zero and one hour.")
            : FetchTimeout < TimeSpan.FromSeconds(1) || FetchTimeout > TimeSpan.FromMinutes(10)
                ? (nameof(FetchTimeout), "FetchTimeout must be between 1 second and 10 minutes.")
                : null;
}
