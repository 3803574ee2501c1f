namespace Auth0ApiKit.Sync;

/// <summary>
/// Reported by <see cref="Auth0Sync.ApplyAsync"/> after each change: which change, how it ended, and how far the
/// apply is (<see cref="Completed"/> of <see cref="Total"/>). Read-only, compared by reference; tests build one with
/// <see cref="Auth0ModelFactory.SyncProgress"/>.
/// </summary>
public sealed class SyncProgress
{
    internal SyncProgress(SyncStepResult step, int completed, int total)
    {
        Step = step;
        Completed = completed;
        Total = total;
    }

    /// <summary>The change and how it ended.</summary>
    public SyncStepResult Step { get; }

    /// <summary>How many changes have ended so far, this one included.</summary>
    public int Completed { get; }

    /// <summary>How many changes the apply carries out (the plan's entries that are not unchanged).</summary>
    public int Total { get; }

    /// <summary>The change.</summary>
    public SyncChange Change => Step.Change;

    /// <summary>How it ended.</summary>
    public SyncStepOutcome Outcome => Step.Outcome;

    /// <summary>One line, such as <c>[3/12] ~ api https://orders.example.com (update): applied</c>.</summary>
    public override string ToString() => $"[{Completed}/{Total}] {Step}";
}
