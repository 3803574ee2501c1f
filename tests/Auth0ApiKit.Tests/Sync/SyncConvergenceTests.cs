using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Sync;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Testing.Faults;

namespace Auth0ApiKit.Tests.Sync;

/// <summary>
/// The proof: through Auth0's rate limits, server errors and time-outs (some striking after the change was
/// made), and through cancellation at any step, plan + apply reaches exactly the desired state, doubling and losing
/// nothing. Time is a fake clock moved while the work runs.
/// </summary>
public sealed class SyncConvergenceTests
{
    private const int ApiCount = 200;
    private const int WorkerCount = 100;

    [Fact]
    public async Task Syncing_200_apis_and_400_authorizations_through_random_faults_reaches_exactly_the_desired_state()
    {
        using var harness = new SyncHarness(seed: 7, journalCapacity: 100_000, resilience: r =>
        {
            // Each attempt fails 35% of the time: a call needs up to 11 attempts to be near-certain, and its waits add up.
            r.MaxRetries = 10;
            r.MaxDelay = TimeSpan.FromSeconds(8);
            r.AttemptTimeout = TimeSpan.FromSeconds(10);
            r.TotalTimeout = TimeSpan.FromMinutes(10);
        });
        var tenant = harness.Tenant;
        var workers = Enumerable.Range(0, WorkerCount).Select(i => tenant.Applications.AddMachineToMachine($"worker-{i:D3}")).ToList();
        var desired = LargeState(workers);
        SeedDrift(tenant, desired, workers);
        tenant.Faults.Randomly(seed: 42, [
            new RandomFault(0.15, Fault.RateLimited()),
            new RandomFault(0.075, Fault.ServiceUnavailable()),
            new RandomFault(0.075, Fault.ServiceUnavailable().AfterCommit()),
            new RandomFault(0.025, Fault.Timeout()),
            new RandomFault(0.025, Fault.Timeout().AfterCommit()),
        ], path: "/api/v2/**");
        var options = new SyncOptions { Prune = true, AllowReplacement = true, MaxConcurrency = 8 };

        var rounds = await harness.ConvergeAsync(desired, options, rounds: 5);

        tenant.Faults.Clear();
        rounds[^1].IsEmpty.Should().BeTrue();
        var first = rounds[0];
        // APIs: 135 created, 30 updated, 5 replaced, 20 deleted. Authorizations: 280 created (5 of them anew on a replaced
        // API), 30 updated, 35 deleted (20 of deleted APIs, 10 strays, 5 of replaced APIs).
        (first.Count(ChangeKind.Create), first.Count(ChangeKind.Update), first.Count(ChangeKind.Replace), first.Count(ChangeKind.Delete))
            .Should().Be((135 + 280, 30 + 30, 5, 20 + 35));
        TenantState.ShouldMatch(tenant, desired);
        var struck = tenant.Journal.Entries.Where(e => e.PathAndQuery.StartsWith("/api/v2/", StringComparison.Ordinal)).GroupBy(e => e.Fault ?? "none")
            .ToDictionary(g => g.Key, g => g.Count());
        struck.Keys.Should().Contain(["429", "503", "503 after commit", "timeout", "timeout after commit"]);
        (1.0 - ((double)struck["none"] / struck.Values.Sum())).Should().BeInRange(0.25, 0.45, "about 35% of the calls are struck");
    }

