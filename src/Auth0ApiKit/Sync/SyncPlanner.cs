using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Management;
using Auth0ApiKit.Validation;
using ApiFields = Auth0ApiKit.Wire.ResourceServerFields;
using GrantFields = Auth0ApiKit.Wire.ClientGrantFields;

namespace Auth0ApiKit.Sync;

/// <summary>
/// Compares a desired state with a snapshot of a tenant and decides, per API, per authorization and (when the state
/// declares roles) per role, what to do.
/// Pure: no I/O, so every rule is tested on its own.
/// </summary>
internal sealed class SyncPlanner
{
    private readonly DesiredState _desired;
    private readonly TenantSnapshot _tenant;
    private readonly SyncOptions _options;
    private readonly List<ValidationError> _errors = [];
    private readonly Dictionary<string, TenantApi> _tenantApis;
    private readonly HashSet<string> _system;

    /// <summary>Tenant identifiers that a desired API takes over (the same identifier, or one it replaces).</summary>
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);

    /// <summary>Identifiers whose API exists now and will be deleted (pruned or replaced): their authorizations go with them.</summary>
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    private SyncPlanner(DesiredState desired, TenantSnapshot tenant, SyncOptions options)
    {
        _desired = desired;
        _tenant = tenant;
        _options = options;
        _tenantApis = tenant.Apis.GroupBy(a => a.Identifier, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _system = tenant.SystemIdentifiers();
    }

    /// <summary>Makes the plan.</summary>
    /// <exception cref="DefinitionException">The desired state does not fit the tenant (an unknown or ambiguous application,
    /// a system API, a setting that would break a rule against the API's current values); every problem is listed.</exception>
    public static SyncPlan Plan(DesiredState desired, TenantSnapshot tenant, SyncOptions options)
    {
        var planner = new SyncPlanner(desired, tenant, options);
        var apis = planner.PlanApis();
        var authorizations = planner.PlanAuthorizations();
        var roles = planner.PlanRoles();
        if (planner._errors.Count > 0)
        {
            throw new DefinitionException("desired state", planner._errors);
        }

        return new SyncPlan(apis, authorizations, roles, options);
    }

    private List<ApiChange> PlanApis()
    {
        var desiredIdentifiers = _desired.Apis.Select(a => a.Identifier).ToHashSet(StringComparer.Ordinal);
        var changes = new List<ApiChange>();
        for (var i = 0; i < _desired.Apis.Count; i++)
        {
            var desired = _desired.Apis[i];
            if (_system.Contains(desired.Identifier))
            {
                _errors.Add(new ValidationError($"apis[{i}].{ApiFields.Identifier}", RuleCodes.SystemApi, RuleOrigin.Sdk, null,
                    $"The API {desired.Identifier} is a system API of the tenant; a sync never changes it, so leave it out of the desired state."));
                continue;
            }

            changes.Add(_tenantApis.TryGetValue(desired.Identifier, out var current)
                ? PlanExisting(i, current, desired)
                : PlanMissing(i, desired, desiredIdentifiers));
        }

        if (_options.Prune)
        {
            changes.AddRange(_tenant.Apis
                .Where(a => !a.IsSystem && !_claimed.Contains(a.Identifier))
                .OrderBy(a => a.Identifier, StringComparer.Ordinal)
                .Select(a =>
                {
                    _removed.Add(a.Identifier);
                    return new ApiChange(ChangeKind.Delete, a.Identifier, a, null, [], []);
                }));
        }

        return changes;
    }

    private ApiChange PlanExisting(int index, TenantApi current, ApiDefinition desired)
    {
        _claimed.Add(current.Identifier);
        if (desired.SigningAlgorithm is { } algorithm && algorithm != current.Definition.EffectiveSigningAlgorithm)
        {
            var from = current.Definition.EffectiveSigningAlgorithm.Value;
            return Replace(index, current, desired, new FieldChange(ApiFields.SigningAlgorithm, from, algorithm.Value),
                $"the signing algorithm changes from {from} to {algorithm.Value}, which cannot change in place");
        }

        AddErrors(index, ApiChangeRules.CheckUpdate(current.Definition, desired));
        var (fields, scopes, hasChanges) = ApiDiff.ForUpdate(current.Definition, desired);
        return new ApiChange(hasChanges ? ChangeKind.Update : ChangeKind.Unchanged, desired.Identifier, current, desired, fields, scopes);
    }

    /// <summary>
    /// An API the tenant does not have by its identifier: a replacement when exactly one unmanaged API of the tenant
    /// has its name (its identifier changed, which cannot happen in place), else a creation.
    /// </summary>
    private ApiChange PlanMissing(int index, ApiDefinition desired, HashSet<string> desiredIdentifiers)
    {
        var renamed = desired.Name is null ? [] : _tenant.Apis
            .Where(a => !a.IsSystem && a.Definition.Name == desired.Name && !desiredIdentifiers.Contains(a.Identifier) && !_claimed.Contains(a.Identifier))
            .ToList();
        if (renamed.Count == 1)
        {
            var previous = renamed[0];
            _claimed.Add(previous.Identifier);
            return Replace(index, previous, desired, new FieldChange(ApiFields.Identifier, previous.Identifier, desired.Identifier),
                $"it has the name of the API {previous.Identifier}, whose identifier cannot change in place");
        }

        AddErrors(index, ApiChangeRules.CheckCreate(desired));
        var (fields, scopes) = ApiDiff.ForCreate(desired);
        return new ApiChange(ChangeKind.Create, desired.Identifier, null, desired, fields, scopes);
    }

    private ApiChange Replace(int index, TenantApi previous, ApiDefinition desired, FieldChange cause, string reason)
    {
        AddErrors(index, ApiChangeRules.CheckCreate(desired));
        _removed.Add(previous.Identifier);
        var (fields, scopes) = ApiDiff.ForCreate(desired);
        fields.RemoveAll(f => f.Field == cause.Field);
        fields.Insert(0, cause);
        return new ApiChange(ChangeKind.Replace, desired.Identifier, previous, desired, fields, scopes, reason, isRefused: !_options.AllowReplacement);
    }

    private List<AuthorizationChange> PlanAuthorizations()
    {
        var applications = _tenant.Applications.GroupBy(a => a.ClientId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var current = _tenant.Authorizations.GroupBy(a => (a.ClientId, a.ApiIdentifier))
            .ToDictionary(g => g.Key, g => g.First());
        var desiredKeys = new Dictionary<(string, string), int>();
        var changes = new List<AuthorizationChange>();
        for (var j = 0; j < _desired.Authorizations.Count; j++)
        {
            var authorization = _desired.Authorizations[j];
            if (Resolve(j, authorization.Application, applications) is not { } application)
            {
                continue;
            }

            var key = (application.ClientId, authorization.ApiIdentifier);
            if (!desiredKeys.TryAdd(key, j))
            {
                _errors.Add(new ValidationError($"authorizations[{j}]", RuleCodes.Duplicate, RuleOrigin.Sdk, null,
                    $"authorizations[{desiredKeys[key]}] and authorizations[{j}] both authorize the application {application.ClientId} " +
                    $"for {authorization.ApiIdentifier}; give it one authorization with every scope it needs."));
                continue;
            }

            // An authorization of an API being replaced goes with the API; the new API gets it anew.
            var before = _removed.Contains(authorization.ApiIdentifier) ? null : current.GetValueOrDefault(key);
            var kind = before is null ? ChangeKind.Create
                : before.Scopes.ToHashSet(StringComparer.Ordinal).SetEquals(authorization.Scopes) ? ChangeKind.Unchanged
                : ChangeKind.Update;
            changes.Add(new AuthorizationChange(kind, application.ClientId, application.Name, authorization.ApiIdentifier, before, authorization.Scopes));
        }

        changes.AddRange(_tenant.Authorizations
            .Where(a => !_system.Contains(a.ApiIdentifier) &&
                        (_removed.Contains(a.ApiIdentifier) || (_options.Prune && !desiredKeys.ContainsKey((a.ClientId, a.ApiIdentifier)))))
            .OrderBy(a => a.ApiIdentifier, StringComparer.Ordinal).ThenBy(a => a.ClientId, StringComparer.Ordinal)
            .Select(a => new AuthorizationChange(ChangeKind.Delete, a.ClientId, applications.GetValueOrDefault(a.ClientId)?.Name, a.ApiIdentifier, a, null)));
        return changes;
    }

    /// <summary>
    /// The declared roles, matched by exact name, then (with pruning) deletions of the tenant's other roles; nothing when
    /// the state declares no roles. A role's permissions on an API being deleted or replaced go with that API, so the plan
    /// neither counts nor removes them; those on other APIs outside the desired state are kept.
    /// </summary>
    private List<RoleChange> PlanRoles()
    {
        if (!_desired.ManagesRoles || _tenant.Roles is not { } tenantRoles)
        {
            return [];
        }

        var desiredApis = _desired.Apis.Select(a => a.Identifier).ToHashSet(StringComparer.Ordinal);
        var current = tenantRoles.GroupBy(r => r.Role.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changes = new List<RoleChange>();
        foreach (var desired in _desired.Roles)
        {
            if (!current.TryGetValue(desired.Name, out var role))
            {
                changes.Add(new RoleChange(ChangeKind.Create, desired.Name, null, [], desired));
                continue;
            }

            var held = role.Permissions.Where(p => !_removed.Contains(p.ApiIdentifier)).ToList();
            var managed = held.Where(p => desiredApis.Contains(p.ApiIdentifier)).ToList();
            var kept = held.Where(p => !desiredApis.Contains(p.ApiIdentifier)).ToList();
            var same = managed.ToHashSet().SetEquals(desired.Permissions) && (desired.Description is null || desired.Description == role.Role.Description);
            changes.Add(new RoleChange(same ? ChangeKind.Unchanged : ChangeKind.Update, desired.Name, role.Role, managed, desired, kept));
        }

        if (_options.Prune)
        {
            var declared = _desired.Roles.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            changes.AddRange(tenantRoles.Where(r => !declared.Contains(r.Role.Name)).OrderBy(r => r.Role.Name, StringComparer.Ordinal)
                .Select(r => new RoleChange(ChangeKind.Delete, r.Role.Name, r.Role, [.. r.Permissions.Where(p => !_removed.Contains(p.ApiIdentifier))], null)));
        }

        return changes;
    }

    /// <summary>The application an authorization refers to: by client id, or by a name exactly one application has.</summary>
    private TenantApplication? Resolve(int index, ApplicationReference reference, Dictionary<string, TenantApplication> applications)
    {
        if (reference.ClientId is { } clientId)
        {
            if (applications.TryGetValue(clientId, out var byId))
            {
                return byId;
            }

            _errors.Add(new ValidationError($"authorizations[{index}].{GrantFields.ClientId}", RuleCodes.UnknownApplication, RuleOrigin.Sdk, null,
                $"No application of the tenant has the client id {clientId}."));
            return null;
        }

        var named = applications.Values.Where(a => a.Name == reference.Name).ToList();
        if (named.Count == 1)
        {
            return named[0];
        }

        _errors.Add(named.Count == 0
            ? new ValidationError($"authorizations[{index}].{GrantFields.ClientId}", RuleCodes.UnknownApplication, RuleOrigin.Sdk, null,
                $"No application of the tenant is named '{reference.Name}'; create it first, or refer to it by client id.")
            : new ValidationError($"authorizations[{index}].{GrantFields.ClientId}", RuleCodes.AmbiguousApplication, RuleOrigin.Sdk, null,
                $"{named.Count} applications of the tenant are named '{reference.Name}'; refer to the one you mean by client id."));
        return null;
    }

    private void AddErrors(int index, IReadOnlyList<ValidationError> errors) =>
        _errors.AddRange(errors.Select(e => e with { Path = $"apis[{index}].{e.Path}" }));
}
