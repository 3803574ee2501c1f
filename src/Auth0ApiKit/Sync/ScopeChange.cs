namespace Auth0ApiKit.Sync;

/// <summary>
/// One scope of an API that a plan adds, re-describes or removes; scopes are matched by value. Read-only, compared by
/// reference; tests build one with <see cref="Auth0ModelFactory.ScopeChange"/>.
/// </summary>
public sealed class ScopeChange
{
    internal ScopeChange(ChangeKind kind, string value, string? beforeDescription, string? afterDescription)
    {
        Kind = kind;
        Value = value;
        BeforeDescription = beforeDescription;
        AfterDescription = afterDescription;
    }

    /// <summary><see cref="ChangeKind.Create"/>, <see cref="ChangeKind.Update"/> (the description changes) or <see cref="ChangeKind.Delete"/>.</summary>
    public ChangeKind Kind { get; }

    /// <summary>The scope, such as <c>read:orders</c>.</summary>
    public string Value { get; }

    /// <summary>The description now (for an update or a removal).</summary>
    public string? BeforeDescription { get; }

    /// <summary>The description it will have (for an addition or an update).</summary>
    public string? AfterDescription { get; }

    /// <summary>The change as a plan line, such as <c>~ read:orders "Read" -> "Read orders"</c>.</summary>
    public override string ToString() => PlanText.Scope(this);
}
