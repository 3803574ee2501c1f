using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.ResourceServerFields;

namespace Auth0ApiKit.Apis;

/// <summary>
/// Builds an <see cref="ApiDefinition"/> the way the dashboard's form reads. Start with
/// <see cref="Api.Define(string)"/>; finish with <see cref="DefinitionBuilder{TDefinition}.Build"/>, which checks every rule at once.
/// </summary>
/// <remarks>A builder is not thread-safe; the definitions it builds are immutable.</remarks>
public sealed class ApiDefinitionBuilder : DefinitionBuilder<ApiDefinition>
{
    private List<Scope>? _scopes;

    internal ApiDefinitionBuilder(string? name) => NameValue = name;

    internal ApiDefinitionBuilder(ApiDefinition definition)
    {
        NameValue = definition.Name;
        IdentifierValue = definition.Identifier;
        SigningAlgorithmValue = definition.SigningAlgorithm;
        SigningSecretValue = definition.SigningSecret;
        TokenLifetimeValue = definition.TokenLifetime;
        WebTokenLifetimeValue = definition.WebTokenLifetime;
        AllowSkippingUserConsentValue = definition.AllowSkippingUserConsent;
        AllowOfflineAccessValue = definition.AllowOfflineAccess;
        _scopes = definition.Scopes?.ToList();
        EnforcePoliciesValue = definition.EnforcePolicies;
        TokenDialectValue = definition.TokenDialect;
        Auth0PropertiesValue = definition.PropertyBag;
    }

    internal string? NameValue { get; private set; }

    internal string? IdentifierValue { get; private set; }

    internal SigningAlgorithm? SigningAlgorithmValue { get; private set; }

    internal Secret? SigningSecretValue { get; private set; }

    internal TimeSpan? TokenLifetimeValue { get; private set; }

    internal TimeSpan? WebTokenLifetimeValue { get; private set; }

    internal bool? AllowSkippingUserConsentValue { get; private set; }

    internal bool? AllowOfflineAccessValue { get; private set; }

    internal IReadOnlyList<Scope>? ScopesValue => _scopes;

    internal bool? EnforcePoliciesValue { get; private set; }

    internal TokenDialect? TokenDialectValue { get; private set; }

    internal Auth0PropertyBag Auth0PropertiesValue { get; private set; } = Auth0PropertyBag.Empty;

