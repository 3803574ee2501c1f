using System.Net;
using System.Net.Sockets;
using Auth0ApiKit.Emulator.Admin;
using Auth0ApiKit.Emulator.Http;
using Auth0ApiKit.Emulator.Seeding;
using Auth0ApiKit.Emulator.Time;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Auth0ApiKit.Emulator;

/// <summary>
/// One running emulator: Kestrel on loopback serving one fake tenant through the same transport-free pipeline as the
/// in-memory handler, plus the admin endpoints. Start it with <see cref="StartAsync"/>, stop it with
/// <see cref="StopAsync"/> (requests in flight finish; hanging faults are cut).
/// </summary>
internal sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task<FakeSigningKey> _signingKey;
    private readonly TaskCompletionSource _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private EmulatorTenant? _tenant;
    private AdminEndpoints? _admin;
    private int _disposed;

    private EmulatorHost(WebApplication app, Task<FakeSigningKey> signingKey, OffsetTimeProvider clock)
    {
        _app = app;
        _signingKey = signingKey;
        Clock = clock;
    }

    /// <summary>Where the emulator is reached, such as <c>http://127.0.0.1:4780/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The URLs and credentials the emulator prints and writes.</summary>
    public EmulatorCredentials Credentials { get; private set; } = null!;

    /// <summary>The movable clock of the tenant.</summary>
    public OffsetTimeProvider Clock { get; }

    /// <summary>The tenant that answers now (a reset replaces it).</summary>
    public FakeTenant Tenant => _tenant!.Current;

    /// <summary>Completes when the host has stopped, however it was stopped.</summary>
    public Task Stopped => _app.WaitForShutdownAsync();

    /// <summary>
    /// Checks the configuration, binds the port, seeds the tenant and starts serving. Every problem that stops the start
    /// is an <see cref="EmulatorConfigurationException"/> with a one-line message.
    /// </summary>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = SeedPlan.Resolve(SeedSources.Combine(options), options.CreateManagementApplication);
        CheckIssuerIsPossible(options);
        var key = options.SigningKeyFile is { } keyFile ? LoadSigningKey(keyFile) : null;
        // A new RSA key takes 100-200 ms: make it while the host is built and Kestrel binds.
        var keyTask = key is null ? Task.Run(() => FakeSigningKey.Generate(), CancellationToken.None) : Task.FromResult(key);

        var clock = new OffsetTimeProvider(options.Clock);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Auth0ApiKit.Emulator" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Every reader stops at its own limit (RequestBody); Kestrel's would cut a larger body before the tenant answers.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(options.Host, options.Port);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        var app = builder.Build();
        var host = new EmulatorHost(app, keyTask, clock);
        app.Run(host.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsAddressInUse(e))
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw new EmulatorConfigurationException(options.Port == 0
                ? $"no free port on {options.Host}."
                : $"port {options.Port} on {options.Host} is already in use; choose another with --port, or --port 0 for a free one.", e)
            {
                CannotStart = true,
            };
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw new EmulatorConfigurationException($"cannot listen on {options.Host}:{options.Port}: {e.Message}", e) { CannotStart = true };
        }

        try
        {
            host.Seed(options, plan, await keyTask.ConfigureAwait(false));
        }
        catch (Exception e)
        {
            host._seeded.TrySetException(e);
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        host._seeded.TrySetResult();
        return host;
    }

    /// <summary>Stops taking connections, lets requests in flight finish (up to the shutdown time-out) and cuts hanging faults.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started (the port was busy): nothing to stop.
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
        (await _signingKey.ConfigureAwait(false)).Dispose();
    }

    private void Seed(EmulatorOptions options, SeedPlan plan, FakeSigningKey signingKey)
    {
        var port = new Uri(_app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        BaseUri = new Uri($"http://{UrlHost(options.Host)}:{port}/");
        var issuer = options.Domain is { } domain ? TenantUrls.ForDomain(domain).Issuer : BaseUri.AbsoluteUri;
        _tenant = new EmulatorTenant(() => new FakeTenantOptions
        {
            Domain = options.Domain ?? BaseUri.Authority,
            Issuer = issuer,
            TimeProvider = Clock,
            JournalCapacity = options.JournalCapacity,
            SigningKey = signingKey,
        }, plan, Clock.Reset);
        var adminToken = options.AdminToken ?? AdminToken.Generate();
        Credentials = EmulatorCredentials.Create(plan, BaseUri, _tenant.Urls, options.Domain ?? BaseUri.Authority, AdminEndpoints.Prefix, adminToken);
        IEnumerable<string> adminHosts = options.Domain is { } name ? [name, .. options.AdminHosts] : options.AdminHosts;
        _admin = new AdminEndpoints(_tenant, Clock, () => Credentials, new AdminAccess(adminToken, options.AdminFrom, adminHosts));
    }

    /// <summary>Answers one request: the admin endpoints or the tenant.</summary>
    internal async Task HandleAsync(HttpContext context)
    {
        if (_admin is null)
        {
            // Bound but not yet seeded (a moment at start): wait rather than refuse.
            await _seeded.Task.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var admin = _admin!;

        if (AdminEndpoints.IsAdminPath(context.Request.Path))
        {
            await admin.HandleAsync(context).ConfigureAwait(false);
            return;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await TenantHttpAdapter.HandleAsync(_tenant!.Current, context, cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away, or the emulator is stopping while a time-out fault hangs: end the connection.
            context.Abort();
        }
    }

    /// <summary>An http issuer is allowed on loopback only; elsewhere a logical domain is needed.</summary>
    private static void CheckIssuerIsPossible(EmulatorOptions options)
    {
        if (options.Domain is { } domain)
        {
            try
            {
                TenantUrls.ForDomain(domain);
            }
            catch (ArgumentException e)
            {
                throw new EmulatorConfigurationException($"--domain '{domain}': {e.Message.Split(" (Parameter", 2)[0]}", e);
            }
        }
        else if (!IsLoopbackOrAny(options.Host))
        {
            throw new EmulatorConfigurationException(
                $"--host {options.Host} is not loopback, so the emulator's own http URL cannot be its issuer; add --domain <name> to issue tokens as https://<name>/.");
        }
    }

    private static bool IsLoopbackOrAny(IPAddress address) =>
        IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    /// <summary>The host of the base URL: the loopback address listened on; for "any address", the loopback of its family.</summary>
    private static string UrlHost(IPAddress address)
    {
        var reachable = address.Equals(IPAddress.Any) ? IPAddress.Loopback : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : address;
        return reachable.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{reachable}]" : reachable.ToString();
    }

    private static FakeSigningKey LoadSigningKey(string path)
    {
        try
        {
            return FakeSigningKey.FromPem(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorConfigurationException($"cannot read the signing key '{path}': {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new EmulatorConfigurationException($"--signing-key '{path}': {e.Message.Split(" (Parameter", 2)[0]}", e);
        }
    }

    private static bool IsAddressInUse(Exception e) =>
        e is AddressInUseException || e.InnerException is AddressInUseException ||
        (e as SocketException ?? e.InnerException as SocketException)?.SocketErrorCode == SocketError.AddressAlreadyInUse;
}
