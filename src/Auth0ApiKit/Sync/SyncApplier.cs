using System.Collections.Concurrent;
using Auth0ApiKit.Management;
using Auth0ApiKit.Roles;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Sync;

/// <summary>
/// Carries out a plan: phase by phase, each phase's changes at most <see cref="SyncOptions.MaxConcurrency"/> at once,
/// each change re-checked against the tenant just before it is made.
/// </summary>
/// <remarks>
/// The phases: (1) authorization deletions, so that nothing is revoked after its replacement exists; (2) API
/// creations, updates and replacements; (3) deletions of the authorizations of replaced APIs, which the replacement
/// normally removed already, and which stay when it failed; (4) authorization creations and scope changes, which need
/// their APIs; (5) role creations, changes and deletions, whose permissions need their APIs; (6) API deletions, last,
/// once nothing new depends on them. A change that depends on a failed API change is skipped.
/// <para>
/// The re-check makes an apply safe and repeatable: a change the tenant already has is reported as
/// <see cref="SyncStepOutcome.AlreadyApplied"/> without a call that writes, and a change whose object is no longer
/// as the plan saw it fails with a <see cref="Auth0ConcurrentChangeException"/> instead of overwriting someone else's change.
/// </para>
/// </remarks>
internal sealed class SyncApplier
{
    private readonly IAuth0ManagementClient _client;
    private readonly IProgress<SyncProgress>? _progress;
    private readonly HashSet<string> _replacedApis;

    /// <summary>
    /// The APIs the plan deletes: a role's permissions on them go with them (later), so a role's re-check ignores them and
    /// an update keeps them. A replaced API is gone before roles apply, and its permissions on the new one count.
    /// </summary>
    private readonly HashSet<string> _deletedApis;
    private readonly ConcurrentDictionary<string, byte> _unavailableApis = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly int _total;
    private int _completed;

    private SyncApplier(IAuth0ManagementClient client, IProgress<SyncProgress>? progress, int total, HashSet<string> replacedApis,
        HashSet<string> deletedApis)
    {
        _client = client;
        _progress = progress;
        _total = total;
        _replacedApis = replacedApis;
        _deletedApis = deletedApis;
    }

    public static async Task<SyncResult> ApplyAsync(IAuth0ManagementClient client, SyncPlan plan, IProgress<SyncProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (!plan.CanApply)
        {
            var refused = plan.Changes.Where(c => c.IsRefused).Select(c => "  " + c);
            throw new InvalidOperationException(
                $"The plan replaces APIs, which changes every token they issued, and {nameof(SyncOptions)}.{nameof(SyncOptions.AllowReplacement)} " +
                $"was off when it was made; nothing was applied. Plan again with it on to replace:{Environment.NewLine}" +
                string.Join(Environment.NewLine, refused));
        }

        var steps = plan.Changes.Where(c => c.Kind != ChangeKind.Unchanged).ToList();
        var replaced = plan.ApiChanges.Where(c => c.Kind == ChangeKind.Replace).Select(c => c.Before!.Identifier).ToHashSet(StringComparer.Ordinal);
        var deleted = plan.ApiChanges.Where(c => c.Kind == ChangeKind.Delete).Select(c => c.Before!.Identifier).ToHashSet(StringComparer.Ordinal);
        var applier = new SyncApplier(client, progress, steps.Count, replaced, deleted);
        var results = new SyncStepResult[steps.Count];
        var indexed = steps.Select((change, index) => (change, index)).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = plan.OptionsSnapshot.MaxConcurrency, CancellationToken = cancellationToken };
        foreach (var phase in applier.Phases())
        {
            await Parallel.ForEachAsync(indexed.Where(s => phase(s.change)), parallel, async (step, token) =>
                results[step.index] = await applier.RunAsync(step.change, token).ConfigureAwait(false)).ConfigureAwait(false);
        }

