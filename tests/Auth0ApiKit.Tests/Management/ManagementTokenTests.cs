using System.Net;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Management;
using Auth0ApiKit.Testing.Faults;

namespace Auth0ApiKit.Tests.Management;

/// <summary>The management token: fetched once for many callers, reused until shortly before expiry, refreshed after a refusal.</summary>
public sealed class ManagementTokenTests : IDisposable
{
    private const string Orders = "https://orders.example.com";
    private readonly ManagementScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    private ClientCredentialsTokenProvider Provider => (ClientCredentialsTokenProvider)_scenario.Client.Tokens;

    private string SystemApiId => _scenario.Tenant.Apis.System.Id;

    [Fact]
    public async Task A_thousand_concurrent_callers_share_one_token_fetch()
    {
        _scenario.Tenant.Faults.Script("POST", "/oauth/token", Fault.Slow(TimeSpan.FromSeconds(1)));
        // The clock moves only while every caller waits: on a loaded machine, callers still queued on the thread pool
        // would otherwise see it run past their time-outs.
        var results = await _scenario.RunAsync(() =>
            Task.WhenAll(Enumerable.Range(0, 1_000).Select(_ => Task.Run(() => _scenario.Apis.GetByIdAsync(SystemApiId)))));

        results.Should().HaveCount(1_000).And.OnlyContain(api => api != null && api.IsSystem);
        _scenario.TokenFetches.Should().ContainSingle();
        Provider.FetchCount.Should().Be(1);
        _scenario.Calls("GET", $"resource-servers/{SystemApiId}").Should().HaveCount(1_000).And.OnlyContain(c => c.Status == 200);
    }

    [Fact]
    public async Task A_thousand_callers_racing_with_the_end_of_a_fetch_still_share_one_token()
    {
        var calls = Enumerable.Range(0, 1_000).Select(_ => Task.Run(() => _scenario.Apis.GetByIdAsync(SystemApiId))).ToList();

        await Task.WhenAll(calls).Within();

        _scenario.TokenFetches.Should().ContainSingle();
    }

    [Fact]
    public async Task A_token_is_reused_until_the_refresh_margin_before_expiry_then_fetched_again()
    {
        await _scenario.Apis.GetByIdAsync(SystemApiId).Within();
        var first = await _scenario.Client.Tokens.GetTokenAsync(_scenario.Tenant.Urls.ManagementApiAudience).AsTask().Within();
        first.ExpiresAt.Should().Be(first.ObtainedAt.AddDays(1), "the system API's tokens live 86,400 s");

        _scenario.Time.Advance(first.ExpiresAt - _scenario.Time.GetUtcNow() - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await _scenario.Apis.GetByIdAsync(SystemApiId).Within();
        _scenario.TokenFetches.Should().ContainSingle("the token is still outside the 5 minute margin");

        _scenario.Time.Advance(TimeSpan.FromSeconds(2));
        await _scenario.Apis.GetByIdAsync(SystemApiId).Within();
        _scenario.TokenFetches.Should().HaveCount(2, "the token entered the 5 minute margin before its expiry");
        var second = await _scenario.Client.Tokens.GetTokenAsync(_scenario.Tenant.Urls.ManagementApiAudience).AsTask().Within();
        second.Value.Should().NotBe(first.Value);
        second.ObtainedAt.Should().Be(_scenario.Time.GetUtcNow());
    }

    [Fact]
    public async Task A_failed_fetch_is_not_cached()
    {
        _scenario.Tenant.Faults.Script("POST", "/oauth/token", Fault.ServiceUnavailable(), times: 3);

        var act = () => _scenario.DriveAsync(_scenario.Apis.GetByIdAsync(SystemApiId));

        (await act.Should().ThrowAsync<Auth0Exception>()).Which.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await _scenario.Apis.GetByIdAsync(SystemApiId).Within()).Should().NotBeNull();
        _scenario.TokenFetches.Select(e => e.Status).Should().Equal(503, 503, 503, 200);
        _scenario.Calls("GET", $"resource-servers/{SystemApiId}").Should().ContainSingle("no call was made without a token");
    }

