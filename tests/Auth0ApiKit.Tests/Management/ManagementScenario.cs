using Auth0ApiKit.Management;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Testing.Journal;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.Tests.Management;

/// <summary>
/// A fake tenant on a fake clock and a management client that reaches it in memory, with the SDK's retries on and
/// jitter fixed. Every await is bounded.
/// </summary>
internal sealed class ManagementScenario : IDisposable
{
    /// <summary>The step the clock moves by while a call is driven: fine enough for Retry-After seconds.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    private readonly Auth0ManagementClient _client;

    /// <summary>Creates the tenant and the client.</summary>
    /// <param name="scopes">The management application's scopes; every modelled one when <see langword="null"/>.</param>
    /// <param name="configure">Adjusts the client's settings (retries, transport) before it is made.</param>
    public ManagementScenario(IEnumerable<string>? scopes = null, Action<Auth0ManagementClientOptions>? configure = null)
    {
        Tenant = TestTenant.New(o => { o.TimeProvider = Time; o.JournalCapacity = 10_000; });
        Options = Tenant.CreateManagementClientOptions(scopes);
        Options.Resilience!.Jitter = () => 0.5;
        configure?.Invoke(Options);
        _client = new Auth0ManagementClient(Options);
    }

    public FakeTimeProvider Time { get; } = TestClock.Fixed();

    public FakeTenant Tenant { get; }

    /// <summary>The settings the client was made with; <see cref="Auth0ManagementClientOptions.ClientId"/> is the management application.</summary>
    public Auth0ManagementClientOptions Options { get; }

    public Auth0ManagementClient Client => _client;

    public IApisClient Apis => _client.Apis;

    public IApplicationsClient Applications => _client.Applications;

    public IAuthorizationsClient Authorizations => _client.Authorizations;

    public IRolesClient Roles => _client.Roles;

    /// <summary>The journal's entries for a Management API path such as <c>resource-servers</c>.</summary>
    public IReadOnlyList<JournalEntry> Calls(string method, string path) => Tenant.Journal.For(method, "/api/v2/" + path);

    /// <summary>The journal's <c>POST /oauth/token</c> entries.</summary>
    public IReadOnlyList<JournalEntry> TokenFetches => Tenant.Journal.For("POST", "/oauth/token");

    /// <summary>Every Management API call in the journal, as <c>METHOD path?query status</c>, in order.</summary>
    public IReadOnlyList<string> ManagementCalls =>
        [.. Tenant.Journal.Entries.Where(e => e.PathAndQuery.StartsWith("/api/v2/", StringComparison.Ordinal))
            .Select(e => $"{e.Method} {e.PathAndQuery["/api/v2/".Length..]} {e.Status}")];

    /// <summary>Moves the clock until <paramref name="task"/> completes (bounded), then awaits it within 30 s.</summary>
    public Task<T> DriveAsync<T>(Task<T> task) => Time.DriveAsync(task, Step);

    /// <summary>Moves the clock until <paramref name="task"/> completes (bounded), then awaits it within 30 s.</summary>
    public Task DriveAsync(Task task) => Time.DriveAsync(task, Step);

    /// <summary>Runs <paramref name="work"/>, moving the clock only while every piece of it waits (see <c>TestClock.RunAsync</c>).</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work) => Time.RunAsync(work, Step);

    public void Dispose() => _client.Dispose();
}
