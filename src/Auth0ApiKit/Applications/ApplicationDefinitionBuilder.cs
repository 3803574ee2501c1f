using Auth0ApiKit.Validation;
using F = Auth0ApiKit.Wire.ClientFields;

namespace Auth0ApiKit.Applications;

/// <summary>Builds an <see cref="ApplicationDefinition"/>. Start with <see cref="Application.Define(string, ApplicationKind)"/>.</summary>
/// <remarks>A builder is not thread-safe; the definitions it builds are immutable.</remarks>
public sealed class ApplicationDefinitionBuilder : DefinitionBuilder<ApplicationDefinition>
{
    private readonly string _name;
    private readonly ApplicationKind _kind;
    private List<GrantType>? _grantTypes;
    private List<Uri>? _callbacks;
    private bool? _isFirstParty;

    internal ApplicationDefinitionBuilder(string name, ApplicationKind kind)
    {
        _name = name;
        _kind = kind;
    }

    private protected override string DefinitionKind => "application";

    /// <summary>Sets the grant types, replacing the kind's defaults.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="grantTypes"/> is <see langword="null"/>.</exception>
    public ApplicationDefinitionBuilder WithGrantTypes(IEnumerable<GrantType> grantTypes)
    {
        ArgumentNullException.ThrowIfNull(grantTypes);
        _grantTypes = [.. grantTypes];
        return this;
    }

    /// <summary>Adds an allowed callback URL (absolute).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    public ApplicationDefinitionBuilder WithCallback(Uri callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        (_callbacks ??= []).Add(callback);
        return this;
    }

    /// <summary>Marks the application first party (the default for applications created in a tenant) or third party.</summary>
    public ApplicationDefinitionBuilder FirstParty(bool isFirstParty = true)
    {
        _isFirstParty = isFirstParty;
        return this;
    }

    private protected override void CheckRules(List<ValidationError> errors)
    {
        if (_name.Length == 0)
        {
            errors.Add(Rules.TooShort(F.Name, "the application name", 0, 1));
        }
        else if (string.IsNullOrWhiteSpace(_name))
        {
            errors.Add(new ValidationError(F.Name, RuleCodes.Required, RuleOrigin.Sdk, 1,
                $"The application name is {Rules.Chars(_name.Length)} of white space; it needs a visible character."));
        }

        if (!_kind.IsKnown)
        {
            errors.Add(Rules.NotOneOf(F.AppType, "the application kind", _kind.Value, ApplicationKind.KnownValues, RuleOrigin.Sdk));
        }

        if (_kind.IsPublicClient && _grantTypes is not null && _grantTypes.Contains(GrantType.ClientCredentials))
        {
            errors.Add(new ValidationError(F.GrantTypes, RuleCodes.ClientCredentialsNotAllowed, RuleOrigin.Sdk, null,
                $"A {_kind.DisplayName} application is a public client without a secret, so it cannot use the client-credentials grant."));
        }

        for (var i = 0; i < (_callbacks?.Count ?? 0); i++)
        {
            if (!_callbacks![i].IsAbsoluteUri)
            {
                errors.Add(new ValidationError($"{F.Callbacks}[{i}]", RuleCodes.AbsoluteUri, RuleOrigin.Sdk, null,
                    $"The callback '{_callbacks[i]}' must be an absolute URL."));
            }
        }
    }

    private protected override ApplicationDefinition CreateDefinition() => new(_name, _kind, _grantTypes, _callbacks, _isFirstParty);
}