    /// <summary>Sets the friendly name (1 to 200 characters, no <c>&lt;</c> or <c>&gt;</c>).</summary>
    public ApiDefinitionBuilder Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        NameValue = name;
        return this;
    }

    /// <summary>
    /// Sets the identifier (1 to 600 characters), the <c>aud</c> of the API's tokens. A URL is recommended;
    /// Auth0 never calls it. It can never change after the API is created.
    /// </summary>
    public ApiDefinitionBuilder WithIdentifier(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        IdentifierValue = identifier;
        return this;
    }

    /// <summary>Sets the signing algorithm. RS256 (the default) is recommended. It can't change after creation.</summary>
    public ApiDefinitionBuilder SignedWith(SigningAlgorithm algorithm)
    {
        SigningAlgorithmValue = algorithm;
        return this;
    }

    /// <summary>Sets the HS256 signing secret (at least 16 characters). Only for HS256 APIs.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is <see langword="null"/>.</exception>
    public ApiDefinitionBuilder WithSigningSecret(Secret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        SigningSecretValue = secret;
        return this;
    }

    /// <summary>Sets the HS256 signing secret (at least 16 characters). Only for HS256 APIs.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is <see langword="null"/>.</exception>
    public ApiDefinitionBuilder WithSigningSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return WithSigningSecret(new Secret(secret));
    }

    /// <summary>Sets a new HS256 signing secret of 32 letters and digits from a cryptographically secure source.</summary>
    public ApiDefinitionBuilder WithGeneratedSigningSecret() =>
        WithSigningSecret(Secret.Generate(ApiLimits.GeneratedSigningSecretLength));

    /// <summary>Sets how long access tokens live: whole seconds, from 0 to 30 days (24 hours by default).</summary>
    public ApiDefinitionBuilder TokensExpireAfter(TimeSpan lifetime)
    {
        TokenLifetimeValue = lifetime;
        return this;
    }

    /// <summary>Sets how long tokens issued through browser flows live: whole seconds, never above the token lifetime.</summary>
    public ApiDefinitionBuilder WebTokensExpireAfter(TimeSpan lifetime)
    {
        WebTokenLifetimeValue = lifetime;
        return this;
    }

    /// <summary>Lets first-party applications skip the user-consent screen (never for localhost callbacks).</summary>
    public ApiDefinitionBuilder AllowSkippingUserConsent(bool allow = true)
    {
        AllowSkippingUserConsentValue = allow;
        return this;
    }

    /// <summary>Lets applications receive refresh tokens for this API.</summary>
    public ApiDefinitionBuilder AllowOfflineAccess(bool allow = true)
    {
        AllowOfflineAccessValue = allow;
        return this;
    }

    /// <summary>Adds a scope (value 1 to 280 characters without white space; description up to 500).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public ApiDefinitionBuilder WithScope(string value, string? description = null) => WithScope(new Scope(value, description));

    /// <summary>Adds a scope.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is <see langword="null"/>.</exception>
    public ApiDefinitionBuilder WithScope(Scope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        (_scopes ??= []).Add(scope);
        return this;
    }

    /// <summary>Adds several scopes, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="scopes"/> or one of its items is <see langword="null"/>.</exception>
    public ApiDefinitionBuilder WithScopes(IEnumerable<Scope> scopes)
    {
        (_scopes ??= []).AddRange(CopyNotNull(scopes, nameof(scopes)));
        return this;
    }

    /// <summary>States that the API defines no scopes at all (so a tenant's scopes would be removed), rather than leaving them unset.</summary>
    public ApiDefinitionBuilder WithNoScopes()
    {
        _scopes = [];
        return this;
    }

    /// <summary>Turns role-based access control policies on or off.</summary>
    public ApiDefinitionBuilder EnforcePolicies(bool enforce = true)
    {
        EnforcePoliciesValue = enforce;
        return this;
    }

    /// <summary>Sets the shape of the API's access tokens.</summary>
    public ApiDefinitionBuilder WithTokenDialect(TokenDialect dialect)
    {
        TokenDialectValue = dialect;
        return this;
    }

    /// <summary>
    /// Sets a property of Auth0's resource server that the builder has no method for, by its Management API name and
    /// JSON value: <c>WithAuth0Property("consent_policy", "\"transactional-authorization-with-mfa\"")</c>. Known
    /// properties are checked against Auth0's rule when the definition is built; names the SDK does not know are sent
    /// as they are, for Auth0 to judge. The JSON <c>null</c> unsets a nullable property on update.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not one JSON value.</exception>
    public ApiDefinitionBuilder WithAuth0Property(string name, string json)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(json);
        Auth0PropertiesValue = Auth0PropertiesValue.With(name, Auth0PropertyBag.Parse(name, json));
        return this;
    }

    /// <summary>Replaces the Auth0 properties (a definition read from a tenant).</summary>
    internal ApiDefinitionBuilder WithAuth0Properties(Auth0PropertyBag properties)
    {
        Auth0PropertiesValue = properties;
        return this;
    }

    /// <summary>Unsets the signing algorithm, the signing secret and the token dialect (for a tenant export).</summary>
    internal ApiDefinitionBuilder Unset(bool signingAlgorithm, bool signingSecret, bool tokenDialect)
    {
        SigningAlgorithmValue = signingAlgorithm ? null : SigningAlgorithmValue;
        SigningSecretValue = signingSecret ? null : SigningSecretValue;
        TokenDialectValue = tokenDialect ? null : TokenDialectValue;
        return this;
    }

    private protected override string DefinitionKind => "API";

    /// <summary>Builds the definition without checking any rule: for definitions read back from a tenant.</summary>
    internal ApiDefinition BuildUnchecked() => CreateDefinition();

    private protected override ApiDefinition CreateDefinition() => new(this);

    private protected override void CheckRules(List<ValidationError> errors)
    {
        if (NameValue is not null)
        {
            ApiServerRules.CheckName(NameValue, errors);
        }

        ApiServerRules.CheckIdentifier(IdentifierValue, errors);

        if (SigningAlgorithmValue is { } algorithm)
        {
            ApiServerRules.CheckSigningAlgorithm(algorithm.Value, errors);
            ApiClientSideRules.CheckSigningAlgorithm(algorithm, errors);
        }

        if (SigningSecretValue is { } secret)
        {
            // Only what was set is checked against what was set: with no algorithm set, the secret may be meant for an
            // existing HS256 API, so whether it applies is decided against the tenant's API (ApiChangeRules).
            if (SigningAlgorithmValue is { } set && set != SigningAlgorithm.HS256)
            {
                ApiClientSideRules.CheckSecretApplies(set, errors);
            }
            else
            {
                ApiServerRules.CheckSigningSecret(secret.Length, errors);
            }
        }

        var tokenSeconds = CheckLifetime(TokenLifetimeValue, F.TokenLifetime, "The token lifetime", ApiServerRules.CheckTokenLifetime, errors);
        var webSeconds = CheckLifetime(WebTokenLifetimeValue, F.TokenLifetimeForWeb, "The web token lifetime", ApiServerRules.CheckWebTokenLifetime, errors);
        if (tokenSeconds is { } token && webSeconds is { } web)
        {
            ApiServerRules.CheckWebNotAboveToken(web, token, errors);
        }

        if (_scopes is not null)
        {
            for (var i = 0; i < _scopes.Count; i++)
            {
                ApiServerRules.CheckScope(i, _scopes[i].Value, _scopes[i].Description, errors);
            }

            ApiClientSideRules.CheckScopeValues(_scopes, errors);
        }

        if (TokenDialectValue is { } dialect)
        {
            ApiServerRules.CheckTokenDialect(dialect.Value, errors);
        }

        Auth0PropertiesValue.Check(ResourceServerTable.Shape, errors);
    }

    /// <summary>Checks a lifetime that was set; returns its seconds when it is valid on its own, so that the two
    /// lifetimes are compared only when neither is already reported (one mistake, one error).</summary>
    private static long? CheckLifetime(TimeSpan? lifetime, string path, string label, Action<double, List<ValidationError>> checkRange, List<ValidationError> errors)
    {
        if (lifetime is not { } value)
        {
            return null;
        }

        var before = errors.Count;
        ApiClientSideRules.CheckWholeSeconds(value, path, label, errors);
        checkRange(value.TotalSeconds, errors);
        return errors.Count == before ? value.Ticks / TimeSpan.TicksPerSecond : null;
    }
}
