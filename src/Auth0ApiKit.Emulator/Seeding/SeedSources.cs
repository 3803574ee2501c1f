namespace Auth0ApiKit.Emulator.Seeding;

/// <summary>Puts the seed file and the command line's seeding flags together into one seed document.</summary>
internal static class SeedSources
{
    /// <summary>The seed file's entries, then the flags'; each <c>--authorize</c> joins the application it names.</summary>
    /// <exception cref="EmulatorConfigurationException">The file cannot be read, or an authorization names no application.</exception>
    public static SeedDocument Combine(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var document = options.SeedFile is { } file ? SeedFileReader.Read(file) : new SeedDocument();
        document.Apis = [.. document.Apis, .. options.Apis];
        document.Applications = [.. document.Applications, .. options.Applications];
        foreach (var (name, authorization, source) in options.Authorizations)
        {
            var matches = document.Applications.Where(a => a.Client.ClientId == name || a.Client.Name == name).ToList();
            var application = matches.Count switch
            {
                1 => matches[0],
                0 => throw new EmulatorConfigurationException($"{source}: no seeded application has the name or client id '{name}'."),
                _ => throw new EmulatorConfigurationException($"{source}: several seeded applications are named '{name}'; use the client id."),
            };
            (application.Authorizations ??= []).Add(authorization);
        }

        if (options.ManagementClientId is not null || options.ManagementClientSecret is not null)
        {
            var management = document.ManagementApplication ??= new SeedManagementApplication();
            management.ClientId = options.ManagementClientId ?? management.ClientId;
            management.ClientSecret = options.ManagementClientSecret ?? management.ClientSecret;
        }

        return document;
    }
}
