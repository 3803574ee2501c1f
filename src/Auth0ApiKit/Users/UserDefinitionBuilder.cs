using System.Text.Json;
using Auth0ApiKit.Validation;
using F = Auth0ApiKit.Wire.UserFields;

namespace Auth0ApiKit.Users;

/// <summary>Builds a <see cref="UserDefinition"/>. Start with <see cref="User.Define(string)"/>.</summary>
/// <remarks>
/// A builder is not thread-safe; the definitions it builds are immutable. The rules are Auth0's for its database
/// connection: an email address in the format it accepts, a password that meets the connection's default ("good")
/// policy, names within their lengths, metadata that are JSON objects. No message ever shows the password.
/// </remarks>
public sealed class UserDefinitionBuilder : DefinitionBuilder<UserDefinition>
{
    private readonly string _email;
    private Secret? _password;
    private string? _name;
    private string? _nickname;
    private bool? _emailVerified;
    private JsonElement? _appMetadata;
    private JsonElement? _userMetadata;

    internal UserDefinitionBuilder(string email) => _email = email;

    private protected override string DefinitionKind => "user";

    /// <summary>Sets the user's initial password (required).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="password"/> is <see langword="null"/>.</exception>
    public UserDefinitionBuilder WithPassword(Secret password)
    {
        ArgumentNullException.ThrowIfNull(password);
        _password = password;
        return this;
    }

    /// <summary>Sets the user's full name (1 to 300 characters); Auth0 uses the email address when none is set.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public UserDefinitionBuilder WithName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _name = name;
        return this;
    }

    /// <summary>Sets the user's nickname (1 to 300 characters); Auth0 uses the email's local part when none is set.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="nickname"/> is <see langword="null"/>.</exception>
    public UserDefinitionBuilder WithNickname(string nickname)
    {
        ArgumentNullException.ThrowIfNull(nickname);
        _nickname = nickname;
        return this;
    }

    /// <summary>Marks the email address as verified (or explicitly not); Auth0 creates users unverified by default.</summary>
    public UserDefinitionBuilder WithEmailVerified(bool verified = true)
    {
        _emailVerified = verified;
        return this;
    }

    /// <summary>Sets the metadata the user cannot change (<c>app_metadata</c>), a JSON object.</summary>
    public UserDefinitionBuilder WithAppMetadata(JsonElement metadata)
    {
        _appMetadata = metadata.Clone();
        return this;
    }

    /// <summary>Sets the metadata the user may change (<c>user_metadata</c>), a JSON object.</summary>
    public UserDefinitionBuilder WithUserMetadata(JsonElement metadata)
    {
        _userMetadata = metadata.Clone();
        return this;
    }

    private protected override void CheckRules(List<ValidationError> errors)
    {
        UserRules.CheckEmail(_email, errors);
        if (_password is null)
        {
            errors.Add(Rules.Required(F.Password, "the password"));
        }
        else
        {
            UserRules.CheckPassword(_password, errors);
        }

        UserRules.CheckProfile(_name, _nickname, _appMetadata, _userMetadata, errors);
    }

    private protected override UserDefinition CreateDefinition() =>
        new(_email, _password!, _name, _nickname, _emailVerified, _appMetadata, _userMetadata);
}
