using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Validation;
using ApiFields = Auth0ApiKit.Wire.ResourceServerFields;
using GrantFields = Auth0ApiKit.Wire.ClientGrantFields;

namespace Auth0ApiKit.Sync;

/// <summary>
/// Collects the APIs and authorizations of a <see cref="DesiredState"/>; <see cref="DefinitionBuilder{TDefinition}.Build"/>
/// checks them as a whole. Start with <see cref="DesiredState.Create"/>.
/// </summary>
/// <remarks>A builder is not thread-safe; the states it builds are immutable.</remarks>
public sealed class DesiredStateBuilder : DefinitionBuilder<DesiredState>
{
    private readonly List<ApiDefinition> _apis = [];
    private readonly List<AuthorizationDefinition> _authorizations = [];

    internal DesiredStateBuilder()
    {
    }

    private protected override string DefinitionKind => "desired state";

    /// <summary>Adds an API to the managed set.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="api"/> is <see langword="null"/>.</exception>
    public DesiredStateBuilder WithApi(ApiDefinition api)
    {
        ArgumentNullException.ThrowIfNull(api);
        _apis.Add(api);
        return this;
    }

    /// <summary>Adds several APIs, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="apis"/> or one of its items is <see langword="null"/>.</exception>
    public DesiredStateBuilder WithApis(IEnumerable<ApiDefinition> apis)
    {
        _apis.AddRange(CopyNotNull(apis, nameof(apis)));
        return this;
    }

    /// <summary>Adds an authorization; its API must be one of the state's APIs.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="authorization"/> is <see langword="null"/>.</exception>
    public DesiredStateBuilder WithAuthorization(AuthorizationDefinition authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        _authorizations.Add(authorization);
        return this;
    }

    /// <summary>Adds several authorizations, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="authorizations"/> or one of its items is <see langword="null"/>.</exception>
    public DesiredStateBuilder WithAuthorizations(IEnumerable<AuthorizationDefinition> authorizations)
    {
        _authorizations.AddRange(CopyNotNull(authorizations, nameof(authorizations)));
        return this;
    }

    private protected override void CheckRules(List<ValidationError> errors)
    {
        var apis = new Dictionary<string, (int Index, ApiDefinition Api)>(StringComparer.Ordinal);
        for (var i = 0; i < _apis.Count; i++)
        {
            if (!apis.TryAdd(_apis[i].Identifier, (i, _apis[i])))
            {
                errors.Add(new ValidationError($"apis[{i}].{ApiFields.Identifier}", RuleCodes.Duplicate, RuleOrigin.Sdk, null,
                    $"The API {_apis[i].Identifier} is defined twice (apis[{apis[_apis[i].Identifier].Index}] and apis[{i}]); define each API once."));
            }
        }

        var authorized = new Dictionary<(ApplicationReference, string), int>();
        for (var j = 0; j < _authorizations.Count; j++)
        {
            var authorization = _authorizations[j];
            if (!authorized.TryAdd((authorization.Application, authorization.ApiIdentifier), j))
            {
                errors.Add(new ValidationError($"authorizations[{j}]", RuleCodes.Duplicate, RuleOrigin.Sdk, null,
                    $"The {authorization.Application} is authorized for {authorization.ApiIdentifier} twice " +
                    $"(authorizations[{authorized[(authorization.Application, authorization.ApiIdentifier)]}] and authorizations[{j}]); " +
                    "give it one authorization with every scope it needs."));
            }

            if (!apis.TryGetValue(authorization.ApiIdentifier, out var api))
            {
                errors.Add(new ValidationError($"authorizations[{j}].{GrantFields.Audience}", RuleCodes.UnknownApi, RuleOrigin.Sdk, null,
                    $"The {authorization.Application} is authorized for the API {authorization.ApiIdentifier}, which the desired state " +
                    "does not define; add the API or remove the authorization."));
                continue;
            }

            var granted = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < authorization.Scopes.Count; k++)
            {
                if (!granted.Add(authorization.Scopes[k]))
                {
                    errors.Add(new ValidationError($"authorizations[{j}].{GrantFields.ScopeAt(k)}", RuleCodes.Duplicate, RuleOrigin.Sdk, null,
                        $"The scope '{authorization.Scopes[k]}' is granted twice."));
                }

                if (!api.Api.DefinesScope(authorization.Scopes[k]))
                {
                    var why = api.Api.Scopes is null ? ", which leaves its scopes unset; define them to grant any" : string.Empty;
                    errors.Add(new ValidationError($"authorizations[{j}].{GrantFields.ScopeAt(k)}", RuleCodes.UndefinedScope, RuleOrigin.Dashboard, null,
                        $"The scope '{authorization.Scopes[k]}' is not defined by the API {authorization.ApiIdentifier} in the desired state{why}; " +
                        "an application may be granted only the API's own scopes."));
                }
            }
        }
    }

    private protected override DesiredState CreateDefinition() => new(_apis, _authorizations);
}
