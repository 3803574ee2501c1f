namespace Auth0ApiKit.Sync;

/// <summary>One scope of an API that a plan adds, re-describes or removes; scopes are matched by value.</summary>
/// <param name="Kind"><see cref="ChangeKind.Create"/>, <see cref="ChangeKind.Update"/> (the description changes) or <see cref="ChangeKind.Delete"/>.</param>
/// <param name="Value">The scope, such as <c>read:orders</c>.</param>
/// <param name="BeforeDescription">The description now (for an update or a removal).</param>
/// <param name="AfterDescription">The description it will have (for an addition or an update).</param>
public sealed record ScopeChange(ChangeKind Kind, string Value, string? BeforeDescription, string? AfterDescription)
{
    /// <summary>The change as a plan line, such as <c>~ read:orders "Read" -> "Read orders"</c>.</summary>
    public override string ToString() => PlanText.Scope(this);
}
