using Auth0ApiKit.Applications;

namespace Auth0ApiKit.Management;

/// <summary>An application (client) as a tenant holds it.</summary>
/// <param name="ClientId">The client id (32 letters and digits).</param>
/// <param name="Definition">The application's settings as the tenant reports them, defaults included.</param>
/// <param name="ClientSecret">
/// The client secret: returned when the application is created or its secret rotated, and on reads only when the
/// management token has <c>read:client_keys</c>; otherwise <see langword="null"/>. It never shows in <see cref="ToString"/>.
/// </param>
public sealed record TenantApplication(string ClientId, ApplicationDefinition Definition, Secret? ClientSecret)
{
    /// <summary>The application's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The application's kind.</summary>
    public ApplicationKind Kind => Definition.Kind;
}
