namespace Auth0ApiKit.Apis;

/// <summary>The entry point for defining an API in fluent code.</summary>
/// <example>
/// <code>
/// var orders = Api.Define("Orders API")
///     .WithIdentifier("https://orders.example.com")
///     .SignedWith(SigningAlgorithm.RS256)
///     .TokensExpireAfter(TimeSpan.FromHours(2))
///     .WithScope("read:orders", "Read orders")
///     .Build();
/// </code>
/// </example>
public static class Api
{
    /// <summary>Starts defining an API with the friendly name the dashboard shows.</summary>
    /// <param name="name">1 to 200 characters, no <c>&lt;</c> or <c>&gt;</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static ApiDefinitionBuilder Define(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new ApiDefinitionBuilder(name);
    }

    /// <summary>Starts defining an API by its identifier alone, leaving the name unset.</summary>
    /// <param name="identifier">1 to 600 characters; it can never change after creation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is <see langword="null"/>.</exception>
    public static ApiDefinitionBuilder WithIdentifier(string identifier) => new ApiDefinitionBuilder((string?)null).WithIdentifier(identifier);
}
