namespace Auth0ApiKit.Management;

/// <summary>
/// A role as a tenant holds it: its generated id, name and description (its permissions and users are read apart).
/// Read-only, compared by reference; tests build one with <see cref="Auth0ModelFactory.TenantRole"/>.
/// </summary>
public sealed class TenantRole
{
    internal TenantRole(string id, string name, string? description)
    {
        Id = id;
        Name = name;
        Description = description;
    }

    /// <summary>The role's id (<c>rol_</c> and 16 letters and digits).</summary>
    public string Id { get; }

    /// <summary>The role's name, unique in the tenant.</summary>
    public string Name { get; }

    /// <summary>What the role is for, or <see langword="null"/> when it has no description.</summary>
    public string? Description { get; }

    /// <summary>The name and the id, such as <c>Role 'orders-admin' (id rol_...)</c>.</summary>
    public override string ToString() => $"Role '{Name}' (id {Id})";
}
