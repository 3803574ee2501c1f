using System.Buffers;
using System.Text.Json;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.UserFields;

namespace Auth0ApiKit.Users;

/// <summary>
/// Auth0's rules for a user of the database connection, read from the user table the fake tenant checks with
/// (<see cref="UserTable"/>), so that the SDK refuses before sending exactly what a tenant would refuse.
/// </summary>
internal static class UserRules
{
    public static void CheckEmail(string email, List<ValidationError> errors)
    {
        if (email.Length == 0)
        {
            errors.Add(Rules.Required(F.Email, "the email address"));
        }
        else if (SchemaMistake(F.Email, Text(email)) is { } detail)
        {
            errors.Add(new ValidationError(F.Email, RuleCodes.Format, RuleOrigin.Auth0, null,
                $"'{email}' is not an email address Auth0 accepts: one '@' between a local part and a domain of dot-separated labels, no white space.")
            {
                SchemaDetail = detail,
            });
        }
    }

    /// <summary>Checks a password against Auth0's "good" policy, the default of a new database connection; never shows it.</summary>
    public static void CheckPassword(Secret password, List<ValidationError> errors)
    {
        if (!UserTable.IsGoodPassword(password.Reveal()))
        {
            errors.Add(new ValidationError(F.Password, RuleCodes.WeakPassword, RuleOrigin.Auth0, UserTable.GoodPasswordMinLength,
                $"The password does not meet Auth0's default \"good\" policy: at least {Rules.Chars(UserTable.GoodPasswordMinLength)}, mixing at least " +
                $"{UserTable.GoodPasswordMinKinds} of lower case letters, upper case letters, digits and other characters."));
        }
    }

    /// <summary>Checks the profile properties a create or an update sets (<see langword="null"/>: not set).</summary>
    public static void CheckProfile(string? name, string? nickname, JsonElement? appMetadata, JsonElement? userMetadata, List<ValidationError> errors)
    {
        CheckText(name, F.Name, "the name", errors);
        CheckText(nickname, F.Nickname, "the nickname", errors);
        CheckMetadata(appMetadata, F.AppMetadata, errors);
        CheckMetadata(userMetadata, F.UserMetadata, errors);
    }

    /// <summary>Checks a text property's length against the table's range (<c>name</c>, <c>nickname</c>).</summary>
    private static void CheckText(string? value, string field, string label, List<ValidationError> errors)
    {
        if (value is not null)
        {
            var row = UserTable.Shape.Find(field)!;
            Rules.CheckLength(value, field, label, row.MinLength ?? 0, row.MaxLength ?? int.MaxValue, errors);
        }
    }

    /// <summary>Checks that metadata is a JSON object, as the table's row requires.</summary>
    private static void CheckMetadata(JsonElement? metadata, string field, List<ValidationError> errors)
    {
        if (metadata is { } value && SchemaMistake(field, value) is { } detail)
        {
            errors.Add(new ValidationError(field, RuleCodes.NotAnObject, RuleOrigin.Auth0, null,
                $"The {field} must be a JSON object of properties; it is a JSON {value.ValueKind.ToString().ToLowerInvariant()}.")
            {
                SchemaDetail = detail,
            });
        }
    }

    /// <summary>What Auth0's schema check says of a value of a create body's field, or <see langword="null"/> when it passes.</summary>
    private static string? SchemaMistake(string field, JsonElement value) =>
        UserTable.Shape.Find(field)!.Check(value, WireOperation.Create, WirePath.Root.Property(field))?.Detail;

    private static JsonElement Text(string value)
    {
        var buffer = new ArrayBufferWriter<byte>(value.Length + 8);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(value);
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }
}