    [Fact]
    public async Task Cancelling_an_apply_at_any_step_leaves_a_tenant_that_the_next_plan_and_apply_bring_to_the_desired_state()
    {
        using var harness = new SyncHarness(seed: 11);
        var workers = Enumerable.Range(0, 8).Select(i => harness.Tenant.Applications.AddMachineToMachine($"worker-{i}")).ToList();
        var random = new Random(2024);
        var options = new SyncOptions { Prune = true, AllowReplacement = true, MaxConcurrency = 3 };
        var cancelled = 0;

        for (var iteration = 0; iteration < 12; iteration++)
        {
            var desired = VariedState(random, workers);
            var plan = await harness.PlanAsync(desired, options);
            var total = plan.Changes.Count(c => c.Kind != ChangeKind.Unchanged);
            var cancelAfter = random.Next(1, total + 1);
            using var cancellation = new CancellationTokenSource();
            var progress = new Reports(p =>
            {
                if (p.Completed == cancelAfter)
                {
                    cancellation.Cancel();
                }
            });

            try
            {
                await harness.ApplyAsync(plan, progress, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                cancelled++;
            }

            await harness.ConvergeAsync(desired, options, rounds: 3);
            TenantState.ShouldMatch(harness.Tenant, desired);
        }

        cancelled.Should().BeGreaterThan(6, "most applies were cut short");
    }

    [Fact]
    public async Task Without_any_retries_failures_halfway_are_finished_by_the_next_rounds_with_nothing_doubled()
    {
        using var harness = new SyncHarness(seed: 3, resilience: r => r.MaxRetries = 0);
        var workers = Enumerable.Range(0, 10).Select(i => harness.Tenant.Applications.AddMachineToMachine($"worker-{i}")).ToList();
        var desired = VariedState(new Random(5), workers);
        harness.Tenant.Faults.Randomly(seed: 9, [
            new RandomFault(0.2, Fault.ServiceUnavailable().AfterCommit()),
            new RandomFault(0.1, Fault.ServiceUnavailable()),
        ], method: "POST", path: "/api/v2/**");

        var rounds = await harness.ConvergeAsync(desired, new SyncOptions { Prune = true }, rounds: 10);

        rounds.Should().HaveCountGreaterThan(2, "some creates failed, after commit or before, and were finished later");
        TenantState.ShouldMatch(harness.Tenant, desired);
    }

    /// <summary>200 APIs, every tenth HS256; each authorized for two workers, half by name and half by client id.</summary>
    private static DesiredState LargeState(List<FakeApplication> workers)
    {
        var apis = Enumerable.Range(0, ApiCount).Select(i =>
        {
            var api = Api.Define($"Service {i:D3}").WithIdentifier(Identifier(i))
                .TokensExpireAfter(TimeSpan.FromSeconds(3600 + (60 * (i % 10)))).WebTokensExpireAfter(TimeSpan.FromMinutes(30))
                .WithScope($"read:s{i}", $"Read service {i}").WithScope($"write:s{i}", $"Write service {i}").WithScope($"admin:s{i}");
            return api.SignedWith(i % 10 == 0 ? SigningAlgorithm.HS256 : SigningAlgorithm.RS256).Build();
        }).ToList();
        var authorizations = apis.SelectMany((api, i) => new[]
        {
            Authorization.For(api, Reference(workers[(2 * i) % WorkerCount], byName: i % 2 == 0)).WithScope($"read:s{i}").Build(),
            Authorization.For(api, Reference(workers[((2 * i) + 1) % WorkerCount], byName: i % 2 == 1)).WithScopes([$"read:s{i}", $"write:s{i}"]).Build(),
        });
        return DesiredState.Create().WithApis(apis).WithAuthorizations(authorizations).Build();
    }

    /// <summary>
    /// A tenant that drifted: APIs 0-29 with other settings and a wrong scope on their first authorization, 30-59 as
    /// desired, 60-64 with the other signing algorithm (replaced), 20 legacy APIs with an authorization each, and a stray
    /// authorization on APIs 0-9.
    /// </summary>
    private static void SeedDrift(FakeTenant tenant, DesiredState desired, List<FakeApplication> workers)
    {
        for (var i = 0; i < 65; i++)
        {
            var api = desired.Apis[i];
            tenant.Apis.Add(i switch
            {
                < 30 => Api.Define(api.Name!).WithIdentifier(api.Identifier).SignedWith(api.SigningAlgorithm!.Value)
                    .WithScope($"read:s{i}", "Old").WithScope($"write:s{i}").Build(),
                < 60 => api,
                _ => api.ToBuilder().SignedWith(api.SigningAlgorithm == SigningAlgorithm.HS256 ? SigningAlgorithm.RS256 : SigningAlgorithm.HS256).Build(),
            });
            var first = ClientId(desired.Authorizations[2 * i].Application, workers);
            tenant.Authorizations.Authorize(first, api.Identifier, i < 30 ? [$"write:s{i}"] : desired.Authorizations[2 * i].Scopes);
            if (i < 60)
            {
                tenant.Authorizations.Authorize(ClientId(desired.Authorizations[(2 * i) + 1].Application, workers), api.Identifier,
                    desired.Authorizations[(2 * i) + 1].Scopes);
            }

            if (i < 10)
            {
                tenant.Authorizations.Authorize(workers[WorkerCount - 1].ClientId, api.Identifier, []);
            }
        }

        for (var j = 0; j < 20; j++)
        {
            var legacy = tenant.Apis.Add(Api.Define($"Legacy {j}").WithIdentifier($"https://legacy-{j}.example.com").WithScope("read").Build());
            tenant.Authorizations.Authorize(workers[j].ClientId, legacy.Identifier, ["read"]);
        }
    }

    /// <summary>A random state over 12 possible APIs: some left out, lifetimes, algorithms and scopes varied, random authorizations.</summary>
    private static DesiredState VariedState(Random random, List<FakeApplication> workers)
    {
        var apis = Enumerable.Range(0, 12).Where(_ => random.NextDouble() < 0.7).Select(i =>
        {
            var builder = Api.Define($"Varied {i}").WithIdentifier($"https://varied-{i}.example.com")
                .TokensExpireAfter(TimeSpan.FromMinutes(random.Next(60, 240))).WebTokensExpireAfter(TimeSpan.FromMinutes(random.Next(10, 60)))
                .AllowOfflineAccess(random.NextDouble() < 0.5)
                .SignedWith(random.NextDouble() < 0.2 ? SigningAlgorithm.HS256 : SigningAlgorithm.RS256)
                .WithNoScopes();
            foreach (var scope in new[] { "read", "write", "admin", "audit" }.Where(_ => random.NextDouble() < 0.75))
            {
                builder.WithScope($"{scope}:v{i}", random.NextDouble() < 0.5 ? $"{scope} v{i}" : $"{scope} service {i}");
            }

            return builder.Build();
        }).ToList();
        var authorizations = apis.SelectMany(api => workers.Where(_ => random.NextDouble() < 0.3).Select(worker =>
            Authorization.For(api, ApplicationReference.ByClientId(worker.ClientId))
                .WithScopes(api.Scopes!.Select(s => s.Value).Where(_ => random.NextDouble() < 0.5)).Build()));
        return DesiredState.Create().WithApis(apis).WithAuthorizations(authorizations).Build();
    }

    private static string Identifier(int i) => $"https://service-{i:D3}.example.com";

    private static ApplicationReference Reference(FakeApplication worker, bool byName) =>
        byName ? ApplicationReference.ByName(worker.Name) : ApplicationReference.ByClientId(worker.ClientId);

    private static string ClientId(ApplicationReference reference, List<FakeApplication> workers) =>
        reference.ClientId ?? workers.Single(w => w.Name == reference.Name).ClientId;

    private sealed class Reports(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }
}
