using Auth0ApiKit.Validation;
using F = Auth0ApiKit.Wire.ResourceServerFields;

namespace Auth0ApiKit.Apis;

/// <summary>
/// The rules for an API that only the SDK enforces, before sending: the dashboard's stricter rules
/// (<see cref="RuleOrigin.Dashboard"/>) and the SDK's own (<see cref="RuleOrigin.Sdk"/>). The fake tenant never
/// applies them, because a real tenant does not.
/// </summary>
internal static class ApiClientSideRules
{
    /// <summary>The dashboard offers HS256 and RS256 only.</summary>
    public static void CheckSigningAlgorithm(SigningAlgorithm algorithm, List<ValidationError> errors)
    {
        if (!algorithm.IsSupported && ApiServerRules.AcceptedSigningAlgorithms.Contains(algorithm.Value, StringComparer.Ordinal))
        {
            errors.Add(Rules.NotOneOf(F.SigningAlgorithm, "the signing algorithm", algorithm.Value,
                [SigningAlgorithm.HS256.Value, SigningAlgorithm.RS256.Value], RuleOrigin.Dashboard));
        }
    }

    /// <summary>A signing secret only applies to HS256 APIs.</summary>
    public static void CheckSecretApplies(SigningAlgorithm algorithm, List<ValidationError> errors)
    {
        if (algorithm != SigningAlgorithm.HS256)
        {
            errors.Add(new ValidationError(F.SigningSecret, RuleCodes.NotApplicable, RuleOrigin.Sdk, null,
                $"A signing secret applies only to HS256 APIs; this API is signed with {algorithm}, " +
                "which uses the tenant's private key."));
        }
    }

    /// <summary>The dashboard: the signing algorithm is set at creation and cannot be changed afterwards.</summary>
    public static void CheckSigningAlgorithmUnchanged(SigningAlgorithm current, SigningAlgorithm? desired, List<ValidationError> errors)
    {
        if (desired is { } algorithm && algorithm != current)
        {
            errors.Add(new ValidationError(F.SigningAlgorithm, RuleCodes.Immutable, RuleOrigin.Dashboard, null,
                $"The signing algorithm is {current} and cannot be changed to {algorithm} after the API is created; " +
                "create a new API instead."));
        }
    }

    /// <summary>Durations travel as whole seconds.</summary>
    public static void CheckWholeSeconds(TimeSpan duration, string path, string label, List<ValidationError> errors)
    {
        if (duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add(new ValidationError(path, RuleCodes.WholeSeconds, RuleOrigin.Sdk, null,
                $"{label} is {Rules.Format(duration.TotalSeconds)} seconds; Auth0 takes whole seconds only."));
        }
    }

    /// <summary>Scope values must contain no white space (the <c>scope</c> claim is space-separated) and be unique.</summary>
    public static void CheckScopeValues(IReadOnlyList<Scope> scopes, List<ValidationError> errors)
    {
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < scopes.Count; i++)
        {
            var value = scopes[i].Value;
            var path = F.ScopeField(i, F.ScopeValue);
            var space = IndexOfWhiteSpace(value);

            if (space >= 0)
            {
                errors.Add(new ValidationError(path, RuleCodes.ForbiddenCharacter, RuleOrigin.Sdk, null,
                    $"The scope value '{value}' contains white space at position {space}; scopes travel space-separated in tokens."));
            }

            if (!firstIndex.TryAdd(value, i))
            {
                errors.Add(new ValidationError(path, RuleCodes.Duplicate, RuleOrigin.Sdk, null,
                    $"The scope '{value}' is defined twice (scopes[{firstIndex[value]}] and scopes[{i}])."));
            }
        }
    }

    private static int IndexOfWhiteSpace(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsWhiteSpace(value[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
