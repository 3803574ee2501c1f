using System.Net;
using Auth0ApiKit.Emulator.Seeding;

namespace Auth0ApiKit.Emulator;

/// <summary>How the emulator runs: where it listens, which issuer it uses, what it seeds, where it writes credentials.</summary>
internal sealed class EmulatorOptions
{
    /// <summary>The port when none is given.</summary>
    public const int DefaultPort = 4780;

    /// <summary>The address to listen on; loopback by default.</summary>
    public IPAddress Host { get; set; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>A logical domain: the issuer becomes <c>https://{domain}/</c> instead of the URL the emulator serves on.</summary>
    public string? Domain { get; set; }

    /// <summary>A seed file with APIs, applications and authorizations.</summary>
    public string? SeedFile { get; set; }

    /// <summary>APIs added on the command line, after the seed file's.</summary>
    public List<SeedApi> Apis { get; } = [];

    /// <summary>Applications added on the command line, after the seed file's.</summary>
    public List<SeedApplication> Applications { get; } = [];

    /// <summary>Authorizations added on the command line: an application (name or client id) and what it is authorized for.</summary>
    public List<(string Application, SeedAuthorization Authorization, string Source)> Authorizations { get; } = [];

    /// <summary>Whether to create the management application; true by default.</summary>
    public bool CreateManagementApplication { get; set; } = true;

    /// <summary>A fixed client id for the management application.</summary>
    public string? ManagementClientId { get; set; }

    /// <summary>A fixed client secret for the management application.</summary>
    public string? ManagementClientSecret { get; set; }

    /// <summary>A file to write the URLs and credentials to, as JSON, once the emulator listens.</summary>
    public string? CredentialsFile { get; set; }

    /// <summary>Networks whose callers may use the admin endpoints (with the admin token) besides loopback.</summary>
    public List<IPNetwork> AdminFrom { get; } = [];

    /// <summary>Host names (besides <c>localhost</c>, IP literals and the domain) that admin requests may carry in <c>Host</c>.</summary>
    public List<string> AdminHosts { get; } = [];

    /// <summary>A fixed admin token; a random one per run when absent.</summary>
    public string? AdminToken { get; set; }

    /// <summary>A PEM file with the RSA private key that signs RS256 tokens; a new key per run when absent.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>How many requests the journal keeps.</summary>
    public int JournalCapacity { get; set; } = 1_000;

    /// <summary>The clock under the emulator's movable clock; the system clock by default (tests pass their own).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How long a stop waits for requests in flight before cutting them.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
