namespace Auth0ApiKit.Sync;

/// <summary>
/// What a sync would do to a tenant: one <see cref="ApiChange"/> per desired or pruned API, one
/// <see cref="AuthorizationChange"/> per desired or pruned authorization and, when the desired state declares roles,
/// one <see cref="RoleChange"/> per desired or pruned role, each with what the plan saw. Immutable.
/// <see cref="ToString"/> renders it for people (like <c>terraform plan</c>), <see cref="ToJson"/> for machines;
/// neither ever shows a secret. Apply it with <see cref="Auth0Sync.ApplyAsync"/>.
/// </summary>
public sealed class SyncPlan
{
    private readonly SyncOptions _options;

    internal SyncPlan(IReadOnlyList<ApiChange> apiChanges, IReadOnlyList<AuthorizationChange> authorizationChanges,
        IReadOnlyList<RoleChange> roleChanges, SyncOptions options)
    {
        ApiChanges = apiChanges;
        AuthorizationChanges = authorizationChanges;
        RoleChanges = roleChanges;
        Changes = [.. apiChanges, .. authorizationChanges, .. roleChanges];
        _options = options.Clone();
    }

    /// <summary>Every entry, APIs first, then authorizations, then roles, unchanged ones included.</summary>
    public IReadOnlyList<SyncChange> Changes { get; }

    /// <summary>The APIs: desired ones in the desired order, then deletions by identifier.</summary>
    public IReadOnlyList<ApiChange> ApiChanges { get; }

    /// <summary>The authorizations: desired ones in the desired order, then deletions by API and client id.</summary>
    public IReadOnlyList<AuthorizationChange> AuthorizationChanges { get; }

    /// <summary>
    /// The roles: desired ones in the desired order, then deletions by name; empty when the desired state declares no
    /// roles (the tenant's roles are then not the sync's).
    /// </summary>
    public IReadOnlyList<RoleChange> RoleChanges { get; }

    /// <summary>A copy of the options the plan was made with; an apply uses their <see cref="SyncOptions.MaxConcurrency"/>.</summary>
    public SyncOptions Options => _options.Clone();

    /// <summary>Whether the tenant already matches the desired state: every entry is <see cref="ChangeKind.Unchanged"/>.</summary>
    public bool IsEmpty => Changes.All(c => c.Kind == ChangeKind.Unchanged);

    /// <summary>Whether the plan may be applied: no change is refused (see <see cref="SyncChange.IsRefused"/>).</summary>
    public bool CanApply => !Changes.Any(c => c.IsRefused);

    /// <summary>How many entries are of <paramref name="kind"/>.</summary>
    public int Count(ChangeKind kind) => Changes.Count(c => c.Kind == kind);

    /// <summary>The plan as people read it: a summary line, then each change with its fields. Never shows a secret.</summary>
    public override string ToString() => PlanText.Render(this);

    /// <summary>The plan as indented JSON: a summary, the options and every entry. Never holds a secret.</summary>
    public string ToJson() => PlanJson.Write(this);

    internal SyncOptions OptionsSnapshot => _options;
}
