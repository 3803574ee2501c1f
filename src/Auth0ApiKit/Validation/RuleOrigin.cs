namespace Auth0ApiKit.Validation;

/// <summary>Who makes a validation rule, and so where it is enforced.</summary>
public enum RuleOrigin
{
    /// <summary>Auth0's server enforces the rule; the SDK checks it before sending and the fake tenant enforces it.</summary>
    Auth0 = 0,

    /// <summary>
    /// Auth0's dashboard (its "Create API" form and API settings) is stricter than the Management API: HS256 and RS256
    /// only, a signing algorithm fixed at creation, authorizations only for scopes the API defines. Only the SDK enforces it.
    /// </summary>
    Dashboard = 1,

    /// <summary>The SDK adds the rule on its own judgement; only the SDK enforces it.</summary>
    Sdk = 2,
}
