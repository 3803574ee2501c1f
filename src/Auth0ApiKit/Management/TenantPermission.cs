using System.Diagnostics.CodeAnalysis;
using Auth0ApiKit.Roles;

namespace Auth0ApiKit.Management;

/// <summary>
/// A permission as a tenant lists it for a role: the API and scope, with the scope's description and the API's name.
/// Read-only, compared by reference; tests build one with <see cref="Auth0ModelFactory.TenantPermission"/>.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "Auth0's word for an API scope held by a role or user; not a .NET code-access permission.")]
public sealed class TenantPermission
{
    internal TenantPermission(ApiPermission permission, string? description, string? apiName)
    {
        Permission = permission;
        Description = description;
        ApiName = apiName;
    }

    /// <summary>The API and the scope.</summary>
    public ApiPermission Permission { get; }

    /// <summary>The scope's description, or <see langword="null"/> when it has none.</summary>
    public string? Description { get; }

    /// <summary>The API's name, or <see langword="null"/> when it has none.</summary>
    public string? ApiName { get; }

    /// <summary>The API and the scope, such as <c>https://orders.example.com write:orders</c>.</summary>
    public override string ToString() => Permission.ToString();
}
