using System.Collections.Immutable;

namespace Auth0ApiKit.Applications;

/// <summary>
/// An application authorized to call an API as itself (Auth0's client grant), with a subset of the API's
/// scopes. Immutable; equal to another with the same application, API and scopes (in order). Create one with
/// <see cref="Authorization.For(Apis.ApiDefinition, ApplicationReference)"/>.
/// </summary>
public sealed class AuthorizationDefinition : IEquatable<AuthorizationDefinition>
{
    internal AuthorizationDefinition(ApplicationReference application, string apiIdentifier, IEnumerable<string> scopes)
    {
        Application = application;
        ApiIdentifier = apiIdentifier;
        Scopes = scopes.ToImmutableArray();
    }

    /// <summary>The authorized application.</summary>
    public ApplicationReference Application { get; }

    /// <summary>The identifier (audience) of the API the application may call.</summary>
    public string ApiIdentifier { get; }

    /// <summary>The scopes granted; may be empty.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <inheritdoc />
    public bool Equals(AuthorizationDefinition? other) =>
        other is not null &&
        Application == other.Application &&
        string.Equals(ApiIdentifier, other.ApiIdentifier, StringComparison.Ordinal) &&
        Scopes.SequenceEqual(other.Scopes, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AuthorizationDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Application, ApiIdentifier, Scopes.Count);

    /// <summary>Whether two authorizations are the same.</summary>
    public static bool operator ==(AuthorizationDefinition? left, AuthorizationDefinition? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two authorizations differ.</summary>
    public static bool operator !=(AuthorizationDefinition? left, AuthorizationDefinition? right) => !(left == right);

    /// <summary>The application, the API and the scopes.</summary>
    public override string ToString() => $"{Application} -> {ApiIdentifier} [{string.Join(" ", Scopes)}]";
}
