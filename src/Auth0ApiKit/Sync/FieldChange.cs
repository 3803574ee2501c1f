namespace Auth0ApiKit.Sync;

/// <summary>
/// One setting of an API that a plan sets or changes, named as Auth0 names it (<c>token_lifetime</c>), with its
/// values as text (<c>86400</c>, <c>true</c>, <c>Orders API</c>). A secret setting carries no values at all.
/// </summary>
/// <param name="Field">Auth0's name of the setting, such as <c>token_lifetime</c>.</param>
/// <param name="Before">The value in force now; <see langword="null"/> when the API does not exist yet, or for a secret.</param>
/// <param name="After">The value it will have; <see langword="null"/> for a secret.</param>
/// <param name="IsSecret">Whether the setting is a secret (<c>signing_secret</c>): only the fact that it changes is shown.</param>
public sealed record FieldChange(string Field, string? Before, string? After, bool IsSecret = false)
{
    /// <summary>The change as a plan line, such as <c>token_lifetime: 86400 -> 7200</c> or <c>signing_secret: (changed)</c>.</summary>
    public override string ToString() => PlanText.Field(this);
}
