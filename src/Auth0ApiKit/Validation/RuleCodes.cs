namespace Auth0ApiKit.Validation;

/// <summary>The stable codes of <see cref="ValidationError.Rule"/>. They never change once shipped.</summary>
public static class RuleCodes
{
    /// <summary>A required value is missing or empty.</summary>
    public const string Required = "required";

    /// <summary>A text is longer than allowed.</summary>
    public const string MaxLength = "max_length";

    /// <summary>A text is shorter than allowed.</summary>
    public const string MinLength = "min_length";

    /// <summary>A text contains a character that is not allowed (such as <c>&lt;</c> in a name, or white space in a scope).</summary>
    public const string ForbiddenCharacter = "forbidden_character";

    /// <summary>A number is below its minimum.</summary>
    public const string Minimum = "minimum";

    /// <summary>A number is above its maximum.</summary>
    public const string Maximum = "maximum";

    /// <summary>A duration is not a whole number of seconds.</summary>
    public const string WholeSeconds = "whole_seconds";

    /// <summary>A value must not exceed another field's value (the web token lifetime and the token lifetime).</summary>
    public const string NotAboveOtherField = "not_above_other_field";

    /// <summary>A value appears twice where values must be unique.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>A value is not one of the values allowed (an unknown signing algorithm or token dialect).</summary>
    public const string UnsupportedValue = "unsupported_value";

    /// <summary>A setting is given where it does not apply (a signing secret for an RS256 API).</summary>
    public const string NotApplicable = "not_applicable";

    /// <summary>An authorization names a scope the API does not define.</summary>
    public const string UndefinedScope = "undefined_scope";

    /// <summary>An application is authorized although it may not use the client-credentials grant.</summary>
    public const string ClientCredentialsNotAllowed = "client_credentials_not_allowed";

    /// <summary>A setting that is fixed once the API exists would change (the signing algorithm).</summary>
    public const string Immutable = "immutable";

    /// <summary>A value is not an absolute URI.</summary>
    public const string AbsoluteUri = "absolute_uri";

    /// <summary>An authorization is for an API that the desired state does not define.</summary>
    public const string UnknownApi = "unknown_api";

    /// <summary>An authorization names an application that the tenant does not have.</summary>
    public const string UnknownApplication = "unknown_application";

    /// <summary>An authorization names an application by a name that several applications of the tenant have.</summary>
    public const string AmbiguousApplication = "ambiguous_application";

    /// <summary>A desired API has the identifier of a system API (the Auth0 Management API), which a sync never changes.</summary>
    public const string SystemApi = "system_api";

    /// <summary>A text is not in the format its field takes (an email address Auth0 does not accept).</summary>
    public const string Format = "format";

    /// <summary>A password does not meet the database connection's password policy (Auth0's "good" policy by default).</summary>
    public const string WeakPassword = "weak_password";

    /// <summary>A value that must be a JSON object (a user's metadata) is another kind of JSON.</summary>
    public const string NotAnObject = "not_an_object";
}
