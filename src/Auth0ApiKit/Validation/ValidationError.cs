namespace Auth0ApiKit.Validation;

/// <summary>One broken rule of a definition.</summary>
/// <param name="Path">The field path in Auth0's JSON terms, such as <c>name</c> or <c>scopes[2].value</c>.</param>
/// <param name="Rule">A stable rule code from <see cref="RuleCodes"/>, for code that branches on the kind of mistake.</param>
/// <param name="Origin">Who makes the rule: Auth0's server, Auth0's dashboard (stricter than the server), or the SDK.</param>
/// <param name="Limit">The limit the value broke (a length, a number of seconds), when the rule has one.</param>
/// <param name="Message">A sentence a person understands. It never contains a secret.</param>
public sealed record ValidationError(string Path, string Rule, RuleOrigin Origin, long? Limit, string Message)
{
    /// <summary>
    /// The detail Auth0's JSON-schema validation would give for the same mistake, as in
    /// <c>String is too long (201 chars), maximum 200</c>; <see langword="null"/> for rules Auth0 does not make.
    /// </summary>
    public string? SchemaDetail { get; init; }

    /// <summary>The path, the message and the rule code on one line.</summary>
    public override string ToString() => $"{Path}: {Message} [{Rule}]";
}
