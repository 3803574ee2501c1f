using Auth0ApiKit.Applications;

namespace Auth0ApiKit.Testing;

/// <summary>An application in a fake tenant, with the credentials a test needs to use it.</summary>
/// <param name="ClientId">The client id (32 letters and digits).</param>
/// <param name="ClientSecret">The client secret; it never shows in <see cref="object.ToString"/>.</param>
/// <param name="Definition">The application's settings as the tenant reports them, defaults included.</param>
public sealed record FakeApplication(string ClientId, Secret ClientSecret, ApplicationDefinition Definition)
{
    /// <summary>The application's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The application's kind.</summary>
    public ApplicationKind Kind => Definition.Kind;
}
