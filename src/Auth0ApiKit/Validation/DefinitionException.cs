namespace Auth0ApiKit.Validation;

/// <summary>
/// Thrown by <c>Build()</c> when a definition breaks one or more rules. <see cref="Errors"/> lists every broken
/// rule, not only the first.
/// </summary>
public sealed class DefinitionException : Exception
{
    /// <summary>Creates the exception for a definition of <paramref name="definitionKind"/> with its broken rules.</summary>
    /// <param name="definitionKind">What was being defined, in words: <c>API</c>, <c>application</c>, <c>authorization</c>.</param>
    /// <param name="errors">Every broken rule; at least one. The exception keeps a copy.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public DefinitionException(string definitionKind, IReadOnlyList<ValidationError> errors)
        : base(FormatMessage(definitionKind, errors))
    {
        DefinitionKind = definitionKind;
        Errors = [.. errors];
    }

    /// <summary>Creates the exception with a generic message and no listed rules.</summary>
    public DefinitionException() : this("The definition is not valid.") { }

    /// <summary>Creates the exception with a message only.</summary>
    public DefinitionException(string message) : base(message)
    {
        DefinitionKind = "definition";
        Errors = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public DefinitionException(string message, Exception innerException) : base(message, innerException)
    {
        DefinitionKind = "definition";
        Errors = [];
    }

    /// <summary>What was being defined: <c>API</c>, <c>application</c> or <c>authorization</c>.</summary>
    public string DefinitionKind { get; }

    /// <summary>Every broken rule.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string FormatMessage(string definitionKind, IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(definitionKind);
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A definition exception lists at least one broken rule.", nameof(errors));
        }

        var noun = errors.Count == 1 ? "rule" : "rules";
        var lines = string.Join(Environment.NewLine, errors.Select(e => "  - " + e));
        return $"The {definitionKind} definition breaks {errors.Count} {noun}:{Environment.NewLine}{lines}";
    }
}
