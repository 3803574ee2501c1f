using System.Diagnostics;
using System.Diagnostics.Metrics;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Management;
using Auth0ApiKit.Testing.Faults;
using Auth0ApiKit.Tests.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Auth0ApiKit.Tests.DependencyInjection;

/// <summary>
/// Activities, metrics and logs of a tenant's requests. Activities are process-wide: each test keeps only those tagged
/// with its own tenant's host. Metrics come from the meter factory each test registers, so tests running at the same
/// time do not disturb each other.
/// </summary>
public sealed class DiagnosticsTests : IDisposable
{
    private static readonly ApiDefinition Orders = Api.Define("Orders API").WithIdentifier("https://orders.example.com").Build();

    private readonly TenantServices _fixture = new();
    private readonly List<Activity> _activities = [];
    private readonly ActivityListener _activityListener;
    private readonly TestMeterFactory _meters = new();

    public DiagnosticsTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Auth0ApiKit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("server.address") as string == _fixture.Host)
                {
                    lock (_activities)
                    {
                        _activities.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public async Task Traces_each_management_request_by_route_template_with_its_retries_and_each_token_fetch()
    {
        var orders = _fixture.Tenant.Apis.Add(Orders);
        _fixture.Tenant.Faults.Script("GET", "/api/v2/resource-servers/*", Fault.ServiceUnavailable());
        await using var provider = _fixture.ServicesWithTenant().BuildServiceProvider();

        await provider.GetRequiredService<IAuth0ManagementClient>().Apis.GetByIdAsync(orders.Id).WaitAsync(Bound);

        var (tokenFetch, request) = (_activities.Single(a => a.OperationName == "Auth0ApiKit.TokenFetch"),
            _activities.Single(a => a.OperationName == "Auth0ApiKit.Request"));
        request.DisplayName.Should().Be("GET /api/v2/resource-servers/{id}");
        request.Kind.Should().Be(ActivityKind.Client);
        Tags(request).Should().Contain(new Dictionary<string, object?>
        {
            ["http.request.method"] = "GET",
            ["url.template"] = "/api/v2/resource-servers/{id}",
            ["http.response.status_code"] = 200,
            ["http.request.resend_count"] = 1,
        });
        request.Status.Should().Be(ActivityStatusCode.Unset);
        tokenFetch.DisplayName.Should().Be("POST /oauth/token");
        tokenFetch.ParentId.Should().Be(request.Id, "the bearer handler fetched the token for that request");
        _activities.Should().NotContain(a => a.DisplayName.Contains(orders.Id, StringComparison.Ordinal) ||
                                              a.Tags.Any(t => t.Value != null && t.Value.Contains(orders.Id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Marks_a_failed_request_as_an_error()
    {
        _fixture.Tenant.Faults.Script("GET", "/api/v2/resource-servers", Fault.ServiceUnavailable());
        await using var provider = _fixture.ServicesWithTenant(("Resilience:Enabled", "false")).BuildServiceProvider();

        var act = () => provider.GetRequiredService<IAuth0ManagementClient>().Apis.ListPageAsync(0, 10).WaitAsync(Bound);

        await act.Should().ThrowAsync<Auth0Exception>();
        var request = _activities.Single(a => a.OperationName == "Auth0ApiKit.Request");
        request.Status.Should().Be(ActivityStatusCode.Error);
        request.GetTagItem("error.type").Should().Be("503");
        var log = provider.GetFakeLogCollector().GetSnapshot().Single(r => r.Level == LogLevel.Warning);
        log.Message.Should().Be("GET /api/v2/resource-servers to Auth0 failed with 503 after 0 ms (0 retries).");
    }

    [Fact]
    public async Task Counts_requests_and_token_fetches_by_route_template_and_outcome()
    {
        await using var provider = _fixture.ServicesWithTenant().AddSingleton<IMeterFactory>(_meters).BuildServiceProvider();
        var client = provider.GetRequiredService<IAuth0ManagementClient>();

        await client.Apis.CreateAsync(Orders).WaitAsync(Bound);
        await client.Apis.GetByIdAsync("rs_unknown").WaitAsync(Bound);

        var measurements = _meters.Measurements;
        measurements.Should().OnlyContain(m => m.Meter == "Auth0ApiKit" && Equals(m.Tags.GetValueOrDefault("server.address"), _fixture.Host));
        measurements.Where(m => m.Instrument == "auth0apikit.http.client.requests")
            .Select(m => (m.Tags["http.request.method"], m.Tags["url.template"], m.Tags["http.response.status_code"], m.Tags.GetValueOrDefault("error.type")))
            .Should().BeEquivalentTo(new (object?, object?, object?, object?)[]
            {
                ("POST", "/oauth/token", 200, null),
                ("POST", "/api/v2/resource-servers", 201, null),
                ("GET", "/api/v2/resource-servers/{id}", 404, "404"),
            });
        measurements.Where(m => m.Instrument == "auth0apikit.http.client.request.duration").Should().HaveCount(3);
        measurements.Where(m => m.Instrument == "auth0apikit.token.fetches").Should().ContainSingle()
            .Which.Tags["http.response.status_code"].Should().Be(200);
    }

    [Fact]
    public async Task A_client_made_without_a_container_logs_and_is_measured_through_its_options()
    {
        var logs = new FakeLogCollector();
        using var loggers = new LoggerFactory([new FakeLoggerProvider(logs)]);
        var options = _fixture.Tenant.CreateManagementClientOptions();
        options.LoggerFactory = loggers;
        options.MeterFactory = _meters;
        using var client = new Auth0ManagementClient(options);

        await client.Apis.CreateAsync(Orders).WaitAsync(Bound);

        logs.GetSnapshot().Select(r => (r.Id.Id, r.Message)).Should().Contain([
            (4, $"Fetching a client-credentials token for client {options.ClientId} and audience {_fixture.Tenant.Urls.ManagementApiAudience}."),
            (6, "Auth0 answered 201 to POST /api/v2/resource-servers in 0 ms (0 retries)."),
        ]);
        _meters.Measurements.Where(m => m.Instrument == "auth0apikit.http.client.requests").Select(m => m.Tags["url.template"])
            .Should().Equal("/oauth/token", "/api/v2/resource-servers");
    }

    [Fact]
    public async Task Logs_requests_by_route_template_and_never_a_secret_or_a_token()
    {
        _fixture.Tenant.Faults.Script("GET", "/api/v2/resource-servers/*", Fault.ServiceUnavailable());
        await using var provider = _fixture.ServicesWithTenant().BuildServiceProvider();
        var client = provider.GetRequiredService<IAuth0ManagementClient>();

        var orders = await client.Apis.CreateAsync(Orders).WaitAsync(Bound);
        await client.Apis.GetByIdAsync(orders.Id).WaitAsync(Bound);
        var token = await provider.GetRequiredService<IAccessTokenProvider>()
            .GetTokenAsync(_fixture.Tenant.Urls.ManagementApiAudience).AsTask().WaitAsync(Bound);

        var logs = provider.GetFakeLogCollector().GetSnapshot();
        logs.Select(r => r.Message).Should().Contain([
            $"Fetching a client-credentials token for client {_fixture.Application.ClientId} and audience {_fixture.Tenant.Urls.ManagementApiAudience}.",
            "Auth0 answered 200 to POST /oauth/token in 0 ms (0 retries).",
            "Auth0 answered 201 to POST /api/v2/resource-servers in 0 ms (0 retries).",
            "Auth0 answered 200 to GET /api/v2/resource-servers/{id} in 0 ms (1 retries).",
        ]);
        // Every log, IHttpClientFactory's included: no secret, no token. The SDK's own: no identifier from a path either.
        Text(logs).Should().NotContain(_fixture.Application.ClientSecret.Reveal()).And.NotContain(token.Value.Reveal());
        Text(logs.Where(r => r.Category!.StartsWith("Auth0ApiKit", StringComparison.Ordinal))).Should().NotContain(orders.Id).And.NotContain("Bearer");
    }

    private static string Text(IEnumerable<FakeLogRecord> logs) =>
        string.Join('\n', logs.Select(r => r.Message + " " + string.Join(' ', r.StructuredState?.Select(s => s.Value) ?? [])));

    private static Dictionary<string, object?> Tags(Activity activity) => activity.TagObjects.ToDictionary(t => t.Key, t => t.Value);
}
