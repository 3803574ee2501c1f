namespace Auth0ApiKit.Sync;

/// <summary>How one change of a plan ended when it was applied.</summary>
public enum SyncStepOutcome
{
    /// <summary>The change was made.</summary>
    Applied = 0,

    /// <summary>
    /// Nothing had to be sent: the tenant already was as planned to become (an earlier, interrupted apply, or
    /// someone else, made the same change).
    /// </summary>
    AlreadyApplied = 1,

    /// <summary>The change failed (see <see cref="SyncStepResult.Error"/>); a <see cref="Auth0ConcurrentChangeException"/> when the tenant changed since the plan was made.</summary>
    Failed = 2,

    /// <summary>The change was not tried because the change of its API failed (an authorization or a role permission of an API that was not created).</summary>
    Skipped = 3,
}
