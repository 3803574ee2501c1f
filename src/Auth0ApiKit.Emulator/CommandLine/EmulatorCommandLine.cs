using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Auth0ApiKit.Emulator.Admin;
using Auth0ApiKit.Emulator.Seeding;
using Auth0ApiKit.Wire;

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
        endpoints under /_emulator/ (loopback callers with the admin token only).

        Listening
          --host <address>          IP address to listen on (default 127.0.0.1)
          --port <port>             port to listen on (default 4780; 0 picks a free one and prints it)
          --domain <name>           issue tokens as https://<name>/ instead of the URL served on
                                    (for apps that insist on an https issuer; clients then rewrite the host)

        Seeding (the file first, then the flags; every flag may repeat)
          --seed-file <path>        JSON file with "apis", "applications" (with "authorizations") and
                                    "management_application", in Auth0's names; see docs/emulator.md
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

        Admin endpoints (every request sends Authorization: Bearer <admin token>)
          --admin-token <token>     fix the admin token (32 to 256 characters from A-Z a-z 0-9 - _ . ~)
                                    instead of a random one per run; visible to local users in the process list
          --admin-from <cidr>[,<cidr>...]
                                    also admit callers from these networks (such as 172.17.0.0/16 for
                                    docker run -p), with the token
          --admin-host <name>[,<name>...]
                                    also accept these names in Host (besides localhost, IP addresses and
                                    --domain), such as a container's name on a compose network

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
                case "--admin-token":
                    var token = Value();
                    options.AdminToken = AdminToken.IsWellFormed(token)
                        ? token
                        : throw new EmulatorConfigurationException($"--admin-token must be {AdminToken.Rule}.");
                    break;
                case "--admin-from":
                    options.AdminFrom.AddRange(SplitList(Value()).DefaultIfEmpty(string.Empty).Select(ParseNetwork));
                    break;
                case "--admin-host":
                    options.AdminHosts.AddRange(SplitList(Value()).DefaultIfEmpty(string.Empty).Select(ParseHostName));
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

    /// <summary>
    /// A network in CIDR notation (<c>172.17.0.0/16</c>, <c>fd00::/8</c>) or one address (<c>192.0.2.7</c>): an IPv4
    /// address in four dotted parts or an IPv6 address without a zone, a prefix length within the family's, and no
    /// address bits past the prefix (they would hide a typo).
    /// </summary>
    private static IPNetwork ParseNetwork(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        var prefixText = slash < 0 ? null : text[(slash + 1)..];
        var isIPv4 = addressText.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%', StringComparison.Ordinal) ||
            (address.AddressFamily == AddressFamily.InterNetwork) != isIPv4)
        {
            throw BadNetwork(text);
        }

        var width = isIPv4 ? 32 : 128;
        var prefix = width;
        if (prefixText is not null &&
            !(prefixText.Length is > 0 and <= 3 && prefixText.All(char.IsAsciiDigit) && int.TryParse(prefixText, CultureInfo.InvariantCulture, out prefix) && prefix <= width))
        {
            throw BadNetwork(text);
        }

        var network = new IPNetwork(Masked(address, prefix), prefix);
        return network.BaseAddress.Equals(address)
            ? network
            : throw new EmulatorConfigurationException($"--admin-from '{text}' has bits set past /{prefix}; write {network}.");
    }

    private static EmulatorConfigurationException BadNetwork(string text) =>
        new($"--admin-from '{text}' is not a network such as 172.17.0.0/16, fd00::/8 or 192.0.2.7.");

    /// <summary><paramref name="address"/> with every bit past the first <paramref name="prefix"/> cleared.</summary>
    private static IPAddress Masked(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }

    /// <summary>A host name for <c>--admin-host</c>: a DNS name without port, scheme or wildcard, in lower case.</summary>
    private static string ParseHostName(string text) =>
        Uri.CheckHostName(text) == UriHostNameType.Dns
            ? text.ToLowerInvariant()
            : throw new EmulatorConfigurationException($"--admin-host '{text}' is not a host name such as emulator or auth0.test.");

    /// <summary><c>identifier[=scope,scope]</c>: the first <c>=</c> ends the identifier.</summary>
    private static SeedApi ParseApi(string text)
    {
        var (identifier, scopes) = SplitFirst(text, '=');
        return new SeedApi
        {
            ResourceServer = new ResourceServerDto
            {
                Identifier = identifier,
                Name = identifier,
                Scopes = scopes is null ? null : [.. SplitList(scopes).Select(s => new ResourceServerScopeDto { Value = s })],
            },
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

        return new SeedApplication
        {
            Client = new ClientDto { Name = name, ClientId = clientId, ClientSecret = clientSecret },
            Source = $"--app '{name}'",
        };
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
