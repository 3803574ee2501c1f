namespace Auth0ApiKit.Apis;

/// <summary>A permission an API defines, such as <c>read:orders</c>, with a description people read.</summary>
public sealed record Scope
{
    /// <summary>Creates a scope.</summary>
    /// <param name="value">The scope as it appears in tokens, such as <c>read:orders</c>.</param>
    /// <param name="description">What the scope allows, in words; <see langword="null"/> when not given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public Scope(string value, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        Description = description;
    }

    /// <summary>The scope as it appears in tokens, such as <c>read:orders</c>.</summary>
    public string Value { get; }

    /// <summary>What the scope allows, in words.</summary>
    public string? Description { get; }

    /// <summary>The value and, when there is one, the description.</summary>
    public override string ToString() => Description is null ? Value : $"{Value} ({Description})";
}
