using System.Net;
using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Management;
using Auth0ApiKit.Testing.Faults;

namespace Auth0ApiKit.Tests.Management;

/// <summary>Retries, time-outs and unreadable answers, through the management client against the fake tenant.</summary>
public sealed class ManagementResilienceTests : IDisposable
{
    private const string Orders = "https://orders.example.com";
    private const string ResourceServers = "/api/v2/resource-servers";
    private const string ClientGrants = "/api/v2/client-grants";
    private const string Clients = "/api/v2/clients";
    private readonly ManagementScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    private static ApiDefinition OrdersApi => Api.Define("Orders API").WithIdentifier(Orders).WithScope("read:orders").Build();

    private static ApplicationDefinition Worker => Application.Define("worker", ApplicationKind.MachineToMachine).Build();

    private int ApplicationCount => _scenario.Tenant.Applications.All.Count - 1;

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_and_retried()
    {
        _scenario.Tenant.Faults.Script("GET", ResourceServers, Fault.RateLimited(TimeSpan.FromSeconds(3)));
        var start = _scenario.Time.GetUtcNow();

        var apis = await _scenario.DriveAsync(_scenario.Apis.ListPageAsync(0, 10));

        apis.Items.Should().ContainSingle().Which.IsSystem.Should().BeTrue();
        var calls = _scenario.Calls("GET", "resource-servers");
        calls.Select(c => c.Status).Should().Equal(429, 200);
        (calls[1].Timestamp - calls[0].Timestamp).Should().BeCloseTo(TimeSpan.FromSeconds(3), ManagementScenario.Step);
        (_scenario.Time.GetUtcNow() - start).Should().BeLessThan(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_429_asking_for_a_longer_wait_than_allowed_fails_at_once_with_the_time_to_retry()
    {
        _scenario.Tenant.Faults.Script("POST", ResourceServers, Fault.RateLimited(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(120)));
        var now = _scenario.Time.GetUtcNow();

        var act = () => _scenario.Apis.CreateAsync(OrdersApi).Within();

        var limited = (await act.Should().ThrowAsync<Auth0RateLimitedException>()).Which;
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.ErrorCode.Should().Be("too_many_requests");
        limited.RetryAt.Should().BeCloseTo(now.AddSeconds(120), TimeSpan.FromSeconds(1));
        limited.RateLimit!.Reset.Should().BeCloseTo(now.AddSeconds(120), TimeSpan.FromSeconds(1));
        limited.Message.Should().Contain("longer than the 60 s the SDK may wait");
        _scenario.Time.GetUtcNow().Should().Be(now, "no time passed: it did not wait");
        _scenario.Calls("POST", "resource-servers").Should().ContainSingle();
        _scenario.Tenant.Apis.Find(Orders).Should().BeNull();
    }

    [Fact]
    public async Task Cancelling_during_a_retry_wait_stops_at_once()
    {
        InterceptingHandler? transport = null;
        using var scenario = new ManagementScenario(configure: o => o.Transport = transport = new InterceptingHandler(o.Transport!));
        var throttled = new TaskCompletionSource();
        transport!.AfterResponse = (_, response) =>
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throttled.TrySetResult();
            }

            return Task.CompletedTask;
        };
        scenario.Tenant.Faults.Script("GET", ResourceServers, Fault.RateLimited(TimeSpan.FromSeconds(30)));
        using var cancellation = new CancellationTokenSource();

        var call = scenario.Apis.GetAsync(Orders, cancellation.Token);
        await throttled.Task.Within();
        call.IsCompleted.Should().BeFalse("the call waits 30 s before its retry");
        await cancellation.CancelAsync();

        await call.Invoking(c => c.Within()).Should().ThrowAsync<OperationCanceledException>();
        scenario.Time.Advance(TimeSpan.FromMinutes(1));
        scenario.Calls("GET", "resource-servers").Should().ContainSingle("no retry follows a cancellation");
    }

    public static TheoryData<string> AmbiguousFaults => new() { "503", "503 after commit", "timeout", "timeout after commit", "drop", "drop after commit" };

    private static Fault Ambiguous(string fault) => fault switch
    {
        "503" => Fault.ServiceUnavailable(),
        "503 after commit" => Fault.ServiceUnavailable().AfterCommit(),
        "timeout" => Fault.Timeout(),
        "timeout after commit" => Fault.Timeout().AfterCommit(),
        "drop" => Fault.DropConnection(),
        _ => Fault.DropConnection().AfterCommit(),
    };

