using System.Globalization;
using System.Net;
using Auth0ApiKit.Emulator.Seeding;

namespace Auth0ApiKit.Emulator.CommandLine;

/// <summary>What the command line asks for.</summary>
internal enum EmulatorCommand
{
    Run,
    Help,
    Version,
}

/// <summary>Parses the emulator's command line: <c>--name value</c> or <c>--name=value</c>, repeatable seeding flags.</summary>
internal static class EmulatorCommandLine
{
    public const string Usage = """
        Usage: auth0-emulator [options]

        Serves a fake Auth0 tenant over HTTP: the Management API (resource servers, clients, client grants),
        /oauth/token with real RS256 and HS256 tokens, /.well-known/jwks.json and openid-configuration, and admin
        endpoints under /_emulator/ (loopback callers only).

        Listening
          --host <address>          IP address to listen on (default 127.0.0.1)
          --port <port>             port to listen on (default 4780; 0 picks a free one and prints it)
          --domain <name>           issue tokens as https://<name>/ instead of the URL served on
                                    (for apps that insist on an https issuer; clients then rewrite the host)

        Seeding (the file first, then the flags; every flag may repeat)
          --seed-file <path>        JSON file with "apis", "applications" (with "authorizations") and
                                    "managementApplication"; see docs/emulator.md
          --api <identifier>[=<scope>,<scope>...]
                                    an RS256 API with those scopes
          --app <name>[=<client id>:<client secret>]
                                    a machine-to-machine application, with fixed credentials when given
          --authorize <app>=<api identifier>[=<scope>,<scope>...]
                                    authorizes an application (name or client id) for an API, with the
                                    given scopes or else all of the API's scopes
          --management-client-id <id>, --management-client-secret <secret>
                                    fixed credentials for the management application
          --no-management-app       do not create the management application

        Output and keys
          --write-credentials <path>  write the URLs and every credential as JSON once listening
          --signing-key <path>      PEM RSA private key (2048 bits or more) for RS256 tokens (default: new per run)
          --journal-capacity <n>    requests kept in the journal (default 1000)

          -h, --help                show this help
          --version                 show the version
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="EmulatorConfigurationException">An option is unknown, lacks its value or has a bad one.</exception>
    public static (EmulatorCommand Command, EmulatorOptions Options) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string name = arg;
            string? inlineValue = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is > 2 and var separator)
            {
                name = arg[..separator];
                inlineValue = arg[(separator + 1)..];
            }

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count)
                {
                    throw new EmulatorConfigurationException($"{name} needs a value; see --help.");
                }

                return args[++i];
            }

            switch (name)
            {
                case "-h" or "--help":
                    return (EmulatorCommand.Help, options);
                case "--version":
                    return (EmulatorCommand.Version, options);
                case "--host":
                    options.Host = ParseAddress(Value());
                    break;
                case "--port":
                    options.Port = ParseInt(name, Value(), 0, IPEndPoint.MaxPort);
                    break;
                case "--domain":
                    options.Domain = Value();
                    break;
                case "--seed-file":
                    options.SeedFile = Value();
                    break;
                case "--api":
                    options.Apis.Add(ParseApi(Value()));
                    break;
                case "--app":
                    options.Applications.Add(ParseApplication(Value()));
                    break;
                case "--authorize":
                    options.Authorizations.Add(ParseAuthorization(Value()));
                    break;
                case "--management-client-id":
                    options.ManagementClientId = Value();
                    break;
                case "--management-client-secret":
                    options.ManagementClientSecret = Value();
                    break;
                case "--no-management-app":
                    options.CreateManagementApplication = false;
                    break;
                case "--write-credentials":
                    options.CredentialsFile = Value();
                    break;
                case "--signing-key":
                    options.SigningKeyFile = Value();
                    break;
                case "--journal-capacity":
                    options.JournalCapacity = ParseInt(name, Value(), 1, 1_000_000);
                    break;
                default:
                    throw new EmulatorConfigurationException($"unknown option '{arg}'; see --help.");
            }

            if (inlineValue is not null && name is "--no-management-app")
            {
                throw new EmulatorConfigurationException($"{name} takes no value.");
            }
        }

        return (EmulatorCommand.Run, options);
    }

    private static int ParseInt(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new EmulatorConfigurationException($"{name} must be a whole number from {min} to {max}, not '{text}'.");

    private static IPAddress ParseAddress(string text)
    {
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(text.Trim('[', ']'), out var address)
            ? address
            : throw new EmulatorConfigurationException($"--host must be an IP address such as 127.0.0.1 or ::1, not '{text}'.");
    }

    /// <summary><c>identifier[=scope,scope]</c>: the first <c>=</c> ends the identifier.</summary>
    private static SeedApi ParseApi(string text)
    {
        var (identifier, scopes) = SplitFirst(text, '=');
        return new SeedApi
        {
            Identifier = identifier,
            Name = identifier,
            Scopes = scopes is null ? null : [.. SplitList(scopes).Select(s => new SeedScope(s, null))],
            Source = $"--api '{text}'",
        };
    }

    /// <summary><c>name[=clientId:clientSecret]</c>.</summary>
    private static SeedApplication ParseApplication(string text)
    {
        var (name, credentials) = SplitFirst(text, '=');
        string? clientId = null, clientSecret = null;
        if (credentials is not null)
        {
            (clientId, clientSecret) = SplitFirst(credentials, ':');
            if (clientId.Length == 0 || string.IsNullOrEmpty(clientSecret))
            {
                throw new EmulatorConfigurationException($"--app '{name}': write fixed credentials as <name>=<client id>:<client secret>.");
            }
        }

        return new SeedApplication { Name = name, ClientId = clientId, ClientSecret = clientSecret, Source = $"--app '{name}'" };
    }

    /// <summary><c>app=identifier[=scope,scope]</c>.</summary>
    private static (string, SeedAuthorization, string) ParseAuthorization(string text)
    {
        var source = $"--authorize '{text}'";
        var (application, rest) = SplitFirst(text, '=');
        if (application.Length == 0 || string.IsNullOrEmpty(rest))
        {
            throw new EmulatorConfigurationException($"{source}: write <app>=<api identifier>[=<scope>,<scope>...].");
        }

        var (api, scopes) = SplitFirst(rest, '=');
        return (application, new SeedAuthorization { Api = api, Scopes = scopes is null ? null : [.. SplitList(scopes)] }, source);
    }

    private static (string Head, string? Tail) SplitFirst(string text, char separator)
    {
        var index = text.IndexOf(separator, StringComparison.Ordinal);
        return index < 0 ? (text, null) : (text[..index], text[(index + 1)..]);
    }

    private static string[] SplitList(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
