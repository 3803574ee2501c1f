namespace Auth0ApiKit.Sync;

/// <summary>One entry of a <see cref="SyncPlan"/>: an <see cref="ApiChange"/>, an <see cref="AuthorizationChange"/> or a <see cref="RoleChange"/>.</summary>
public abstract class SyncChange
{
    private protected SyncChange(ChangeKind kind, bool isRefused)
    {
        Kind = kind;
        IsRefused = isRefused;
    }

    /// <summary>What the plan does.</summary>
    public ChangeKind Kind { get; }

    /// <summary>
    /// Whether the plan refuses this change: a replacement while <see cref="SyncOptions.AllowReplacement"/> is off.
    /// A plan with a refused change cannot be applied.
    /// </summary>
    public bool IsRefused { get; }

    /// <summary>What the change is about, such as <c>api https://orders.example.com</c>.</summary>
    public abstract string Target { get; }

    /// <summary>The change on one line, such as <c>~ api https://orders.example.com (update)</c>. Never shows a secret.</summary>
    public override string ToString() => PlanText.Headline(this);
}
