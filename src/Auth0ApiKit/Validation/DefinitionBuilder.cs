using System.Diagnostics.CodeAnalysis;

namespace Auth0ApiKit.Validation;

/// <summary>The common end of every definition builder: validate everything at once, then build or report.</summary>
/// <typeparam name="TDefinition">The immutable definition the builder makes.</typeparam>
public abstract class DefinitionBuilder<TDefinition>
    where TDefinition : class
{
    private protected DefinitionBuilder()
    {
    }

    /// <summary>What is being defined, in words, for messages: <c>API</c>, <c>application</c>, <c>authorization</c>.</summary>
    private protected abstract string DefinitionKind { get; }

    /// <summary>Checks every rule and returns every broken one; an empty list means <see cref="Build"/> will succeed.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        CheckRules(errors);
        return errors;
    }

    /// <summary>Builds the definition without throwing for broken rules.</summary>
    /// <param name="definition">The definition, when every rule holds.</param>
    /// <param name="errors">Every broken rule; empty on success.</param>
    /// <returns>Whether every rule holds.</returns>
    public bool TryBuild([NotNullWhen(true)] out TDefinition? definition, out IReadOnlyList<ValidationError> errors)
    {
        errors = Validate();
        definition = errors.Count == 0 ? CreateDefinition() : null;
        return definition is not null;
    }

    /// <summary>Builds the definition.</summary>
    /// <exception cref="DefinitionException">One or more rules are broken; the exception lists every one.</exception>
    public TDefinition Build() =>
        TryBuild(out var definition, out var errors) ? definition : throw new DefinitionException(DefinitionKind, errors);

    /// <summary>A copy of <paramref name="items"/>, checked item by item for <see langword="null"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of its items is <see langword="null"/>.</exception>
    private protected static TItem[] CopyNotNull<TItem>(IEnumerable<TItem> items, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(items, parameterName);
        TItem[] copy = [.. items];
        foreach (var item in copy)
        {
            ArgumentNullException.ThrowIfNull(item, parameterName);
        }

        return copy;
    }

    /// <summary>Adds every broken rule to <paramref name="errors"/>.</summary>
    private protected abstract void CheckRules(List<ValidationError> errors);

    /// <summary>Makes the definition from the builder's current settings, without checking them.</summary>
    private protected abstract TDefinition CreateDefinition();
}