    [Fact]
    public async Task A_refused_fetch_is_an_authentication_error_and_is_not_cached()
    {
        using var scenario = new ManagementScenario(configure: o => o.ClientSecret = "a-secret-that-is-wrong-for-this-app");

        var act = () => scenario.Apis.GetAsync(Orders).Within();

        var refused = (await act.Should().ThrowAsync<Auth0AuthenticationException>()).Which;
        refused.ErrorCode.Should().Be("access_denied");
        refused.ErrorDescription.Should().Be("Unauthorized");
        refused.ToString().Should().NotContain("a-secret-that-is-wrong-for-this-app");
        await act.Should().ThrowAsync<Auth0AuthenticationException>();
        scenario.TokenFetches.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_caller_that_cancels_while_waiting_for_the_shared_fetch_does_not_fail_the_others()
    {
        _scenario.Tenant.Faults.Script("POST", "/oauth/token", Fault.Slow(TimeSpan.FromSeconds(1)));
        using var cancellation = new CancellationTokenSource();
        var audience = _scenario.Tenant.Urls.ManagementApiAudience;

        var impatient = _scenario.Client.Tokens.GetTokenAsync(audience, cancellationToken: cancellation.Token).AsTask();
        var patient = _scenario.Client.Tokens.GetTokenAsync(audience).AsTask();
        await cancellation.CancelAsync();

        await impatient.Invoking(t => t.Within()).Should().ThrowAsync<OperationCanceledException>();
        (await _scenario.DriveAsync(patient)).Audience.Should().Be(audience);
        _scenario.TokenFetches.Should().ContainSingle();
    }

    [Fact]
    public async Task A_401_after_the_signing_key_is_revoked_drops_the_token_and_retries_once_with_a_fresh_one()
    {
        await _scenario.Apis.GetByIdAsync(SystemApiId).Within();
        _scenario.Tenant.Tokens.RotateSigningKey();
        _scenario.Tenant.Tokens.RevokePreviousSigningKey();

        var api = await _scenario.Apis.GetByIdAsync(SystemApiId).Within();

        api.Should().NotBeNull();
        _scenario.Calls("GET", $"resource-servers/{SystemApiId}").Select(c => c.Status).Should().Equal(200, 401, 200);
        _scenario.TokenFetches.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_401_that_persists_is_thrown_after_one_retry()
    {
        using var scenario = new ManagementScenario(configure: o => o.TokenProvider = new StaticAccessTokenProvider(new Secret("not-a-token"), new() { TimeProvider = o.TimeProvider }));

        var act = () => scenario.Apis.GetAsync(Orders).Within();

        var unauthorized = (await act.Should().ThrowAsync<Auth0UnauthorizedException>()).Which;
        unauthorized.ServiceMessage.Should().Be("Invalid token");
        scenario.Calls("GET", "resource-servers").Should().HaveCount(2);
        scenario.Calls("GET", "resource-servers").Should().OnlyContain(c => c.RequestHeaders["Authorization"] == "Bearer ***");
    }

    [Fact]
    public async Task A_403_insufficient_scope_after_the_grant_gained_the_scope_fetches_a_fresh_token_once()
    {
        using var scenario = new ManagementScenario(["read:resource_servers"]);
        await scenario.Apis.GetAsync(Orders).Within();
        var management = scenario.Tenant.Urls.ManagementApiAudience;
        scenario.Tenant.Authorizations.Revoke(scenario.Options.ClientId!, management);
        scenario.Tenant.Authorizations.Authorize(scenario.Options.ClientId!, management, ["read:resource_servers", "create:resource_servers"]);

        var created = await scenario.Apis.CreateAsync(Api.WithIdentifier(Orders).Build()).Within();

        created.Identifier.Should().Be(Orders);
        scenario.Calls("POST", "resource-servers").Select(c => c.Status).Should().Equal(403, 201);
        scenario.TokenFetches.Should().HaveCount(2);
        scenario.Calls("POST", "resource-servers").Select(c => c.RequestBody).Should().AllBe("""{"identifier":"https://orders.example.com"}""",
            "the body is sent again as it was");
    }

    [Fact]
    public async Task Basic_client_authentication_sends_the_credentials_in_the_header_only()
    {
        using var scenario = new ManagementScenario(configure: o => o.ClientAuthenticationMethod = ClientAuthenticationMethod.Basic);

        await scenario.Apis.GetAsync(Orders).Within();

        var fetch = scenario.TokenFetches.Should().ContainSingle().Subject;
        fetch.RequestHeaders["Authorization"].Should().Be("Basic ***");
        fetch.RequestBody.Should().Be("grant_type=client_credentials&audience=" + Uri.EscapeDataString(scenario.Tenant.Urls.ManagementApiAudience));
    }

    [Fact]
    public async Task A_ready_access_token_is_used_as_it_is_without_fetching()
    {
        var app = _scenario.Tenant.CreateManagementApplication(["read:resource_servers"], "ci");
        var token = _scenario.Tenant.Tokens.ForApplication(app.ClientId, _scenario.Tenant.Urls.ManagementApiAudience).Value;
        using var client = new Auth0ManagementClient(new Auth0ManagementClientOptions
        {
            Issuer = _scenario.Tenant.Urls.Issuer,
            AccessToken = token,
            Transport = _scenario.Tenant.CreateHandler(),
            TimeProvider = _scenario.Time,
        });

        (await client.Apis.GetByIdAsync(SystemApiId).Within()).Should().NotBeNull();

        _scenario.TokenFetches.Should().BeEmpty();
    }

    [Fact]
    public async Task Clients_sharing_a_token_cache_fetch_one_token_between_them()
    {
        var cache = new MemoryTokenCache();
        var options = _scenario.Tenant.CreateManagementClientOptions();
        options.TokenCache = new AccessTokenCacheOptions { SharedCache = cache };
        using var first = new Auth0ManagementClient(options);
        using var second = new Auth0ManagementClient(new Auth0ManagementClientOptions
        {
            Issuer = options.Issuer, ClientId = options.ClientId, ClientSecret = options.ClientSecret, Transport = options.Transport,
            TimeProvider = options.TimeProvider, TokenCache = options.TokenCache,
        });

        await first.Apis.GetByIdAsync(SystemApiId).Within();
        await second.Apis.GetByIdAsync(SystemApiId).Within();

        _scenario.TokenFetches.Should().ContainSingle();
        cache.Keys.Should().ContainSingle().Which.Should().Contain(options.ClientId);
    }

    [Fact]
    public async Task A_shared_cache_that_fails_only_costs_a_fetch()
    {
        using var scenario = new ManagementScenario(configure: o => o.TokenCache = new AccessTokenCacheOptions { SharedCache = new MemoryTokenCache { Broken = true } });

        (await scenario.Apis.GetByIdAsync(scenario.Tenant.Apis.System.Id).Within()).Should().NotBeNull();
        (await scenario.Apis.GetByIdAsync(scenario.Tenant.Apis.System.Id).Within()).Should().NotBeNull();

        scenario.TokenFetches.Should().ContainSingle("the process's own cache still serves");
    }

    [Fact]
    public async Task A_stale_token_is_dropped_from_the_shared_cache_too()
    {
        var cache = new MemoryTokenCache();
        using var scenario = new ManagementScenario(configure: o => o.TokenCache = new AccessTokenCacheOptions { SharedCache = cache });
        var systemId = scenario.Tenant.Apis.System.Id;
        await scenario.Apis.GetByIdAsync(systemId).Within();
        var stale = cache.Tokens.Single();
        scenario.Tenant.Tokens.RotateSigningKey();
        scenario.Tenant.Tokens.RevokePreviousSigningKey();

        await scenario.Apis.GetByIdAsync(systemId).Within();

        scenario.TokenFetches.Should().HaveCount(2);
        cache.Tokens.Should().ContainSingle().Which.Value.Should().NotBe(stale.Value);
    }

    [Fact]
    public async Task Concurrent_401s_with_the_same_stale_token_lead_to_one_fresh_fetch()
    {
        await _scenario.Apis.GetByIdAsync(SystemApiId).Within();
        _scenario.Tenant.Tokens.RotateSigningKey();
        _scenario.Tenant.Tokens.RevokePreviousSigningKey();

        var calls = Enumerable.Range(0, 50).Select(_ => Task.Run(() => _scenario.Apis.GetByIdAsync(SystemApiId))).ToList();
        await Task.WhenAll(calls).Within();

        _scenario.TokenFetches.Should().HaveCount(2, "the stale token is replaced once, and later callers get the replacement");
    }
}

/// <summary>A shared token cache in memory, that can be made to fail.</summary>
internal sealed class MemoryTokenCache : IAccessTokenCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AccessToken> _tokens = new();

    public bool Broken { get; init; }

    public IEnumerable<string> Keys => _tokens.Keys;

    public IEnumerable<AccessToken> Tokens => _tokens.Values;

    public ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken) =>
        Broken ? throw new IOException("cache down") : ValueTask.FromResult(_tokens.GetValueOrDefault(key));

    public ValueTask SetAsync(string key, AccessToken token, CancellationToken cancellationToken)
    {
        if (Broken)
        {
            throw new IOException("cache down");
        }

        _tokens[key] = token;
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        _tokens.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }
}
