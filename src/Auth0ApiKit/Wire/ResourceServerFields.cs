namespace Auth0ApiKit.Wire;

/// <summary>The JSON names of a resource server's fields: the one place that spells them.</summary>
internal static class ResourceServerFields
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Identifier = "identifier";
    public const string SigningAlgorithm = "signing_alg";
    public const string SigningSecret = "signing_secret";
    public const string TokenLifetime = "token_lifetime";
    public const string TokenLifetimeForWeb = "token_lifetime_for_web";
    public const string AllowOfflineAccess = "allow_offline_access";
    public const string SkipConsent = "skip_consent_for_verifiable_first_party_clients";
    public const string Scopes = "scopes";
    public const string ScopeValue = "value";
    public const string ScopeDescription = "description";
    public const string EnforcePolicies = "enforce_policies";
    public const string TokenDialect = "token_dialect";
    public const string IsSystem = "is_system";
    public const string SubjectTypeAuthorization = "subject_type_authorization";

    /// <summary>The path of one field of one scope, such as <c>scopes[2].value</c>.</summary>
    public static string ScopeField(int index, string field) => $"{Scopes}[{index}].{field}";
}
