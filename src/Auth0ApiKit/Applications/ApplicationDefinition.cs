using System.Collections.Immutable;

namespace Auth0ApiKit.Applications;

/// <summary>
/// An application (an Auth0 client) as the dashboard describes it: name, kind, grant types, callbacks.
/// Immutable; equal to another definition with the same settings. Create one with
/// <see cref="Application.Define(string, ApplicationKind)"/>.
/// </summary>
public sealed class ApplicationDefinition : IEquatable<ApplicationDefinition>
{
    internal ApplicationDefinition(string name, ApplicationKind kind, IEnumerable<GrantType>? grantTypes, IEnumerable<Uri>? callbacks, bool? isFirstParty)
    {
        Name = name;
        Kind = kind;
        GrantTypes = grantTypes?.ToImmutableArray();
        Callbacks = callbacks?.ToImmutableArray();
        IsFirstParty = isFirstParty;
    }

    /// <summary>The application's name.</summary>
    public string Name { get; }

    /// <summary>The application's kind.</summary>
    public ApplicationKind Kind { get; }

    /// <summary>The grant types set, or <see langword="null"/> when not set (the kind's defaults apply).</summary>
    public IReadOnlyList<GrantType>? GrantTypes { get; }

    /// <summary>The allowed callback URLs, or <see langword="null"/> when not set.</summary>
    public IReadOnlyList<Uri>? Callbacks { get; }

    /// <summary>Whether the application is first party, or <see langword="null"/> when not set (applications created in a tenant are).</summary>
    public bool? IsFirstParty { get; }

    /// <summary>The grant types that apply: those set, else the kind's defaults.</summary>
    public IReadOnlyList<GrantType> EffectiveGrantTypes => GrantTypes ?? Kind.DefaultGrantTypes;

    /// <summary>Whether the application is first party as it applies: the value set, else <see langword="true"/>.</summary>
    public bool EffectiveIsFirstParty => IsFirstParty ?? true;

    /// <summary>Whether the application may use the client-credentials grant, and so be authorized for APIs as itself.</summary>
    public bool CanUseClientCredentials => EffectiveGrantTypes.Contains(GrantType.ClientCredentials);

    /// <inheritdoc />
    public bool Equals(ApplicationDefinition? other) =>
        other is not null &&
        string.Equals(Name, other.Name, StringComparison.Ordinal) &&
        Kind == other.Kind &&
        IsFirstParty == other.IsFirstParty &&
        SameItems(GrantTypes, other.GrantTypes) &&
        SameItems(Callbacks, other.Callbacks);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ApplicationDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Kind, IsFirstParty, GrantTypes?.Count, Callbacks?.Count);

    /// <summary>Whether two definitions have the same settings.</summary>
    public static bool operator ==(ApplicationDefinition? left, ApplicationDefinition? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two definitions differ in any setting.</summary>
    public static bool operator !=(ApplicationDefinition? left, ApplicationDefinition? right) => !(left == right);

    /// <summary>The name, the kind and the grant types that apply.</summary>
    public override string ToString() =>
        $"Application '{Name}' ({Kind}): grant types [{string.Join(", ", EffectiveGrantTypes)}]";

    private static bool SameItems<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right) =>
        left is null ? right is null : right is not null && left.SequenceEqual(right);
}
