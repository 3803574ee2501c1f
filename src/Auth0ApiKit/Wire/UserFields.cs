namespace Auth0ApiKit.Wire;

/// <summary>The JSON names of a user's fields (<c>/api/v2/users</c>).</summary>
internal static class UserFields
{
    public const string UserId = "user_id";
    public const string Email = "email";
    public const string EmailVerified = "email_verified";
    public const string Username = "username";
    public const string Name = "name";
    public const string Nickname = "nickname";
    public const string Picture = "picture";
    public const string Identities = "identities";
    public const string CreatedAt = "created_at";
    public const string UpdatedAt = "updated_at";
    public const string AppMetadata = "app_metadata";
    public const string UserMetadata = "user_metadata";
    public const string Connection = "connection";
    public const string Password = "password";
    public const string Provider = "provider";
    public const string IsSocial = "isSocial";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string PhoneNumber = "phone_number";
    public const string PhoneVerified = "phone_verified";
    public const string Blocked = "blocked";

    /// <summary>A create or update asks Auth0 to send a verification email; never stored.</summary>
    public const string VerifyEmail = "verify_email";

    /// <summary>An update asks Auth0 to verify the new phone number; never stored.</summary>
    public const string VerifyPhoneNumber = "verify_phone_number";

    /// <summary>The application whose email templates an update of <c>email</c> uses; never stored.</summary>
    public const string ClientId = "client_id";

    /// <summary>The users of a page listed with <c>include_totals=true</c>.</summary>
    public const string Users = "users";

    /// <summary>How many users a page listed with <c>include_totals=true</c> holds.</summary>
    public const string Length = "length";

    /// <summary>The tenant's database connection, the only one the fake tenant has.</summary>
    public const string DatabaseConnection = "Username-Password-Authentication";

    /// <summary>The provider of database-connection users (the prefix of their <c>user_id</c>).</summary>
    public const string DatabaseProvider = "auth0";
}