        return new SyncResult(results);
    }

    /// <summary>Which changes each phase carries out, in order (see the remarks of <see cref="SyncApplier"/>).</summary>
    private Func<SyncChange, bool>[] Phases() =>
    [
        c => c is AuthorizationChange { Kind: ChangeKind.Delete } && !OfReplacedApi(c),
        c => c is ApiChange { Kind: not ChangeKind.Delete },
        OfReplacedApi,
        c => c is AuthorizationChange { Kind: not ChangeKind.Delete },
        c => c is RoleChange,
        c => c is ApiChange { Kind: ChangeKind.Delete },
    ];

    /// <summary>Whether the change revokes an authorization of an API being replaced (the replacement removes it).</summary>
    private bool OfReplacedApi(SyncChange change) =>
        change is AuthorizationChange { Kind: ChangeKind.Delete } revoke && _replacedApis.Contains(revoke.ApiIdentifier);

    /// <summary>Whether the change waits on its API's change: it grants scopes, or it follows a replacement.</summary>
    private bool DependsOnApiChange(SyncChange change) =>
        change is AuthorizationChange { Kind: not ChangeKind.Delete } || OfReplacedApi(change);

    private async Task<SyncStepResult> RunAsync(SyncChange change, CancellationToken cancellationToken)
    {
        SyncStepResult result;
        if (DependsOnApiChange(change) && change is AuthorizationChange dependent && _unavailableApis.ContainsKey(dependent.ApiIdentifier))
        {
            result = new SyncStepResult(change, SyncStepOutcome.Skipped, skipReason: dependent.Kind == ChangeKind.Delete
                ? $"the replacement of its API {dependent.ApiIdentifier} did not succeed, so the API keeps this authorization."
                : $"the change of its API {dependent.ApiIdentifier} did not succeed, so the API may lack what this authorization needs.");
        }
        else if (change is RoleChange { Desired: { } role } && role.Permissions.FirstOrDefault(p => _unavailableApis.ContainsKey(p.ApiIdentifier)) is { } lacking)
        {
            result = new SyncStepResult(change, SyncStepOutcome.Skipped,
                skipReason: $"the change of its API {lacking.ApiIdentifier} did not succeed, so the API may lack what this role needs.");
        }
        else
        {
            try
            {
                var outcome = change switch
                {
                    ApiChange api => await ApplyAsync(api, cancellationToken).ConfigureAwait(false),
                    RoleChange roleChange => await ApplyAsync(roleChange, cancellationToken).ConfigureAwait(false),
                    _ => await ApplyAsync((AuthorizationChange)change, cancellationToken).ConfigureAwait(false),
                };
                result = new SyncStepResult(change, outcome);
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                result = new SyncStepResult(change, SyncStepOutcome.Failed, e);
            }
        }

        if (!result.Succeeded && change is ApiChange failed)
        {
            _unavailableApis.TryAdd(failed.Identifier, 0);
            if (failed.Kind == ChangeKind.Replace)
            {
                _unavailableApis.TryAdd(failed.Before!.Identifier, 0);
            }
        }

        lock (_gate)
        {
            _completed++;
            _progress?.Report(new SyncProgress(result, _completed, _total));
        }

        return result;
    }

    private async Task<SyncStepOutcome> ApplyAsync(ApiChange change, CancellationToken cancellationToken)
    {
        var apis = _client.Apis;
        var desired = change.Desired;
        switch (change.Kind)
        {
            case ChangeKind.Create:
                return await EnsureCreatedAsync(change, cancellationToken).ConfigureAwait(false);

            case ChangeKind.Update:
            {
                var current = await apis.GetAsync(change.Identifier, cancellationToken).ConfigureAwait(false);
                if (current is not null && ResourceServerMapping.Satisfies(current.Definition, desired!))
                {
                    return SyncStepOutcome.AlreadyApplied;
                }

                ThrowIfChanged(change, current);
                await apis.UpdateAsync(desired!, cancellationToken).ConfigureAwait(false);
                return SyncStepOutcome.Applied;
            }

            case ChangeKind.Replace:
            {
                var previous = await apis.GetAsync(change.Before!.Identifier, cancellationToken).ConfigureAwait(false);
                if (previous is not null)
                {
                    if (previous.Identifier == change.Identifier && ResourceServerMapping.Satisfies(previous.Definition, desired!))
                    {
                        return SyncStepOutcome.AlreadyApplied;
                    }

                    ThrowIfChanged(change, previous);
                    await apis.DeleteAsync(previous.Identifier, cancellationToken).ConfigureAwait(false);
                }

                var created = await EnsureCreatedAsync(change, cancellationToken).ConfigureAwait(false);
                return previous is null ? created : SyncStepOutcome.Applied;
            }

            default:
            {
                var current = await apis.GetAsync(change.Identifier, cancellationToken).ConfigureAwait(false);
                if (current is null)
                {
                    return SyncStepOutcome.AlreadyApplied;
                }

                ThrowIfChanged(change, current);
                await apis.DeleteAsync(change.Identifier, cancellationToken).ConfigureAwait(false);
                return SyncStepOutcome.Applied;
            }
        }
    }

    /// <summary>Creates the desired API unless the tenant has it already; one with other settings is a conflict.</summary>
    private async Task<SyncStepOutcome> EnsureCreatedAsync(ApiChange change, CancellationToken cancellationToken)
    {
        var current = await _client.Apis.GetAsync(change.Identifier, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            await _client.Apis.CreateAsync(change.Desired!, cancellationToken).ConfigureAwait(false);
            return SyncStepOutcome.Applied;
        }

        return ResourceServerMapping.Satisfies(current.Definition, change.Desired!)
            ? SyncStepOutcome.AlreadyApplied
            : throw Conflict(change, $"an API with the identifier {change.Identifier} was created with other settings after the plan was made");
    }

    private async Task<SyncStepOutcome> ApplyAsync(AuthorizationChange change, CancellationToken cancellationToken)
    {
        var authorizations = _client.Authorizations;
        var current = await authorizations.GetAsync(change.ClientId, change.ApiIdentifier, cancellationToken).ConfigureAwait(false);
        if (change.Kind == ChangeKind.Delete)
        {
            if (current is null)
            {
                return SyncStepOutcome.AlreadyApplied;
            }

            ThrowIfChanged(change, current);
            await authorizations.RevokeAsync(change.ClientId, change.ApiIdentifier, cancellationToken).ConfigureAwait(false);
            return SyncStepOutcome.Applied;
        }

        if (current is not null && SameScopes(current.Scopes, change.Scopes!))
        {
            return SyncStepOutcome.AlreadyApplied;
        }

        if (change.Kind == ChangeKind.Create)
        {
            if (current is not null)
            {
                throw Conflict(change, "the application was authorized with other scopes after the plan was made");
            }

            await authorizations.AuthorizeAsync(change.ClientId, change.ApiIdentifier, change.Scopes!, cancellationToken).ConfigureAwait(false);
            return SyncStepOutcome.Applied;
        }

        ThrowIfChanged(change, current);
        await authorizations.ChangeScopesAsync(change.ClientId, change.ApiIdentifier, change.Scopes!, cancellationToken).ConfigureAwait(false);
        return SyncStepOutcome.Applied;
    }

    /// <summary>
    /// Creates, brings to its definition or deletes a role, after reading it again: found by name for a creation, by the id
    /// the plan saw otherwise. An update keeps the role's permissions on APIs outside the desired state.
    /// </summary>
    private async Task<SyncStepOutcome> ApplyAsync(RoleChange change, CancellationToken cancellationToken)
    {
        var roles = _client.Roles;
        var current = change.Before is null
            ? await roles.FindByNameAsync(change.Name, cancellationToken).ConfigureAwait(false)
            : await roles.GetAsync(change.Before.Id, cancellationToken).ConfigureAwait(false);
        if (current is null && change.Kind != ChangeKind.Create)
        {
            return change.Kind == ChangeKind.Delete ? SyncStepOutcome.AlreadyApplied : throw Conflict(change, "the role was deleted after the plan was made");
        }

        var now = current is null ? [] : await TenantSnapshot.PermissionsAsync(roles, current.Id, cancellationToken).ConfigureAwait(false);

        // Permissions on APIs the plan deletes go with their API (in a later phase), never with a role update.
        var held = now.Where(p => !_deletedApis.Contains(p.ApiIdentifier)).ToHashSet();
        var goingWithApis = now.Where(p => _deletedApis.Contains(p.ApiIdentifier));
        if (change.Desired is { } desired)
        {
            var wanted = desired.Permissions.Union(change.Kept).ToHashSet();
            if (current is null)
            {
                await roles.CreateAsync(desired, cancellationToken).ConfigureAwait(false);
                return SyncStepOutcome.Applied;
            }

            var sameDescription = desired.Description is null || desired.Description == current.Description;
            if (held.SetEquals(wanted) && sameDescription && current.Name == desired.Name)
            {
                return SyncStepOutcome.AlreadyApplied;
            }

            var target = new RoleDefinition(desired.Name, desired.Description, wanted.Union(goingWithApis));
            if (change.Kind == ChangeKind.Create)
            {
                // A create that stopped between the role and its permissions is finished; anything else is someone else's.
                if (!sameDescription || !held.IsSubsetOf(wanted))
                {
                    throw Conflict(change, "a role with the name was created with other permissions or another description after the plan was made");
                }

                await roles.UpdateAsync(current.Id, target, cancellationToken).ConfigureAwait(false);
                return SyncStepOutcome.Applied;
            }

            ThrowIfChanged(change, current, held);
            await roles.UpdateAsync(current.Id, target, cancellationToken).ConfigureAwait(false);
            return SyncStepOutcome.Applied;
        }

        ThrowIfChanged(change, current!, held);
        await roles.DeleteAsync(current!.Id, cancellationToken).ConfigureAwait(false);
        return SyncStepOutcome.Applied;
    }

    private static void ThrowIfChanged(RoleChange change, TenantRole current, HashSet<ApiPermission> held)
    {
        if (current.Name != change.Before!.Name || current.Description != change.Before.Description)
        {
            throw Conflict(change, "the role's name or description was changed after the plan was made");
        }

        if (!held.SetEquals(change.BeforePermissions.Concat(change.Kept)))
        {
            throw Conflict(change, "the role's permissions were changed after the plan was made");
        }
    }

    private static void ThrowIfChanged(ApiChange change, TenantApi? current)
    {
        if (current is null)
        {
            throw Conflict(change, $"the API {change.Before!.Identifier} was deleted after the plan was made");
        }

        if (current.Definition != change.Before!.Definition)
        {
            throw Conflict(change, $"the API {current.Identifier} was changed after the plan was made");
        }
    }

    private static void ThrowIfChanged(AuthorizationChange change, TenantAuthorization? current)
    {
        if (current is null)
        {
            throw Conflict(change, "the authorization was revoked after the plan was made");
        }

        if (!SameScopes(current.Scopes, change.Before!.Scopes))
        {
            throw Conflict(change, "the authorization's scopes were changed after the plan was made");
        }
    }

    private static bool SameScopes(IReadOnlyList<string> left, IReadOnlyList<string> right) =>
        left.ToHashSet(StringComparer.Ordinal).SetEquals(right);

    private static Auth0ConcurrentChangeException Conflict(SyncChange change, string what) =>
        new(change.Target, $"Not applied: {change}: {what}; nothing was overwritten. Make a new plan to see the tenant as it is now.");
}
