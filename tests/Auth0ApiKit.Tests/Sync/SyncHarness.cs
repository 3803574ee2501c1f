using Auth0ApiKit.Management;
using Auth0ApiKit.Resilience;
using Auth0ApiKit.Sync;
using Auth0ApiKit.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.Tests.Sync;

/// <summary>
/// A fake tenant on a fake clock with a management client and a sync over it; runs work while moving the clock, so
/// that retries, rate-limit waits and time-outs pass without anyone sleeping.
/// </summary>
internal sealed class SyncHarness : IDisposable
{
    /// <summary>How far the clock moves per step while work runs: far below every time-out, so that work that is not waiting keeps up.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private readonly Auth0ManagementClient _client;
    private readonly HttpMessageHandler _transport;

    public SyncHarness(int seed = 1, Action<Auth0ResilienceOptions>? resilience = null, Func<HttpMessageHandler, HttpMessageHandler>? transport = null,
        int journalCapacity = 1_000)
    {
        Tenant = TestTenant.New(o => { o.TimeProvider = Clock; o.Seed = seed; o.Domain = "sync-test.auth0.test"; o.JournalCapacity = journalCapacity; });
        var options = Tenant.CreateManagementClientOptions();
        options.Transport = _transport = transport?.Invoke(options.Transport!) ?? options.Transport!;
        options.Resilience = new Auth0ResilienceOptions { Jitter = () => 0.5 };
        resilience?.Invoke(options.Resilience);
        _client = new Auth0ManagementClient(options);
        Sync = new Auth0Sync(_client);
    }

    public FakeTimeProvider Clock { get; } = TestClock.Fixed();

    public FakeTenant Tenant { get; }

    public IAuth0ManagementClient Client => _client;

    public Auth0Sync Sync { get; }

    /// <summary>The transport the management client sends through, as the constructor's wrapper made it.</summary>
    public T Transport<T>()
        where T : HttpMessageHandler => (T)_transport;

    public Task<SyncPlan> PlanAsync(DesiredState desired, SyncOptions? options = null) => RunAsync(() => Sync.PlanAsync(desired, options));

    public Task<SyncResult> ApplyAsync(SyncPlan plan, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(() => Sync.ApplyAsync(plan, progress, cancellationToken));

    /// <summary>Plans and applies until the plan is empty, at most <paramref name="rounds"/> times; returns each round's plan.</summary>
    public async Task<List<SyncPlan>> ConvergeAsync(DesiredState desired, SyncOptions options, int rounds)
    {
        var plans = new List<SyncPlan>();
        for (var round = 0; round < rounds; round++)
        {
            var plan = await PlanAsync(desired, options);
            plans.Add(plan);
            if (plan.IsEmpty)
            {
                return plans;
            }

            await ApplyAsync(plan);
        }

        throw new InvalidOperationException($"The plan was still not empty after {rounds} rounds:{Environment.NewLine}{plans[^1]}");
    }

    /// <summary>
    /// Starts <paramref name="work"/> and moves the clock in small steps until it completes, each step once the work
    /// has gone quiet (the sync's parallel steps run on the thread pool).
    /// </summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work) => Clock.RunAsync(work, Step, maxSteps: 200_000);

    public void Dispose()
    {
        _client.Dispose();
        _transport.Dispose();
    }
}
