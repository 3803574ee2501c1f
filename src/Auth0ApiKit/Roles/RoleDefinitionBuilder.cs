using Auth0ApiKit.Apis;
using Auth0ApiKit.Validation;
using F = Auth0ApiKit.Wire.RoleFields;

namespace Auth0ApiKit.Roles;

/// <summary>Builds a <see cref="RoleDefinition"/>. Start with <see cref="Role.Define(string)"/>.</summary>
/// <remarks>
/// A builder is not thread-safe; the definitions it builds are immutable. Each permission is checked against the
/// <see cref="ApiDefinition"/> it is given with: Auth0 grants a role only scopes its API defines.
/// </remarks>
public sealed class RoleDefinitionBuilder : DefinitionBuilder<RoleDefinition>
{
    private readonly string _name;
    private readonly List<(ApiDefinition? Api, string ApiIdentifier, string Name)> _permissions = [];
    private string? _description;

    internal RoleDefinitionBuilder(string name) => _name = name;

    private protected override string DefinitionKind => "role";

    /// <summary>Sets what the role is for, in words.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> is <see langword="null"/>.</exception>
    public RoleDefinitionBuilder WithDescription(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        _description = description;
        return this;
    }

    /// <summary>Grants one of the API's scopes.</summary>
    /// <param name="api">The API that defines the scope.</param>
    /// <param name="permission">The scope's value, such as <c>write:orders</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RoleDefinitionBuilder WithPermission(ApiDefinition api, string permission)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(permission);
        _permissions.Add((api, api.Identifier, permission));
        return this;
    }

    /// <summary>Grants several of the API's scopes, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="api"/>, <paramref name="permissions"/> or one of its items is <see langword="null"/>.</exception>
    public RoleDefinitionBuilder WithPermissions(ApiDefinition api, IEnumerable<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(api);
        _permissions.AddRange(CopyNotNull(permissions, nameof(permissions)).Select(p => ((ApiDefinition?)api, api.Identifier, p)));
        return this;
    }

    /// <summary>Grants every scope the API defines.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="api"/> is <see langword="null"/>.</exception>
    public RoleDefinitionBuilder WithAllPermissions(ApiDefinition api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return WithPermissions(api, api.Scopes?.Select(s => s.Value) ?? []);
    }

    /// <summary>
    /// Grants a scope of an API known only by its identifier (a desired state's JSON): whether the API defines it is
    /// checked by the desired state, against its own APIs.
    /// </summary>
    internal RoleDefinitionBuilder WithPermissionByIdentifier(string apiIdentifier, string permission)
    {
        _permissions.Add((null, apiIdentifier, permission));
        return this;
    }

    private protected override void CheckRules(List<ValidationError> errors)
    {
        if (_name.Length == 0)
        {
            errors.Add(Rules.TooShort(F.Name, "the role name", 0, 1, RuleOrigin.Sdk));
        }
        else if (string.IsNullOrWhiteSpace(_name))
        {
            errors.Add(new ValidationError(F.Name, RuleCodes.Required, RuleOrigin.Sdk, 1,
                $"The role name is {Rules.Chars(_name.Length)} of white space; it needs a visible character."));
        }

        var seen = new HashSet<ApiPermission>();
        for (var i = 0; i < _permissions.Count; i++)
        {
            var (api, identifier, name) = _permissions[i];
            var path = $"{F.Permissions}[{i}].{F.PermissionName}";
            if (api is not null && !api.DefinesScope(name))
            {
                var none = api.Scopes is { Count: > 0 } ? "" : ", which defines no scopes";
                errors.Add(new ValidationError(path, RuleCodes.UndefinedScope, RuleOrigin.Auth0, null,
                    $"The permission '{name}' is not a scope of the API {api.Identifier}{none}; a role may grant only scopes its API defines."));
            }

            if (!seen.Add(new ApiPermission(identifier, name)))
            {
                errors.Add(new ValidationError(path, RuleCodes.Duplicate, RuleOrigin.Sdk, null,
                    $"The permission '{name}' of the API {identifier} is granted twice."));
            }
        }
    }

    private protected override RoleDefinition CreateDefinition() =>
        new(_name, _description, _permissions.Select(p => new ApiPermission(p.ApiIdentifier, p.Name)));
}
