namespace Auth0ApiKit.Sync;

/// <summary>
/// Thrown (and reported in <see cref="SyncStepResult.Error"/>) when a change is about to be applied but the tenant no
/// longer holds what the plan saw: someone else changed the object meanwhile. Nothing is overwritten; make a new plan.
/// </summary>
public sealed class SyncConflictException : Exception
{
    /// <summary>Creates the exception for the object <paramref name="target"/>.</summary>
    /// <param name="target">The object, such as <c>api https://orders.example.com</c>.</param>
    /// <param name="message">What changed, in words; it never holds a secret.</param>
    public SyncConflictException(string target, string message) : base(message) => Target = target;

    /// <summary>Creates the exception with a generic message.</summary>
    public SyncConflictException() : this("The tenant changed since the plan was made; make a new plan.") { }

    /// <summary>Creates the exception with a message.</summary>
    public SyncConflictException(string message) : base(message) => Target = string.Empty;

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public SyncConflictException(string message, Exception innerException) : base(message, innerException) => Target = string.Empty;

    /// <summary>The object that changed, such as <c>api https://orders.example.com</c>.</summary>
    public string Target { get; }
}
