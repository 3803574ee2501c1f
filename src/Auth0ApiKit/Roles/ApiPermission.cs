using System.Diagnostics.CodeAnalysis;

namespace Auth0ApiKit.Roles;

/// <summary>
/// A permission as roles and users hold it: one scope of one API, named by the API's identifier and the scope's value
/// (Auth0's <c>resource_server_identifier</c> and <c>permission_name</c>).
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "Auth0's word for an API scope held by a role or user; not a .NET code-access permission.")]
public sealed record ApiPermission
{
    /// <summary>Creates a permission.</summary>
    /// <param name="apiIdentifier">The identifier (audience) of the API that defines the scope.</param>
    /// <param name="name">The scope's value, such as <c>write:orders</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ApiPermission(string apiIdentifier, string name)
    {
        ArgumentNullException.ThrowIfNull(apiIdentifier);
        ArgumentNullException.ThrowIfNull(name);
        ApiIdentifier = apiIdentifier;
        Name = name;
    }

    /// <summary>The identifier (audience) of the API that defines the scope.</summary>
    public string ApiIdentifier { get; }

    /// <summary>The scope's value, such as <c>write:orders</c>.</summary>
    public string Name { get; }

    /// <summary>The API and the scope, such as <c>https://orders.example.com write:orders</c>.</summary>
    public override string ToString() => $"{ApiIdentifier} {Name}";
}
