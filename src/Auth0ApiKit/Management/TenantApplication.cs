using Auth0ApiKit.Applications;

namespace Auth0ApiKit.Management;

/// <summary>
/// An application (client) as a tenant holds it. Read-only, compared by reference; tests build one with
/// <see cref="Auth0ModelFactory.TenantApplication"/>.
/// </summary>
public sealed class TenantApplication
{
    internal TenantApplication(string clientId, ApplicationDefinition definition, Secret? clientSecret)
    {
        ClientId = clientId;
        Definition = definition;
        ClientSecret = clientSecret;
    }

    /// <summary>The client id (32 letters and digits).</summary>
    public string ClientId { get; }

    /// <summary>The application's settings as the tenant reports them, defaults included.</summary>
    public ApplicationDefinition Definition { get; }

    /// <summary>
    /// The client secret: returned when the application is created or its secret rotated, and on reads only when the
    /// management token has <c>read:client_keys</c>; otherwise <see langword="null"/>. It never shows in <see cref="ToString"/>.
    /// </summary>
    public Secret? ClientSecret { get; }

    /// <summary>The application's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The application's kind.</summary>
    public ApplicationKind Kind => Definition.Kind;

    /// <summary>The name, kind and client id, such as <c>Application 'billing' (non_interactive), client id abc</c>. Never the secret.</summary>
    public override string ToString() => $"Application '{Name}' ({Kind}), client id {ClientId}";
}
