using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Roles;
using Auth0ApiKit.Validation;
using ApiFields = Auth0ApiKit.Wire.ResourceServerFields;
using GrantFields = Auth0ApiKit.Wire.ClientGrantFields;
using RoleFields = Auth0ApiKit.Wire.RoleFields;

namespace Auth0ApiKit.Sync;

/// <summary>
/// Collects the APIs, authorizations and roles of a <see cref="DesiredState"/>; <see cref="DefinitionBuilder{TDefinition}.Build"/>
/// checks them as a whole. Start with <see cref="DesiredState.Create"/>.
/// </summary>
/// <remarks>A builder is not thread-safe; the states it builds are immutable.</remarks>
public sealed class DesiredStateBuilder : DefinitionBuilder<DesiredState>
{
    private readonly List<ApiDefinition> _apis = [];
    private readonly List<AuthorizationDefinition> _authorizations = [];
    private List<RoleDefinition>? _roles;

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

    /// <summary>
    /// Adds a role, and with it declares that the tenant's roles are managed (see <see cref="DesiredState.ManagesRoles"/>);
    /// each of its permissions must be a scope of one of the state's APIs.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="role"/> is <see langword="null"/>.</exception>
    public DesiredStateBuilder WithRole(RoleDefinition role)
    {
        ArgumentNullException.ThrowIfNull(role);
        (_roles ??= []).Add(role);
        return this;
    }

    /// <summary>
    /// Adds several roles, in order, and declares that the tenant's roles are managed, even when there are none: then
    /// a sync with <see cref="SyncOptions.Prune"/> deletes every role of the tenant.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="roles"/> or one of its items is <see langword="null"/>.</exception>
    public DesiredStateBuilder WithRoles(IEnumerable<RoleDefinition> roles)
    {
        (_roles ??= []).AddRange(CopyNotNull(roles, nameof(roles)));
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

        CheckRoles(apis, errors);
    }

    /// <summary>No role name twice; each permission a scope of an API of the state (a role was built against its own API definition).</summary>
    private void CheckRoles(Dictionary<string, (int Index, ApiDefinition Api)> apis, List<ValidationError> errors)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < (_roles?.Count ?? 0); r++)
        {
            var role = _roles![r];
            if (!names.TryAdd(role.Name, r))
            {
                errors.Add(new ValidationError($"roles[{r}].{RoleFields.Name}", RuleCodes.Duplicate, RuleOrigin.Sdk, null,
                    $"The role '{role.Name}' is defined twice (roles[{names[role.Name]}] and roles[{r}]); define each role once."));
            }

            for (var k = 0; k < role.Permissions.Count; k++)
            {
                var permission = role.Permissions[k];
                var path = $"roles[{r}].{RoleFields.Permissions}[{k}]";
                if (!apis.TryGetValue(permission.ApiIdentifier, out var api))
                {
                    errors.Add(new ValidationError($"{path}.{RoleFields.ResourceServerIdentifier}", RuleCodes.UnknownApi, RuleOrigin.Sdk, null,
                        $"The role '{role.Name}' grants a permission of the API {permission.ApiIdentifier}, which the desired state does not define; " +
                        "add the API or remove the permission."));
                }
                else if (!api.Api.DefinesScope(permission.Name))
                {
                    errors.Add(new ValidationError($"{path}.{RoleFields.PermissionName}", RuleCodes.UndefinedScope, RuleOrigin.Auth0, null,
                        $"The permission '{permission.Name}' of the role '{role.Name}' is not a scope of the API {permission.ApiIdentifier} in the desired state; " +
                        "a role may grant only scopes its API defines."));
                }
            }
        }
    }

    private protected override DesiredState CreateDefinition() => new(_apis, _authorizations, _roles);
}
