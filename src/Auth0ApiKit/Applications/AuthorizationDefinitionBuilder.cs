using Auth0ApiKit.Apis;
using Auth0ApiKit.Validation;
using F = Auth0ApiKit.Wire.ClientGrantFields;

namespace Auth0ApiKit.Applications;

/// <summary>Builds an <see cref="AuthorizationDefinition"/>. Start with <see cref="Authorization.For(ApiDefinition, ApplicationReference)"/>.</summary>
/// <remarks>A builder is not thread-safe; the definitions it builds are immutable.</remarks>
public sealed class AuthorizationDefinitionBuilder : DefinitionBuilder<AuthorizationDefinition>
{
    private readonly ApiDefinition _api;
    private readonly ApplicationReference _application;
    private readonly List<string> _scopes = [];

    internal AuthorizationDefinitionBuilder(ApiDefinition api, ApplicationReference application)
    {
        _api = api;
        _application = application;
    }

    private protected override string DefinitionKind => "authorization";

    /// <summary>Grants one of the API's scopes.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is <see langword="null"/>.</exception>
    public AuthorizationDefinitionBuilder WithScope(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _scopes.Add(scope);
        return this;
    }

    /// <summary>Grants several of the API's scopes.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="scopes"/> or one of its items is <see langword="null"/>.</exception>
    public AuthorizationDefinitionBuilder WithScopes(IEnumerable<string> scopes)
    {
        _scopes.AddRange(CopyNotNull(scopes, nameof(scopes)));
        return this;
    }

    /// <summary>Grants every scope the API defines.</summary>
    public AuthorizationDefinitionBuilder WithAllScopes() => WithScopes(_api.Scopes?.Select(s => s.Value) ?? []);

    private protected override void CheckRules(List<ValidationError> errors)
    {
        if (_application.Definition is { CanUseClientCredentials: false } definition)
        {
            errors.Add(new ValidationError(F.ClientId, RuleCodes.ClientCredentialsNotAllowed, RuleOrigin.Dashboard, null,
                $"The {definition.Kind.DisplayName} {_application} cannot use the client-credentials grant, so it cannot be authorized " +
                "for an API; only applications with that grant (regular web and machine-to-machine by default) can."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _scopes.Count; i++)
        {
            var scope = _scopes[i];
            if (!_api.DefinesScope(scope))
            {
                var none = _api.Scopes is { Count: > 0 } ? "" : ", which defines no scopes";
                errors.Add(new ValidationError(F.ScopeAt(i), RuleCodes.UndefinedScope, RuleOrigin.Dashboard, null,
                    $"The scope '{scope}' is not defined by the API {_api.Identifier}{none}; an application may be granted only the API's own scopes."));
            }

            if (!seen.Add(scope))
            {
                errors.Add(new ValidationError(F.ScopeAt(i), RuleCodes.Duplicate, RuleOrigin.Sdk, null,
                    $"The scope '{scope}' is granted twice."));
            }
        }
    }

    private protected override AuthorizationDefinition CreateDefinition() => new(_application, _api.Identifier, _scopes);
}
