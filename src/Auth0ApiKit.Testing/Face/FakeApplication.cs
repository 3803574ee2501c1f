using Auth0ApiKit.Applications;
using Auth0ApiKit.Management;

namespace Auth0ApiKit.Testing;

/// <summary>
/// An application in a fake tenant, with the credentials a test needs to use it. It has the members of
/// <see cref="TenantApplication"/> in the same order, but its <see cref="ClientSecret"/> is always there: a fake tenant
/// knows every secret, whereas a real tenant shows it only to a token with <c>read:client_keys</c>. Read-only,
/// compared by reference; only a <see cref="FakeTenant"/> makes one.
/// </summary>
public sealed class FakeApplication
{
    internal FakeApplication(string clientId, ApplicationDefinition definition, Secret clientSecret)
    {
        ClientId = clientId;
        Definition = definition;
        ClientSecret = clientSecret;
    }

    /// <summary>The client id (32 letters and digits).</summary>
    public string ClientId { get; }

    /// <summary>The application's settings as the tenant reports them, defaults included.</summary>
    public ApplicationDefinition Definition { get; }

    /// <summary>The client secret; it never shows in <see cref="ToString"/>.</summary>
    public Secret ClientSecret { get; }

    /// <summary>The application's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The application's kind.</summary>
    public ApplicationKind Kind => Definition.Kind;

    /// <summary>The name, kind and client id, such as <c>Application 'billing' (non_interactive), client id abc</c>. Never the secret.</summary>
    public override string ToString() => $"Application '{Name}' ({Kind}), client id {ClientId}";
}