    [Theory]
    [MemberData(nameof(AmbiguousFaults))]
    public async Task An_API_create_that_meets_an_ambiguous_failure_is_retried_and_makes_exactly_one_API(string fault)
    {
        _scenario.Tenant.Faults.Script("POST", ResourceServers, Ambiguous(fault));

        var created = await _scenario.DriveAsync(_scenario.Apis.CreateAsync(OrdersApi));

        created.Definition.Name.Should().Be("Orders API");
        _scenario.Tenant.Apis.All.Where(a => a.Identifier == Orders).Should().ContainSingle().Which.Should().BeEquivalentTo(created);
        var statuses = _scenario.Calls("POST", "resource-servers").Select(c => c.Status);
        statuses.Should().Equal(fault.Contains("after commit", StringComparison.Ordinal) ? [StatusOf(fault), 409] : new[] { StatusOf(fault), 201 });
    }

    [Theory]
    [MemberData(nameof(AmbiguousFaults))]
    public async Task An_authorization_that_meets_an_ambiguous_failure_is_retried_and_makes_exactly_one_grant(string fault)
    {
        _scenario.Tenant.Apis.Add(OrdersApi);
        var worker = _scenario.Tenant.Applications.AddMachineToMachine("worker");
        _scenario.Tenant.Faults.Script("POST", ClientGrants, Ambiguous(fault));

        var granted = await _scenario.DriveAsync(_scenario.Authorizations.AuthorizeAsync(worker.ClientId, Orders, ["read:orders"]));

        granted.Scopes.Should().Equal("read:orders");
        _scenario.Tenant.Authorizations.All.Where(g => g.ApiIdentifier == Orders).Should().ContainSingle().Which.Should().BeEquivalentTo(granted);
    }

    [Theory]
    [InlineData("503 after commit")]
    [InlineData("drop after commit")]
    public async Task An_application_create_that_meets_a_failure_after_commit_is_not_retried(string fault)
    {
        _scenario.Tenant.Faults.Script("POST", Clients, Ambiguous(fault));

        var act = () => _scenario.Applications.CreateAsync(Worker).Within();

        var failure = (await act.Should().ThrowAsync<Auth0Exception>()).Which;
        failure.Message.Should().Contain("not retried").And.Contain("POST");
        ApplicationCount.Should().Be(1, "the application was made once, and the create was not repeated");
        _scenario.Calls("POST", "clients").Should().ContainSingle();
    }

    [Fact]
    public async Task An_application_create_that_times_out_is_not_retried()
    {
        _scenario.Tenant.Faults.Script("POST", Clients, Fault.Timeout().AfterCommit());

        var act = () => _scenario.DriveAsync(_scenario.Applications.CreateAsync(Worker));

        var timeout = (await act.Should().ThrowAsync<Auth0TimeoutException>()).Which;
        timeout.Attempts.Should().Be(1);
        timeout.Timeout.Should().Be(TimeSpan.FromSeconds(30));
        timeout.Message.Should().Contain("POST /api/v2/clients").And.Contain("Whether Auth0 carried it out is unknown");
        ApplicationCount.Should().Be(1);
        _scenario.Calls("POST", "clients").Should().ContainSingle();
    }

    [Fact]
    public async Task An_application_create_meeting_a_429_is_retried_since_Auth0_did_nothing()
    {
        _scenario.Tenant.Faults.Script("POST", Clients, Fault.RateLimited(TimeSpan.FromSeconds(1)));

        var created = await _scenario.DriveAsync(_scenario.Applications.CreateAsync(Worker));

        created.Name.Should().Be("worker");
        ApplicationCount.Should().Be(1);
        _scenario.Calls("POST", "clients").Select(c => c.Status).Should().Equal(429, 201);
    }

    [Fact]
    public async Task An_update_meeting_a_failure_after_commit_is_retried_since_it_sends_absolute_values()
    {
        var existing = _scenario.Tenant.Apis.Add(OrdersApi);
        _scenario.Tenant.Faults.Script("PATCH", ResourceServers + "/*", Fault.ServiceUnavailable().AfterCommit());

        var updated = await _scenario.DriveAsync(_scenario.Apis.UpdateAsync(OrdersApi.ToBuilder().Named("Orders").Build()));

        updated.Definition.Name.Should().Be("Orders");
        _scenario.Calls("PATCH", $"resource-servers/{existing.Id}").Select(c => (c.Status, c.RequestBody))
            .Should().Equal((503, """{"name":"Orders"}"""), (200, """{"name":"Orders"}"""));
    }

    [Fact]
    public async Task A_tenant_rate_limit_is_waited_out_call_after_call()
    {
        _scenario.Tenant.Faults.LimitRate(2, TimeSpan.FromSeconds(4));

        var apis = await _scenario.DriveAsync(CreateSeveralAsync(5));

        apis.Should().HaveCount(5);
        _scenario.Tenant.Apis.All.Should().HaveCount(6);
        _scenario.ManagementCalls.Should().Contain(c => c.EndsWith(" 429", StringComparison.Ordinal));
        _scenario.Calls("POST", "resource-servers").Count(c => c.Status == 201).Should().Be(5);
    }

