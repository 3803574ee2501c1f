using Auth0ApiKit.Validation;
using F = Auth0ApiKit.Wire.ResourceServerFields;

namespace Auth0ApiKit.Apis;

/// <summary>
/// The rules that hold between a definition and the API it creates or changes. A definition's builder checks only
/// what was set against what was set; these rules check the values that will result once the tenant's defaults
/// (on create) or the API's current settings (on update) fill in what was not set. The SDK applies them before
/// sending; Auth0 makes the identifier and lifetime rules, the dashboard the signing-algorithm rule, the SDK the secret rule.
/// </summary>
internal static class ApiChangeRules
{
    /// <summary>Checks a definition about to be created, with Auth0's defaults for what it leaves unset.</summary>
    public static IReadOnlyList<ValidationError> CheckCreate(ApiDefinition desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var errors = new List<ValidationError>();
        CheckResultingValues(desired, desired.EffectiveSigningAlgorithm, desired.EffectiveTokenLifetime, desired.EffectiveWebTokenLifetime, errors);
        return errors;
    }

    /// <summary>Checks a definition about to be applied to an existing API whose settings are <paramref name="current"/>.</summary>
    public static IReadOnlyList<ValidationError> CheckUpdate(ApiDefinition current, ApiDefinition desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        var errors = new List<ValidationError>();
        CheckIdentifierUnchanged(current.Identifier, desired.Identifier, errors);
        ApiClientSideRules.CheckSigningAlgorithmUnchanged(current.EffectiveSigningAlgorithm, desired.SigningAlgorithm, errors);
        CheckResultingValues(
            desired,
            current.EffectiveSigningAlgorithm,
            desired.TokenLifetime ?? current.EffectiveTokenLifetime,
            desired.WebTokenLifetime ?? current.EffectiveWebTokenLifetime,
            errors);
        return errors;
    }

    /// <summary>Auth0: the identifier can never change after the API is created (a PATCH carrying it is refused).</summary>
    private static void CheckIdentifierUnchanged(string current, string desired, List<ValidationError> errors)
    {
        if (!string.Equals(current, desired, StringComparison.Ordinal))
        {
            errors.Add(new ValidationError(F.Identifier, RuleCodes.Immutable, RuleOrigin.Auth0, null,
                $"The identifier is {current} and cannot be changed to {desired} after the API is created; create a new API instead."));
        }
    }

    private static void CheckResultingValues(ApiDefinition desired, SigningAlgorithm algorithm, TimeSpan tokenLifetime, TimeSpan webTokenLifetime, List<ValidationError> errors)
    {
        if (desired.SigningSecret is not null)
        {
            ApiClientSideRules.CheckSecretApplies(algorithm, errors);
        }

        ApiServerRules.CheckWebNotAboveToken((long)webTokenLifetime.TotalSeconds, (long)tokenLifetime.TotalSeconds, errors);
    }
}
