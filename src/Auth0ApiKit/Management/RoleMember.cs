namespace Auth0ApiKit.Management;

/// <summary>
/// A user who has a role, as Auth0 lists a role's users: id, email, name and picture. Read-only, compared by
/// reference; tests build one with <see cref="Auth0ModelFactory.RoleMember"/>.
/// </summary>
public sealed class RoleMember
{
    internal RoleMember(string userId, string? email, string? name, string? picture)
    {
        UserId = userId;
        Email = email;
        Name = name;
        Picture = picture;
    }

    /// <summary>The user's id, such as <c>auth0|5f0c...</c>.</summary>
    public string UserId { get; }

    /// <summary>The user's email address, when the user has one.</summary>
    public string? Email { get; }

    /// <summary>The user's name, when Auth0 reports one.</summary>
    public string? Name { get; }

    /// <summary>The URL of the user's picture, when Auth0 reports one.</summary>
    public string? Picture { get; }

    /// <summary>The user's id only (no email: people's addresses stay out of logs).</summary>
    public override string ToString() => $"user {UserId}";
}
