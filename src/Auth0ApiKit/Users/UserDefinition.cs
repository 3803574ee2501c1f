using System.Text.Json;

namespace Auth0ApiKit.Users;

/// <summary>
/// A user of the tenant's database connection (<c>Username-Password-Authentication</c>) as a test or a seed describes
/// it: email, password and the profile properties to set. Immutable, compared by reference (a password is never
/// compared by accident). Create one with <see cref="User.Define(string)"/>.
/// </summary>
public sealed class UserDefinition
{
    internal UserDefinition(string email, Secret password, string? name, string? nickname, bool? emailVerified, JsonElement? appMetadata,
        JsonElement? userMetadata)
    {
        Email = email;
        Password = password;
        Name = name;
        Nickname = nickname;
        EmailVerified = emailVerified;
        AppMetadata = appMetadata;
        UserMetadata = userMetadata;
    }

    /// <summary>The user's email address.</summary>
    public string Email { get; }

    /// <summary>The user's initial password; Auth0 stores only its hash and never returns it.</summary>
    public Secret Password { get; }

    /// <summary>The user's full name, or <see langword="null"/> to let Auth0 use the email address.</summary>
    public string? Name { get; }

    /// <summary>The user's nickname, or <see langword="null"/> to let Auth0 use the email's local part.</summary>
    public string? Nickname { get; }

    /// <summary>Whether the email address is verified, or <see langword="null"/> to let Auth0 default it (to <see langword="false"/>).</summary>
    public bool? EmailVerified { get; }

    /// <summary>Metadata the user cannot change (roles, plans, tenant ids), a JSON object; <see langword="null"/> when not set.</summary>
    public JsonElement? AppMetadata { get; }

    /// <summary>Metadata the user may change (preferences), a JSON object; <see langword="null"/> when not set.</summary>
    public JsonElement? UserMetadata { get; }

    /// <summary>The email address only, such as <c>User 'ann@example.com'</c>; never the password.</summary>
    public override string ToString() => $"User '{Email}'";
}
