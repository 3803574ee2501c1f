namespace Auth0ApiKit.Applications;

/// <summary>The entry point for defining an application in fluent code.</summary>
public static class Application
{
    /// <summary>Starts defining an application.</summary>
    /// <param name="name">The application's name.</param>
    /// <param name="kind">Its kind; regular web and machine-to-machine applications may use client credentials by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static ApplicationDefinitionBuilder Define(string name, ApplicationKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new ApplicationDefinitionBuilder(name, kind);
    }
}
