using System.Text.Json;
using Auth0ApiKit.Validation;
using F = Auth0ApiKit.Wire.UserFields;

namespace Auth0ApiKit.Users;

/// <summary>
/// Changes to a user of the database connection: only the properties set are sent. Metadata merge at their first
/// level, as Auth0 merges them: a property set to JSON <c>null</c> is removed, the others are added or replaced whole.
/// </summary>
public sealed class UserUpdate
{
    /// <summary>The new full name (1 to 300 characters), or <see langword="null"/> to leave it.</summary>
    public string? Name { get; init; }

    /// <summary>The new nickname (1 to 300 characters), or <see langword="null"/> to leave it.</summary>
    public string? Nickname { get; init; }

    /// <summary>Whether the email address is verified, or <see langword="null"/> to leave it.</summary>
    public bool? EmailVerified { get; init; }

    /// <summary>Properties to merge into <c>app_metadata</c> (a JSON object; copied, so its document may be disposed), or <see langword="null"/> to leave it.</summary>
    public JsonElement? AppMetadata { get; init => field = value?.Clone(); }

    /// <summary>Properties to merge into <c>user_metadata</c> (a JSON object; copied, so its document may be disposed), or <see langword="null"/> to leave it.</summary>
    public JsonElement? UserMetadata { get; init => field = value?.Clone(); }

    /// <summary>
    /// The new password, or <see langword="null"/> to leave it. Auth0 refuses a password together with
    /// <c>email_verified</c> in one request, so it is sent in a request of its own.
    /// </summary>
    public Secret? Password { get; init; }

    /// <summary>The names of the properties it changes, such as <c>UserUpdate { name, password }</c>; never a value.</summary>
    public override string ToString() => $"UserUpdate {{ {string.Join(", ", Changed())} }}";

    /// <summary>Whether it changes a property other than the password.</summary>
    internal bool DescribesUser => Name is not null || Nickname is not null || EmailVerified is not null || AppMetadata is not null || UserMetadata is not null;

    /// <summary>Every broken rule of the values it sets.</summary>
    internal List<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (Password is not null)
        {
            UserRules.CheckPassword(Password, errors);
        }

        UserRules.CheckProfile(Name, Nickname, AppMetadata, UserMetadata, errors);
        return errors;
    }

    private IEnumerable<string> Changed()
    {
        (string Field, bool Set)[] fields =
        [
            (F.Name, Name is not null), (F.Nickname, Nickname is not null), (F.EmailVerified, EmailVerified is not null),
            (F.AppMetadata, AppMetadata is not null), (F.UserMetadata, UserMetadata is not null), (F.Password, Password is not null),
        ];
        return fields.Where(f => f.Set).Select(f => f.Field);
    }
}
