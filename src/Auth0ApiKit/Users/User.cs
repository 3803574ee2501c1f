namespace Auth0ApiKit.Users;

/// <summary>The entry point for defining a user of the tenant's database connection (a test user, a seeded user), in fluent code.</summary>
/// <example>
/// <code>
/// var ann = User.Define("ann@example.com")
///     .WithPassword(new Secret(password))
///     .WithName("Ann Example")
///     .WithEmailVerified()
///     .Build();
/// </code>
/// </example>
public static class User
{
    /// <summary>Starts defining a user.</summary>
    /// <param name="email">The user's email address, unique in the database connection.</param>
    /// <exception cref="ArgumentNullException"><paramref name="email"/> is <see langword="null"/>.</exception>
    public static UserDefinitionBuilder Define(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return new UserDefinitionBuilder(email);
    }
}
