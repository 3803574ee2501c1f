using System.Collections.Frozen;
using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.UserFields;

namespace Auth0ApiKit.Wire;

/// <summary>
/// The bodies Auth0's Management API accepts for users of a database connection (<c>POST /users</c>,
/// <c>PATCH /users/{id}</c>), with Auth0's rules and descriptions (its Management OpenAPI document,
/// <c>CreateUserRequestContent</c> and <c>UpdateUserRequestContent</c>). Both are closed; a create needs
/// <c>connection</c>; an update may set most properties to <c>null</c> to unset them; the metadata objects merge at
/// their first level.
/// </summary>
internal static class UserTable
{
    /// <summary>The length a password must have at least under Auth0's "good" policy, the default of a new database connection.</summary>
    public const int GoodPasswordMinLength = 8;

    /// <summary>How many of the four kinds of character (lower case, upper case, digit, other) a "good" password mixes at least.</summary>
    public const int GoodPasswordMinKinds = 3;

    /// <summary>Properties of a write that instruct Auth0 rather than describe the user: a user row never holds them.</summary>
    public static FrozenSet<string> NotStored { get; } =
        new[] { F.Password, F.Connection, F.VerifyEmail, F.VerifyPhoneNumber, F.ClientId }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The properties of a create and an update body, in the order of Auth0's schema.</summary>
    public static WireShape Shape { get; } = new(
        WireField.String(F.Email).Formatted("email", IsEmail).Described("The user's email."),
        WireField.String(F.PhoneNumber).Matching(@"^\+[0-9]{1,15}$", IsE164).NullableOnUpdate()
            .Described("The user's phone number (following the E.164 recommendation)."),
        WireField.AnyObject(F.UserMetadata).RootMerged().NullableOnUpdate(),
        WireField.Boolean(F.Blocked).Described("Whether this user was blocked by an administrator (true) or not (false)."),
        WireField.Boolean(F.EmailVerified).Described("Whether this email address is verified (true) or unverified (false)."),
        WireField.Boolean(F.PhoneVerified).Described("Whether this phone number has been verified (true) or not (false)."),
        WireField.AnyObject(F.AppMetadata).RootMerged().NullableOnUpdate(),
        WireField.String(F.GivenName).Length(1, 150).NullableOnUpdate().Described("The user's given name(s)."),
        WireField.String(F.FamilyName).Length(1, 150).NullableOnUpdate().Described("The user's family name(s)."),
        WireField.String(F.Name).Length(1, 300).NullableOnUpdate().Described("The user's full name."),
        WireField.String(F.Nickname).Length(1, 300).NullableOnUpdate().Described("The user's nickname."),
        WireField.String(F.Picture).Formatted("strict-uri", IsStrictUri).NullableOnUpdate().Described("A URI pointing to the user's picture."),
        WireField.String(F.UserId).Length(0, 255).Matching(@"^\S*$", HasNoWhiteSpace).CreateOnly()
            .Described("The external user's id provided by the identity provider."),
        WireField.String(F.Connection).Length(1).IsRequired().Described("Name of the connection this user should be created in."),
        WireField.String(F.Password).Length(1).IsSecret().Described("Initial password for this user. Only valid for auth0 connection strategy."),
        WireField.Boolean(F.VerifyEmail)
            .Described("Whether the user will receive a verification email after creation (true) or no email (false). Overrides behavior of `email_verified` parameter."),
        WireField.Boolean(F.VerifyPhoneNumber).UpdateOnly(),
        WireField.String(F.ClientId).Length(1).UpdateOnly(),
        WireField.String(F.Username).Length(1, 128).NullableOnUpdate().Described("The user's username. Only valid if the connection requires a username."))
    {
        // Every create names a new user: no two bodies are alike, and a remembered body would keep a password.
        RemembersCreates = false,
    };

    /// <summary>
    /// Whether a password meets Auth0's "good" policy: at least <see cref="GoodPasswordMinLength"/> characters, mixing
    /// at least <see cref="GoodPasswordMinKinds"/> of lower case letters, upper case letters, digits and other characters.
    /// </summary>
    public static bool IsGoodPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in password)
        {
            lower |= char.IsAsciiLetterLower(c);
            upper |= char.IsAsciiLetterUpper(c);
            digit |= char.IsAsciiDigit(c);
            other |= !char.IsAsciiLetterOrDigit(c);
        }

        var kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        return password.Length >= GoodPasswordMinLength && kinds >= GoodPasswordMinKinds;
    }

    /// <summary>An address with one <c>@</c>, a local part, and a domain of dot-separated labels: what the format checker accepts.</summary>
    private static bool IsEmail(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@') || text.AsSpan().ContainsAny(" \t\r\n"))
        {
            return false;
        }

        var domain = text.AsSpan(at + 1);
        return domain.Contains('.') && domain[0] != '.' && domain[^1] != '.' && !domain.Contains("..", StringComparison.Ordinal);
    }

    private static bool IsE164(string text) =>
        text.Length is >= 2 and <= 16 && text[0] == '+' && !text.AsSpan(1).ContainsAnyExceptInRange('0', '9');

    private static bool HasNoWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An absolute <c>http</c> or <c>https</c> URI with a host.</summary>
    private static bool IsStrictUri(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) &&
        uri.Host.Length > 0;
}
