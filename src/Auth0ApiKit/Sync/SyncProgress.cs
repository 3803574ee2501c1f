namespace Auth0ApiKit.Sync;

/// <summary>
/// Reported by <see cref="Auth0Sync.ApplyAsync"/> after each change: which change, how it ended, and how far the
/// apply is (<see cref="Completed"/> of <see cref="Total"/>).
/// </summary>
/// <param name="Step">The change and how it ended.</param>
/// <param name="Completed">How many changes have ended so far, this one included.</param>
/// <param name="Total">How many changes the apply carries out (the plan's entries that are not unchanged).</param>
public sealed record SyncProgress(SyncStepResult Step, int Completed, int Total)
{
    /// <summary>The change.</summary>
    public SyncChange Change => Step.Change;

    /// <summary>How it ended.</summary>
    public SyncStepOutcome Outcome => Step.Outcome;

    /// <summary>One line, such as <c>[3/12] ~ api https://orders.example.com (update): applied</c>.</summary>
    public override string ToString() => $"[{Completed}/{Total}] {Step}";
}
