using System.Buffers;
using Auth0ApiKit.Validation;
using F = Auth0ApiKit.Wire.ResourceServerFields;

namespace Auth0ApiKit.Apis;

/// <summary>
/// Auth0's own rules for an API (a resource server), field by field over raw values, so that the SDK's builder
/// and the fake tenant check exactly the same thing. Only rules the live Management API enforces live here.
/// </summary>
internal static class ApiServerRules
{
    /// <summary>The algorithms a tenant accepts in <c>signing_alg</c>.</summary>
    public static IReadOnlyList<string> AcceptedSigningAlgorithms { get; } = ["HS256", "RS256", "RS512", "PS256"];

    /// <summary>The dialects a tenant accepts in <c>token_dialect</c>.</summary>
    public static IReadOnlyList<string> AcceptedTokenDialects { get; } =
        [TokenDialect.AccessToken.Value, TokenDialect.AccessTokenAuthz.Value, TokenDialect.Rfc9068Profile.Value, TokenDialect.Rfc9068ProfileAuthz.Value];

    private static readonly SearchValues<char> NameForbiddenCharacters = SearchValues.Create([.. ApiLimits.NameForbiddenCharacters]);

    /// <summary>Auth0's pattern for names: at least one character, none of them <c>&lt;</c> or <c>&gt;</c>.</summary>
    public const string NamePattern = "^[^<>]+$";

    /// <summary>Whether a name fits <see cref="NamePattern"/> (its length is checked apart).</summary>
    public static bool HasNoForbiddenCharacter(string name) => !name.AsSpan().ContainsAny(NameForbiddenCharacters);

    public static void CheckName(string name, List<ValidationError> errors)
    {
        Rules.CheckLength(name, F.Name, "the name", 1, ApiLimits.NameMaxLength, errors);
        var forbidden = name.AsSpan().IndexOfAny(NameForbiddenCharacters);
        if (forbidden >= 0)
        {
            errors.Add(new ValidationError(F.Name, RuleCodes.ForbiddenCharacter, RuleOrigin.Auth0, null,
                $"The name must not contain '<' or '>' (found '{name[forbidden]}' at position {forbidden}).")
            {
                SchemaDetail = $"String does not match pattern {NamePattern}",
            });
        }
    }

    public static void CheckIdentifier(string? identifier, List<ValidationError> errors)
    {
        if (identifier is null)
        {
            errors.Add(Rules.Required(F.Identifier, "the identifier"));
            return;
        }

        Rules.CheckLength(identifier, F.Identifier, "the identifier", 1, ApiLimits.IdentifierMaxLength, errors);
    }

    public static void CheckSigningAlgorithm(string algorithm, List<ValidationError> errors)
    {
        if (!AcceptedSigningAlgorithms.Contains(algorithm, StringComparer.Ordinal))
        {
            errors.Add(Rules.NotOneOf(F.SigningAlgorithm, "the signing algorithm", algorithm, AcceptedSigningAlgorithms, RuleOrigin.Auth0));
        }
    }

    /// <summary>Checks the secret's length only: the message never contains the secret.</summary>
    public static void CheckSigningSecret(int secretLength, List<ValidationError> errors)
    {
        if (secretLength < ApiLimits.SigningSecretMinLength)
        {
            errors.Add(Rules.TooShort(F.SigningSecret, "the signing secret", secretLength, ApiLimits.SigningSecretMinLength));
        }
    }

    public static void CheckTokenLifetime(double seconds, List<ValidationError> errors) =>
        Rules.CheckRange(seconds, F.TokenLifetime, "the token lifetime", 0, ApiLimits.TokenLifetimeMaxSeconds, "seconds", errors);

    public static void CheckWebTokenLifetime(double seconds, List<ValidationError> errors) =>
        Rules.CheckRange(seconds, F.TokenLifetimeForWeb, "the web token lifetime", 0, ApiLimits.TokenLifetimeMaxSeconds, "seconds", errors);

    /// <summary>The web lifetime must not exceed the token lifetime, both as they will be after the change.</summary>
    public static void CheckWebNotAboveToken(long webSeconds, long tokenSeconds, List<ValidationError> errors)
    {
        if (webSeconds > tokenSeconds)
        {
            errors.Add(new ValidationError(F.TokenLifetimeForWeb, RuleCodes.NotAboveOtherField, RuleOrigin.Auth0, tokenSeconds,
                $"The web token lifetime ({Rules.Format(webSeconds)} s) must not be longer than the token lifetime ({Rules.Format(tokenSeconds)} s).")
            {
                SchemaDetail = "token_lifetime_for_web cannot be larger than token_lifetime",
            });
        }
    }

    public static void CheckScope(int index, string? value, string? description, List<ValidationError> errors)
    {
        var valuePath = F.ScopeField(index, F.ScopeValue);
        if (value is null)
        {
            errors.Add(Rules.Required(valuePath, $"the value of scope {index}"));
        }
        else
        {
            Rules.CheckLength(value, valuePath, $"the value of scope {index}", 1, ApiLimits.ScopeValueMaxLength, errors);
        }

        if (description is not null)
        {
            Rules.CheckLength(description, F.ScopeField(index, F.ScopeDescription), $"the description of scope {index}",
                0, ApiLimits.ScopeDescriptionMaxLength, errors);
        }
    }

    public static void CheckTokenDialect(string dialect, List<ValidationError> errors)
    {
        if (!AcceptedTokenDialects.Contains(dialect, StringComparer.Ordinal))
        {
            errors.Add(Rules.NotOneOf(F.TokenDialect, "the token dialect", dialect, AcceptedTokenDialects, RuleOrigin.Auth0));
        }
    }
}
