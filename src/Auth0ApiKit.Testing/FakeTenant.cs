using System.Globalization;
using System.Security.Cryptography;
using Auth0ApiKit.Management;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Faults;
using Auth0ApiKit.Testing.Journal;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Testing;

/// <summary>
/// An in-memory Auth0 tenant that behaves like the real one: the Management API (APIs, applications,
/// authorizations), <c>/oauth/token</c>, the JWKS and OpenID configuration, with real HS256 and RS256 tokens, and
/// no network. Make one per test: it costs microseconds. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var tenant = new FakeTenant();
/// var worker = tenant.Applications.AddMachineToMachine("billing-worker");
/// tenant.Apis.Add(orders);
/// tenant.Authorizations.Authorize(worker.ClientId, orders.Identifier, ["read:orders"]);
/// using var http = tenant.CreateHttpClient();   // talks to the tenant in memory
/// </code>
/// </example>
public sealed class FakeTenant
{
    private const string DefaultDomainSuffix = ".auth0.test";

    /// <summary>Random per process, so that tenants of different runs get different domains and ids.</summary>
    private static readonly uint ProcessSalt = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);

    private static int s_created;

    private readonly TenantStore _store;
    private readonly TenantPipeline _pipeline;
    private readonly TenantTokens _tokens;

    /// <summary>Creates a tenant with default settings: a domain of its own (no other tenant of the process has it), the system clock.</summary>
    public FakeTenant() : this(new FakeTenantOptions())
    {
    }

    /// <summary>Creates a tenant with the given settings.</summary>
    /// <exception cref="ArgumentException">The domain or issuer is not valid.</exception>
    public FakeTenant(FakeTenantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        // Numbering tenants through a bijection of 32-bit numbers gives every tenant of the process its own domain, with no
        // call into the random generator (microseconds each); the process salt makes runs differ.
        var number = unchecked((uint)Interlocked.Increment(ref s_created) * 0x9E3779B1u ^ ProcessSalt);
        Domain = options.Domain ?? "fake-" + number.ToString("x8", CultureInfo.InvariantCulture) + DefaultDomainSuffix;
        Urls = options.Issuer is { } issuer ? TenantUrls.ForIssuer(issuer) : TenantUrls.ForDomain(Domain);
        TimeProvider = options.TimeProvider;
        _store = new TenantStore(Urls, new IdGenerator(options.Seed ?? (int)(number & int.MaxValue)))
        {
            ResourceServerShape = options.ResourceServerShape,
        };
        _tokens = new TenantTokens(Urls, TimeProvider, options.SigningKey);
        Faults = new FaultInjector(TimeProvider);
        Journal = new RequestJournal(options.JournalCapacity);
        Apis = new FakeTenantApis(_store);
        Applications = new FakeTenantApplications(_store);
        Authorizations = new FakeTenantAuthorizations(_store);
        Tokens = new FakeTenantTokens(_store, _tokens);
        Roles = new FakeTenantRoles(_store);
        _pipeline = new TenantPipeline(_store, Faults, Journal, TimeProvider, new ManagementAuthenticator(_tokens, Urls, TimeProvider),
            new TokenEndpoint(_store, _tokens), new WellKnownEndpoint(Urls, _tokens));
    }

    /// <summary>The tenant's logical domain, such as <c>fake-1a2b3c4d.auth0.test</c>.</summary>
    public string Domain { get; }

    /// <summary>The tenant's issuer and well-known URLs; the issuer is <c>https://{domain}/</c> unless set otherwise.</summary>
    public TenantUrls Urls { get; }

    /// <summary>The tenant's clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The APIs, for seeding and inspecting.</summary>
    public FakeTenantApis Apis { get; }

    /// <summary>The applications, for seeding and inspecting.</summary>
    public FakeTenantApplications Applications { get; }

    /// <summary>The authorizations of applications for APIs, for seeding and inspecting.</summary>
    public FakeTenantAuthorizations Authorizations { get; }

    /// <summary>The roles and users' permissions (RBAC), for seeding and inspecting.</summary>
    public FakeTenantRoles Roles { get; }

    /// <summary>Mints tokens directly, and rotates or revokes the tenant's signing key.</summary>
    public FakeTenantTokens Tokens { get; }

    /// <summary>Scripted and random faults, and the rate limit.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Every request the tenant received and its answer, with secrets redacted.</summary>
    public RequestJournal Journal { get; }

    /// <summary>
    /// Counts every committed change to the tenant's state. A request that was refused leaves it unchanged, so a
    /// test can check that nothing was half-written.
    /// </summary>
    public long StateVersion => _store.Version;

    /// <summary>A new handler that answers from this tenant; an <see cref="HttpClient"/> over it reaches the tenant in memory.</summary>
    public FakeTenantHandler CreateHandler() => new(_pipeline);

    /// <summary>A new <see cref="HttpClient"/> whose base address is the tenant's issuer and which reaches the tenant in memory.</summary>
    public HttpClient CreateHttpClient() => new(CreateHandler()) { BaseAddress = Urls.IssuerUri };

    /// <summary>
    /// Creates a machine-to-machine application authorized for the Management API with <paramref name="scopes"/>
    /// (every scope the fake models when <see langword="null"/>): the credentials a management client needs.
    /// </summary>
    public FakeApplication CreateManagementApplication(IEnumerable<string>? scopes = null, string name = "Auth0ApiKit management")
    {
        var application = Applications.AddMachineToMachine(name);
        Authorizations.Authorize(application.ClientId, Urls.ManagementApiAudience,
            scopes ?? ManagementRoutes.Scopes.Select(s => s.Value));
        return application;
    }

    /// <summary>
    /// Settings for an <see cref="Auth0ManagementClient"/> that manages this tenant in memory: a new management
    /// application authorized with <paramref name="scopes"/> (every modelled scope when <see langword="null"/>), the
    /// tenant's handler as transport, and the tenant's clock. Adjust them (retries, time-outs) before use.
    /// </summary>
    public Auth0ManagementClientOptions CreateManagementClientOptions(IEnumerable<string>? scopes = null)
    {
        var application = CreateManagementApplication(scopes);
        return new Auth0ManagementClientOptions
        {
            Issuer = Urls.Issuer,
            ClientId = application.ClientId,
            ClientSecret = application.ClientSecret.Reveal(),
            Transport = CreateHandler(),
            TimeProvider = TimeProvider,
        };
    }

    /// <summary>A management client for this tenant, as <see cref="CreateManagementClientOptions"/> sets it up.</summary>
    public Auth0ManagementClient CreateManagementClient(IEnumerable<string>? scopes = null) => new(CreateManagementClientOptions(scopes));

    /// <summary>Answers one transport-free request: the emulator's way in.</summary>
    internal Task<FakeResponse> HandleAsync(FakeRequest request, CancellationToken cancellationToken) =>
        _pipeline.HandleAsync(request, cancellationToken);

    /// <summary>The domain and issuer.</summary>
    public override string ToString() => $"Fake Auth0 tenant {Domain} (issuer {Urls.Issuer})";
}
