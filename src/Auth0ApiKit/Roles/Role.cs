namespace Auth0ApiKit.Roles;

/// <summary>The entry point for defining a role (tenant-wide) and the API permissions it grants, in fluent code.</summary>
/// <example>
/// <code>
/// var admin = Role.Define("orders-admin")
///     .WithDescription("Manages orders")
///     .WithPermission(orders, "write:orders")
///     .Build();
/// </code>
/// </example>
public static class Role
{
    /// <summary>Starts defining a role.</summary>
    /// <param name="name">The role's name, unique in the tenant; it must have a visible character.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static RoleDefinitionBuilder Define(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new RoleDefinitionBuilder(name);
    }
}
