namespace Auth0ApiKit.Sync;

/// <summary>
/// How an apply ended, change by change. A failed change does not stop the others; plan and apply again to retry
/// what failed (nothing that succeeded is done twice).
/// </summary>
public sealed class SyncResult
{
    internal SyncResult(IReadOnlyList<SyncStepResult> steps) => Steps = steps;

    /// <summary>Every change the apply carried out, in the plan's order.</summary>
    public IReadOnlyList<SyncStepResult> Steps { get; }

    /// <summary>Whether every change is now in the tenant.</summary>
    public bool Succeeded => Steps.All(s => s.Succeeded);

    /// <summary>The changes that failed or were skipped.</summary>
    public IReadOnlyList<SyncStepResult> Failures => [.. Steps.Where(s => !s.Succeeded)];

    /// <summary>How many changes ended with <paramref name="outcome"/>.</summary>
    public int Count(SyncStepOutcome outcome) => Steps.Count(s => s.Outcome == outcome);

    /// <summary>A summary line, then one line per change that failed or was skipped.</summary>
    public override string ToString()
    {
        var summary = $"Sync applied {Count(SyncStepOutcome.Applied)} of {Steps.Count} changes " +
                      $"({Count(SyncStepOutcome.AlreadyApplied)} already applied, {Count(SyncStepOutcome.Failed)} failed, " +
                      $"{Count(SyncStepOutcome.Skipped)} skipped).";
        return string.Join(Environment.NewLine, [summary, .. Failures.Select(f => "  " + f)]);
    }
}
