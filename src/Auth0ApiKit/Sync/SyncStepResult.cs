namespace Auth0ApiKit.Sync;

/// <summary>How one change of a plan ended.</summary>
public sealed class SyncStepResult
{
    internal SyncStepResult(SyncChange change, SyncStepOutcome outcome, Exception? error = null, string? skipReason = null)
    {
        Change = change;
        Outcome = outcome;
        Error = error;
        Message = outcome switch
        {
            SyncStepOutcome.Applied => "applied",
            SyncStepOutcome.AlreadyApplied => "already applied",
            SyncStepOutcome.Failed => "failed: " + error?.Message,
            _ => "skipped: " + skipReason,
        };
    }

    /// <summary>The change.</summary>
    public SyncChange Change { get; }

    /// <summary>How it ended.</summary>
    public SyncStepOutcome Outcome { get; }

    /// <summary>Why it failed; <see langword="null"/> unless <see cref="Outcome"/> is <see cref="SyncStepOutcome.Failed"/>.</summary>
    public Exception? Error { get; }

    /// <summary>How it ended in words: <c>applied</c>, <c>failed: ...</c>, <c>skipped: ...</c>. Never shows a secret.</summary>
    public string Message { get; }

    /// <summary>Whether the tenant now has this change: <see cref="SyncStepOutcome.Applied"/> or <see cref="SyncStepOutcome.AlreadyApplied"/>.</summary>
    public bool Succeeded => Outcome is SyncStepOutcome.Applied or SyncStepOutcome.AlreadyApplied;

    /// <summary>The change and how it ended, such as <c>~ api https://orders.example.com (update): applied</c>.</summary>
    public override string ToString() => $"{Change}: {Message}";
}
