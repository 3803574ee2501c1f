using System.Collections.Concurrent;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Sync;
using Auth0ApiKit.Testing.Faults;

namespace Auth0ApiKit.Tests.Sync;

public sealed class SyncApplyTests : IDisposable
{
    private static readonly ApiDefinition Orders = Api.Define("Orders API").WithIdentifier("https://orders.example.com")
        .TokensExpireAfter(TimeSpan.FromHours(2)).WithScope("read:orders", "Read orders").WithScope("write:orders", "Write orders").Build();

    private static readonly ApiDefinition Billing = Api.Define("Billing API").WithIdentifier("https://billing.example.com")
        .SignedWith(SigningAlgorithm.HS256).WithScope("read:billing").Build();

    private readonly SyncHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static DesiredState Desired(string workerName = "worker") => DesiredState.Create().WithApis([Orders, Billing]).WithAuthorizations([
        Authorization.For(Orders, ApplicationReference.ByName(workerName)).WithScope("read:orders").Build(),
        Authorization.For(Billing, ApplicationReference.ByName(workerName)).WithScope("read:billing").Build(),
    ]).Build();

    [Fact]
    public async Task Applying_reaches_the_desired_state_reports_each_step_and_the_next_plan_is_empty()
    {
        var worker = _harness.Tenant.Applications.AddMachineToMachine("worker");
        var plan = await _harness.PlanAsync(Desired());
        var reports = new ConcurrentQueue<SyncProgress>();

        var result = await _harness.ApplyAsync(plan, new SyncReports(reports.Enqueue));

        result.Succeeded.Should().BeTrue(result.ToString());
        result.Steps.Select(s => s.Outcome).Should().AllBeEquivalentTo(SyncStepOutcome.Applied);
        reports.Select(r => r.Completed).Should().Equal(1, 2, 3, 4);
        reports.Should().AllSatisfy(r => r.Total.Should().Be(4));
        reports.Select(r => r.Change).Should().BeEquivalentTo(plan.Changes);
        reports.Take(2).Select(r => r.Change).Should().AllBeOfType<ApiChange>("APIs come before their authorizations");
        reports.First().ToString().Should().MatchRegex(@"^\[1/4\] \+ api https://\w+\.example\.com \(create\): applied$");
        _harness.Tenant.Apis.Find(Orders.Identifier)!.Definition.TokenLifetime.Should().Be(TimeSpan.FromHours(2));
        _harness.Tenant.Authorizations.Find(worker.ClientId, Billing.Identifier)!.Scopes.Should().Equal("read:billing");
        (await _harness.PlanAsync(Desired())).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task Applying_a_plan_again_writes_nothing_and_reports_every_step_as_already_applied()
    {
        _harness.Tenant.Applications.AddMachineToMachine("worker");
        var plan = await _harness.PlanAsync(Desired());
        await _harness.ApplyAsync(plan);
        var version = _harness.Tenant.StateVersion;

        var again = await _harness.ApplyAsync(plan);

        again.Steps.Should().HaveCount(4).And.AllSatisfy(s => s.Outcome.Should().Be(SyncStepOutcome.AlreadyApplied));
        _harness.Tenant.StateVersion.Should().Be(version);
    }

    [Fact]
    public async Task A_plan_made_against_an_older_state_fails_that_change_cleanly_and_applies_the_others()
    {
        var worker = _harness.Tenant.Applications.AddMachineToMachine("worker");
        _harness.Tenant.Apis.Add(Orders.ToBuilder().TokensExpireAfter(TimeSpan.FromHours(5)).Build());
        var plan = await _harness.PlanAsync(Desired());
        var someoneElse = Orders.ToBuilder().TokensExpireAfter(TimeSpan.FromHours(9)).Build();
        await _harness.RunAsync(() => _harness.Client.Apis.UpdateAsync(someoneElse));

        var result = await _harness.ApplyAsync(plan);

        var conflict = result.Steps.Should().ContainSingle(s => s.Outcome == SyncStepOutcome.Failed).Subject;
        conflict.Change.Should().BeOfType<ApiChange>().Which.Identifier.Should().Be(Orders.Identifier);
        conflict.Error.Should().BeOfType<Auth0ConcurrentChangeException>().Which.Target.Should().Be("api https://orders.example.com");
        conflict.Message.Should().Be("failed: Not applied: ~ api https://orders.example.com (update): the API https://orders.example.com was " +
                                     "changed after the plan was made; nothing was overwritten. Make a new plan to see the tenant as it is now.");
        _harness.Tenant.Apis.Find(Orders.Identifier)!.Definition.TokenLifetime.Should().Be(TimeSpan.FromHours(9), "nothing was overwritten");
        result.Steps.Select(s => (s.Change.Target, s.Outcome)).Should().Equal(
            ("api https://orders.example.com", SyncStepOutcome.Failed),
            ("api https://billing.example.com", SyncStepOutcome.Applied),
            ($"authorization worker (client {worker.ClientId}) -> https://orders.example.com", SyncStepOutcome.Skipped),
            ($"authorization worker (client {worker.ClientId}) -> https://billing.example.com", SyncStepOutcome.Applied));
    }

    [Fact]
    public async Task An_authorization_whose_api_change_failed_is_skipped_and_the_next_round_converges()
    {
        var worker = _harness.Tenant.Applications.AddMachineToMachine("worker");
        _harness.Tenant.Faults.Script("POST", "/api/v2/resource-servers", Fault.ServerError(501));
        var plan = await _harness.PlanAsync(Desired());

        var result = await _harness.ApplyAsync(plan);

        result.Succeeded.Should().BeFalse();
        result.Count(SyncStepOutcome.Failed).Should().Be(1);
        var skipped = result.Steps.Should().ContainSingle(s => s.Outcome == SyncStepOutcome.Skipped).Subject;
        skipped.Error.Should().BeNull();
        skipped.Message.Should().StartWith("skipped: the change of its API");
        result.ToString().Should().StartWith("Sync applied 2 of 4 changes (0 already applied, 1 failed, 1 skipped).");

        var rounds = await _harness.ConvergeAsync(Desired(), new SyncOptions(), rounds: 2);
        rounds[0].Changes.Count(c => c.Kind != ChangeKind.Unchanged).Should().Be(2);
        _harness.Tenant.Authorizations.All.Count(a => a.ClientId == worker.ClientId).Should().Be(2);
    }

    [Fact]
    public async Task Replacing_an_api_moves_its_authorizations_to_the_new_one()
    {
        var worker = _harness.Tenant.Applications.AddMachineToMachine("worker");
        _harness.Tenant.Apis.Add(Orders.ToBuilder().WithIdentifier("https://orders.example.org").Build());
        _harness.Tenant.Apis.Add(Billing.ToBuilder().SignedWith(SigningAlgorithm.RS256).Build());
        _harness.Tenant.Authorizations.Authorize(worker.ClientId, "https://orders.example.org", ["read:orders"]);
        _harness.Tenant.Authorizations.Authorize(worker.ClientId, Billing.Identifier, ["read:billing"]);
        var options = new SyncOptions { AllowReplacement = true };

        var rounds = await _harness.ConvergeAsync(Desired(), options, rounds: 2);

        rounds[0].Changes.Select(c => c.ToString()).Should().Equal(
            "-/+ api https://orders.example.com (replace): it has the name of the API https://orders.example.org, whose identifier cannot change in place",
            "-/+ api https://billing.example.com (replace): the signing algorithm changes from RS256 to HS256, which cannot change in place",
            $"+ authorization worker (client {worker.ClientId}) -> https://orders.example.com (create)",
            $"+ authorization worker (client {worker.ClientId}) -> https://billing.example.com (create)",
            $"- authorization worker (client {worker.ClientId}) -> https://billing.example.com (delete)",
            $"- authorization worker (client {worker.ClientId}) -> https://orders.example.org (delete)");
        _harness.Tenant.Apis.Find("https://orders.example.org").Should().BeNull();
        _harness.Tenant.Apis.Find(Billing.Identifier)!.Definition.SigningAlgorithm.Should().Be(SigningAlgorithm.HS256);
        _harness.Tenant.Authorizations.All.Where(a => a.ClientId == worker.ClientId).Select(a => a.ApiIdentifier)
            .Should().BeEquivalentTo(Orders.Identifier, Billing.Identifier);
    }

    [Fact]
    public async Task A_replacement_that_fails_leaves_the_old_api_with_its_authorizations()
    {
        var worker = _harness.Tenant.Applications.AddMachineToMachine("worker");
        _harness.Tenant.Apis.Add(Billing.ToBuilder().SignedWith(SigningAlgorithm.RS256).Build());
        _harness.Tenant.Authorizations.Authorize(worker.ClientId, Billing.Identifier, ["read:billing"]);
        _harness.Tenant.Faults.Script("DELETE", "/api/v2/resource-servers/*", Fault.ServerError(501));
        var options = new SyncOptions { AllowReplacement = true };
        var plan = await _harness.PlanAsync(Desired(), options);

        var result = await _harness.ApplyAsync(plan);

        result.Steps.Where(s => s.Change.Target.EndsWith("billing.example.com", StringComparison.Ordinal)).Select(s => (s.Change.Kind, s.Outcome))
            .Should().Equal((ChangeKind.Replace, SyncStepOutcome.Failed), (ChangeKind.Create, SyncStepOutcome.Skipped), (ChangeKind.Delete, SyncStepOutcome.Skipped));
        result.Failures[^1].Message.Should().Be(
            "skipped: the replacement of its API https://billing.example.com did not succeed, so the API keeps this authorization.");
        _harness.Tenant.Authorizations.Find(worker.ClientId, Billing.Identifier).Should().NotBeNull("nothing is lost when a replacement fails");
        await _harness.ConvergeAsync(Desired(), options, rounds: 2);
        TenantState.ShouldMatch(_harness.Tenant, Desired());
    }

    [Fact]
    public async Task At_most_max_concurrency_changes_run_at_once()
    {
        using var harness = new SyncHarness(transport: inner => new CountingHandler(inner));
        var counter = harness.Transport<CountingHandler>();
        var apis = Enumerable.Range(0, 12).Select(i => Api.Define($"API {i}").WithIdentifier($"https://api-{i}.example.com").Build()).ToList();
        var plan = await harness.PlanAsync(DesiredState.Create().WithApis(apis).Build(), new SyncOptions { MaxConcurrency = 2 });
        counter.Reset();

        var result = await harness.ApplyAsync(plan);

        result.Succeeded.Should().BeTrue();
        counter.MaxInFlight.Should().BeInRange(1, 2);
    }

    [Fact]
    public async Task Options_out_of_range_are_refused_naming_the_property()
    {
        var act = () => _harness.Sync.PlanAsync(Desired(), new SyncOptions { MaxConcurrency = 0 }).WaitAsync(Bound);

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("SyncOptions.MaxConcurrency must be between 1 and 64; it is 0.*");
    }

    /// <summary>Reports synchronously, on the thread that reports.</summary>
    private sealed class SyncReports(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }

    /// <summary>Counts the Management API requests in flight at once.</summary>
    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _inFlight;
        private int _max;

        public int MaxInFlight => Volatile.Read(ref _max);

        public void Reset() => Volatile.Write(ref _max, 0);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var counted = request.RequestUri!.AbsolutePath.StartsWith("/api/v2/", StringComparison.Ordinal);
            if (counted)
            {
                var now = Interlocked.Increment(ref _inFlight);
                for (var max = Volatile.Read(ref _max); now > max && Interlocked.CompareExchange(ref _max, now, max) != max; max = Volatile.Read(ref _max))
                {
                }
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                if (counted)
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            }
        }
    }
}
