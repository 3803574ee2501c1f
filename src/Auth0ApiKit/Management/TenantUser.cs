using System.Text.Json;

namespace Auth0ApiKit.Management;

/// <summary>
/// A user as a tenant holds it (never with a password: Auth0 returns none). Read-only, compared by reference; tests
/// build one with <see cref="Auth0ModelFactory.TenantUser"/>.
/// </summary>
public sealed class TenantUser
{
    internal TenantUser(string userId, string? email, bool emailVerified, string? name, string? nickname, string? picture,
        DateTimeOffset? createdAt, DateTimeOffset? updatedAt, JsonElement? appMetadata, JsonElement? userMetadata)
    {
        UserId = userId;
        Email = email;
        EmailVerified = emailVerified;
        Name = name;
        Nickname = nickname;
        Picture = picture;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        AppMetadata = appMetadata;
        UserMetadata = userMetadata;
    }

    /// <summary>The user's id, such as <c>auth0|</c> and 24 hex characters for a database user.</summary>
    public string UserId { get; }

    /// <summary>The user's email address, when the user has one.</summary>
    public string? Email { get; }

    /// <summary>Whether the email address is verified.</summary>
    public bool EmailVerified { get; }

    /// <summary>The user's full name (Auth0 uses the email address when none was given).</summary>
    public string? Name { get; }

    /// <summary>The user's nickname (Auth0 uses the email's local part when none was given).</summary>
    public string? Nickname { get; }

    /// <summary>The URL of the user's picture.</summary>
    public string? Picture { get; }

    /// <summary>When the user was created.</summary>
    public DateTimeOffset? CreatedAt { get; }

    /// <summary>When the user was last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; }

    /// <summary>The metadata the user cannot change, a JSON object; <see langword="null"/> when it has none.</summary>
    public JsonElement? AppMetadata { get; }

    /// <summary>The metadata the user may change, a JSON object; <see langword="null"/> when it has none.</summary>
    public JsonElement? UserMetadata { get; }

    /// <summary>The user's id only (no email: people's addresses stay out of logs).</summary>
    public override string ToString() => $"user {UserId}";
}
