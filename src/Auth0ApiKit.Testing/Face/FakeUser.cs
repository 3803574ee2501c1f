namespace Auth0ApiKit.Testing;

/// <summary>
/// A user of a fake tenant's database connection, as the tenant reports it. It carries no password: the tenant keeps
/// only a hash, and nothing hands that out. Read-only, compared by reference; only a <see cref="FakeTenant"/> makes one.
/// </summary>
public sealed class FakeUser
{
    internal FakeUser(string userId, string email, string name, bool emailVerified)
    {
        UserId = userId;
        Email = email;
        Name = name;
        EmailVerified = emailVerified;
    }

    /// <summary>The user id as Auth0 writes it: <c>auth0|</c> and 24 hex characters (the token's <c>sub</c>).</summary>
    public string UserId { get; }

    /// <summary>The email address the user signs in with.</summary>
    public string Email { get; }

    /// <summary>The user's name (Auth0's default: the email).</summary>
    public string Name { get; }

    /// <summary>Whether the email address is verified (false unless the user was created or updated so).</summary>
    public bool EmailVerified { get; }

    /// <summary>The email and the user id, such as <c>User chuck@example.com (auth0|63d1...)</c>.</summary>
    public override string ToString() => $"User {Email} ({UserId})";
}
