namespace Auth0ApiKit.Validation;

/// <summary>Who makes a validation rule, and so where it is enforced.</summary>
public enum RuleOrigin
{
    /// <summary>Auth0's server enforces the rule; the SDK checks it before sending and the fake tenant enforces it.</summary>
    Auth0 = 0,

    /// <summary>The product brief ("Configure an API") is stricter than the live API; only the SDK enforces it.</summary>
    Brief = 1,

    /// <summary>The SDK adds the rule on its own judgement; only the SDK enforces it.</summary>
    Sdk = 2,
}