    private async Task<List<TenantApi>> CreateSeveralAsync(int count)
    {
        var created = new List<TenantApi>();
        for (var i = 0; i < count; i++)
        {
            created.Add(await _scenario.Apis.CreateAsync(Api.WithIdentifier($"urn:api:{i}").Build()).ConfigureAwait(false));
        }

        return created;
    }

    [Fact]
    public async Task Retries_that_are_used_up_surface_the_last_answer_as_a_typed_exception()
    {
        _scenario.Tenant.Faults.Script("GET", ResourceServers + "/*", Fault.ServiceUnavailable(), times: 3);

        var act = () => _scenario.DriveAsync(_scenario.Apis.GetByIdAsync("0123456789abcdef01234567"));

        var failure = (await act.Should().ThrowAsync<Auth0Exception>()).Which;
        failure.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        _scenario.Calls("GET", "resource-servers/0123456789abcdef01234567").Should().HaveCount(3);
    }

    [Fact]
    public async Task Connections_that_keep_breaking_surface_as_an_Auth0Exception_around_the_transport_failure()
    {
        _scenario.Tenant.Faults.Script("GET", ResourceServers + "/*", Fault.DropConnection(), times: 3);

        var act = () => _scenario.DriveAsync(_scenario.Apis.GetByIdAsync("0123456789abcdef01234567"));

        var failure = (await act.Should().ThrowAsync<Auth0Exception>()).Which;
        failure.StatusCode.Should().BeNull();
        failure.InnerException.Should().BeOfType<HttpRequestException>();
        failure.Message.Should().StartWith("The request to Auth0 (GET /api/v2/resource-servers/0123456789abcdef01234567) got no answer: ");
        _scenario.Calls("GET", "resource-servers/0123456789abcdef01234567").Should().HaveCount(3);
    }

    [Fact]
    public async Task An_HTML_page_from_a_proxy_becomes_an_Auth0Exception_with_the_status_and_an_excerpt()
    {
        _scenario.Tenant.Faults.Script("GET", ResourceServers + "/*", Fault.ProxyHtml(404));

        var act = () => _scenario.Apis.GetByIdAsync("0123456789abcdef01234567").Within();

        var failure = (await act.Should().ThrowAsync<Auth0Exception>()).Which;
        failure.Should().NotBeOfType<Auth0NotFoundException>("a proxy's 404 says nothing about the API");
        failure.StatusCode.Should().Be(HttpStatusCode.NotFound);
        failure.ResponseExcerpt.Should().StartWith("<html>");
        failure.Message.Should().Contain("not an Auth0 error (text/html)");
    }

    [Fact]
    public async Task A_malformed_body_becomes_an_Auth0Exception_never_a_JsonException()
    {
        _scenario.Tenant.Apis.Add(OrdersApi);
        _scenario.Tenant.Faults.Script("GET", ResourceServers, Fault.MalformedBody());

        var act = () => _scenario.Apis.GetAsync(Orders).Within();

        var failure = (await act.Should().ThrowAsync<Auth0Exception>()).Which;
        failure.StatusCode.Should().Be(HttpStatusCode.OK);
        failure.InnerException.Should().BeOfType<JsonException>();
        failure.ResponseExcerpt.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_malformed_answer_to_an_application_create_never_shows_the_secret()
    {
        _scenario.Tenant.Faults.Script("POST", Clients, Fault.MalformedBody().AfterCommit());

        var act = () => _scenario.Applications.CreateAsync(Application.Define(new string('n', 40), ApplicationKind.MachineToMachine).Build()).Within();

        var failure = (await act.Should().ThrowAsync<Auth0Exception>()).Which;
        var secret = _scenario.Tenant.Applications.All[^1].ClientSecret.Reveal();
        var everything = failure.ToString() + failure.ResponseExcerpt + _scenario.Calls("POST", "clients").Single().ResponseBody;
        everything.Should().Contain("\"client_secret\":\"***\"", "the body was cut inside the secret");
        everything.Should().NotContain(secret[..8]);
    }

    [Fact]
    public async Task A_malformed_token_answer_is_a_typed_exception()
    {
        _scenario.Tenant.Faults.Script("POST", "/oauth/token", Fault.MalformedBody());

        var act = () => _scenario.Apis.GetAsync(Orders).Within();

        (await act.Should().ThrowAsync<Auth0Exception>()).Which.InnerException.Should().BeOfType<JsonException>();
    }

    private static int StatusOf(string fault) => fault.StartsWith("503", StringComparison.Ordinal) ? 503 : 0;
}
