using System.Collections.Immutable;

namespace Auth0ApiKit.Roles;

/// <summary>
/// A role as the dashboard describes it: a tenant-wide name, a description and the API permissions it grants.
/// Immutable; equal to another definition with the same name, description and permissions (in any order). Create one
/// with <see cref="Role.Define(string)"/>.
/// </summary>
public sealed class RoleDefinition : IEquatable<RoleDefinition>
{
    internal RoleDefinition(string name, string? description, IEnumerable<ApiPermission> permissions)
    {
        Name = name;
        Description = description;
        Permissions = permissions.ToImmutableArray();
    }

    /// <summary>The role's name, unique in the tenant.</summary>
    public string Name { get; }

    /// <summary>What the role is for, or <see langword="null"/> when not set (a tenant's description is left alone).</summary>
    public string? Description { get; }

    /// <summary>The permissions the role grants, each once, in the order they were added; may be empty.</summary>
    public IReadOnlyList<ApiPermission> Permissions { get; }

    /// <summary>Whether the role grants this permission.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="permission"/> is <see langword="null"/>.</exception>
    public bool Grants(ApiPermission permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return Permissions.Contains(permission);
    }

    /// <inheritdoc />
    public bool Equals(RoleDefinition? other) =>
        other is not null &&
        string.Equals(Name, other.Name, StringComparison.Ordinal) &&
        string.Equals(Description, other.Description, StringComparison.Ordinal) &&
        Permissions.Count == other.Permissions.Count &&
        Permissions.ToHashSet().SetEquals(other.Permissions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RoleDefinition);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Description, Permissions.Count);

    /// <summary>Whether two definitions are the same.</summary>
    public static bool operator ==(RoleDefinition? left, RoleDefinition? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two definitions differ.</summary>
    public static bool operator !=(RoleDefinition? left, RoleDefinition? right) => !(left == right);

    /// <summary>The name and the permissions, such as <c>Role 'orders-admin': [https://orders.example.com write:orders]</c>.</summary>
    public override string ToString() => $"Role '{Name}': [{string.Join(", ", Permissions)}]";
}
