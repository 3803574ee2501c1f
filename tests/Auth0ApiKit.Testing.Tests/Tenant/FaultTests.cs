using System.Net;
using Auth0ApiKit.Testing.Faults;
using Microsoft.Extensions.Time.Testing;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

public class FaultTests
{
    private readonly FakeTimeProvider _time = TestClock.Fixed();
    private readonly FakeTenant _tenant;
    private readonly HttpClient _http;

    public FaultTests()
    {
        _tenant = TestTenant.New(o => o.TimeProvider = _time);
        _http = _tenant.CreateHttpClient();
    }

    private const string CreateApi = """{"identifier":"urn:faulty"}""";

    [Fact]
    public async Task A_scripted_429_carries_Retry_After_and_rate_limit_headers_and_changes_nothing()
    {
        var token = await ManagementTokenAsync(_tenant, _http);
        _tenant.Faults.Script("POST", "/api/v2/resource-servers", Fault.RateLimited(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10)));
        var version = _tenant.StateVersion;

        var response = await _http.SendAsync(HttpMethod.Post, "api/v2/resource-servers", token, CreateApi);

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await Text(response)).Should().Be("""{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached","errorCode":"too_many_requests"}""");
        response.Headers.GetValues("Retry-After").Single().Should().Be("3");
        response.Headers.GetValues("x-ratelimit-remaining").Single().Should().Be("0");
        response.Headers.GetValues("x-ratelimit-reset").Single().Should().Be((_time.GetUtcNow().ToUnixTimeSeconds() + 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        _tenant.StateVersion.Should().Be(version);
        _tenant.Apis.Find("urn:faulty").Should().BeNull();

        (await _http.SendAsync(HttpMethod.Post, "api/v2/resource-servers", token, CreateApi)).StatusCode.Should().Be(HttpStatusCode.Created, "the script struck once");
    }

    [Fact]
    public async Task A_fault_after_commit_hides_a_change_that_was_made()
    {
        var token = await ManagementTokenAsync(_tenant, _http);
        _tenant.Faults.Script("POST", "/api/v2/resource-servers", Fault.ServiceUnavailable().AfterCommit());

        var response = await _http.SendAsync(HttpMethod.Post, "api/v2/resource-servers", token, CreateApi);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        _tenant.Apis.Find("urn:faulty").Should().NotBeNull();
        (await _http.SendAsync(HttpMethod.Post, "api/v2/resource-servers", token, CreateApi)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_dropped_connection_throws_HttpRequestException()
    {
        var token = await ManagementTokenAsync(_tenant, _http);
        _tenant.Faults.Script("*", "/api/v2/**", Fault.DropConnection().AfterCommit());

        var act = () => _http.SendAsync(HttpMethod.Post, "api/v2/resource-servers", token, CreateApi);

        await act.Should().ThrowAsync<HttpRequestException>();
        _tenant.Apis.Find("urn:faulty").Should().NotBeNull();
    }

    [Fact]
    public async Task A_timeout_waits_until_the_caller_cancels()
    {
        var token = await ManagementTokenAsync(_tenant, _http);
        _tenant.Faults.Script("GET", "/api/v2/clients", Fault.Timeout());
        using var cancellation = new CancellationTokenSource();

        var call = _http.SendAsync(Request(HttpMethod.Get, "api/v2/clients", token), cancellation.Token);
        call.IsCompleted.Should().BeFalse();
        await cancellation.CancelAsync();

        await call.Invoking(c => c.WaitAsync(Bound)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task A_slow_answer_arrives_when_the_tenants_clock_has_moved()
    {
        var token = await ManagementTokenAsync(_tenant, _http);
        _tenant.Faults.Script("GET", "/api/v2/clients", Fault.Slow(TimeSpan.FromSeconds(5)));

        var call = _http.SendAsync(Request(HttpMethod.Get, "api/v2/clients", token));
        call.IsCompleted.Should().BeFalse();
        for (var i = 0; i < 100 && !call.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        (await call.WaitAsync(Bound)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Malformed_bodies_and_proxy_html_are_served_as_scripted()
    {
        var token = await ManagementTokenAsync(_tenant, _http);
        _tenant.Faults.Script("GET", "/api/v2/clients", Fault.MalformedBody());
        _tenant.Faults.Script("GET", "/api/v2/clients", Fault.ProxyHtml(502));

        var malformed = await _http.SendAsync(HttpMethod.Get, "api/v2/clients", token);
        malformed.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await Text(malformed);
        text.Invoking(t => System.Text.Json.JsonDocument.Parse(t)).Should().Throw<System.Text.Json.JsonException>();

        var html = await _http.SendAsync(HttpMethod.Get, "api/v2/clients", token);
        html.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        html.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
    }

    [Fact]
    public async Task Random_faults_are_reproducible_from_the_seed()
    {
        async Task<List<int>> RunAsync()
        {
            var tenant = TestTenant.New(o => { o.TimeProvider = _time; o.Seed = 7; });
            using var http = tenant.CreateHttpClient();
            var token = await ManagementTokenAsync(tenant, http);
            tenant.Faults.Randomly(42, [new RandomFault(0.3, Fault.RateLimited()), new RandomFault(0.2, Fault.ServiceUnavailable())], "GET", "/api/v2/**");
            var statuses = new List<int>();
            for (var i = 0; i < 50; i++)
            {
                statuses.Add((int)(await http.SendAsync(HttpMethod.Get, "api/v2/clients", token)).StatusCode);
            }

            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        first.Should().Equal(second);
        first.Should().Contain(429).And.Contain(503).And.Contain(200);
    }

    [Fact]
    public async Task The_rate_limit_answers_429_when_the_bucket_is_empty_and_refills_with_time()
    {
        var token = await ManagementTokenAsync(_tenant, _http);
        _tenant.Faults.LimitRate(2, TimeSpan.FromSeconds(1));

        (await _http.SendAsync(HttpMethod.Get, "api/v2/clients", token)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _http.SendAsync(HttpMethod.Get, "api/v2/clients", token)).StatusCode.Should().Be(HttpStatusCode.OK);
        var limited = await _http.SendAsync(HttpMethod.Get, "api/v2/clients", token);
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.GetValues("x-ratelimit-limit").Single().Should().Be("2");
        limited.Headers.GetValues("x-ratelimit-remaining").Single().Should().Be("0");
        limited.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));

        _time.Advance(TimeSpan.FromSeconds(1));
        (await _http.SendAsync(HttpMethod.Get, "api/v2/clients", token)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_malformed_body_after_commit_keeps_the_status_of_the_real_answer()
    {
        var token = await ManagementTokenAsync(_tenant, _http);
        _tenant.Faults.Script("POST", "/api/v2/resource-servers", Fault.MalformedBody().AfterCommit());

        var response = await _http.SendAsync(HttpMethod.Post, "api/v2/resource-servers", token, CreateApi);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        _tenant.Apis.Find("urn:faulty").Should().NotBeNull();
    }
}
