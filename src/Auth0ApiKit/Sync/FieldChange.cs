namespace Auth0ApiKit.Sync;

/// <summary>
/// One setting of an API that a plan sets or changes, named as Auth0 names it (<c>token_lifetime</c>), with its
/// values as text (<c>86400</c>, <c>true</c>, <c>Orders API</c>). A secret setting carries no values at all.
/// Read-only, compared by reference; tests build one with <see cref="Auth0ModelFactory.FieldChange"/>.
/// </summary>
public sealed class FieldChange
{
    internal FieldChange(string field, string? before, string? after, bool isSecret = false)
    {
        Field = field;
        Before = before;
        After = after;
        IsSecret = isSecret;
    }

    /// <summary>Auth0's name of the setting, such as <c>token_lifetime</c>.</summary>
    public string Field { get; }

    /// <summary>The value in force now; <see langword="null"/> when the API does not exist yet, or for a secret.</summary>
    public string? Before { get; }

    /// <summary>The value it will have; <see langword="null"/> for a secret.</summary>
    public string? After { get; }

    /// <summary>Whether the setting is a secret (<c>signing_secret</c>): only the fact that it changes is shown.</summary>
    public bool IsSecret { get; }

    /// <summary>The change as a plan line, such as <c>token_lifetime: 86400 -> 7200</c> or <c>signing_secret: (changed)</c>.</summary>
    public override string ToString() => PlanText.Field(this);
}
