using System.Text;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Management;
using Auth0ApiKit.Tests.DependencyInjection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.Tests.Authentication;

public sealed class DistributedAccessTokenCacheTests
{
    private const string Key = "auth0apikit:token:https://tenant.example.com/:client:https://orders.example.com";
    private const string TokenValue = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ3b3JrZXIifQ.c2lnbmF0dXJl";

    private readonly FakeTimeProvider _time = TestClock.Fixed();
    private readonly RecordingCache _cache = new();

    private DistributedAccessTokenCacheOptions Clock => new() { TimeProvider = _time };

    [Fact]
    public async Task Gives_back_the_token_it_stored()
    {
        var cache = new DistributedAccessTokenCache(_cache, options: Clock);
        var token = Token(TimeSpan.FromHours(1));

        await cache.SetAsync(Key, token, default);
        var read = await cache.GetAsync(Key, default);

        read.Should().BeEquivalentTo(token, o => o.ComparingByMembers<AccessToken>());
        read!.Value.Reveal().Should().Be(TokenValue);
    }

    [Fact]
    public async Task Stores_an_entry_until_the_token_expires()
    {
        var cache = new DistributedAccessTokenCache(_cache, options: Clock);
        var token = Token(TimeSpan.FromHours(1));
        _time.Advance(TimeSpan.FromMinutes(10));

        await cache.SetAsync(Key, token, default);

        _cache.LastOptions!.AbsoluteExpirationRelativeToNow.Should().Be(TimeSpan.FromMinutes(50));
    }

    [Fact]
    public async Task Does_not_store_an_expired_token()
    {
        var cache = new DistributedAccessTokenCache(_cache, options: Clock);
        var token = Token(TimeSpan.FromHours(1));
        _time.Advance(TimeSpan.FromHours(1));

        await cache.SetAsync(Key, token, default);

        (await _cache.GetAsync(Key)).Should().BeNull();
    }

    [Fact]
    public async Task Without_a_protector_the_token_is_stored_readable()
    {
        var cache = new DistributedAccessTokenCache(_cache, options: Clock);

        await cache.SetAsync(Key, Token(TimeSpan.FromHours(1)), default);

        Encoding.UTF8.GetString((await _cache.GetAsync(Key))!).Should().Contain(TokenValue, "that is the documented risk of going without a protector");
    }

    [Fact]
    public async Task With_a_protector_the_token_is_stored_encrypted()
    {
        var protector = new TestProtector();
        var cache = new DistributedAccessTokenCache(_cache, protector, Clock);

        await cache.SetAsync(Key, Token(TimeSpan.FromHours(1)), default);

        var stored = (await _cache.GetAsync(Key))!;
        Encoding.UTF8.GetString(stored).Should().NotContain(TokenValue).And.NotContain("orders");
        (await cache.GetAsync(Key, default))!.Value.Reveal().Should().Be(TokenValue);
        var withOtherKeys = new DistributedAccessTokenCache(_cache, new TestProtector(), Clock);
        await withOtherKeys.Invoking(c => c.GetAsync(Key, default).AsTask()).Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task Ignores_an_entry_of_another_format_version()
    {
        var cache = new DistributedAccessTokenCache(_cache, options: Clock);
        await _cache.SetAsync(Key, Encoding.UTF8.GetBytes("""{"v":2,"token":"x","audience":"a","obtained_at":"2025-01-01T00:00:00Z","expires_at":"2025-01-01T01:00:00Z","scopes":[]}"""));

        (await cache.GetAsync(Key, default)).Should().BeNull();
    }

    [Fact]
    public async Task A_provider_whose_shared_cache_fails_fetches_instead_and_says_so_without_secrets()
    {
        var fixture = new TenantServices(_time);
        var logs = new FakeLogCollector();
        using var http = fixture.Tenant.CreateHttpClient();
        var tokens = new ClientCredentialsTokenProvider(fixture.Tenant.Urls,
            new Auth0TokenClient(fixture.Tenant.Urls, http, new Auth0TokenClientOptions { TimeProvider = _time }),
            new ClientCredentials(fixture.Application.ClientId, fixture.Application.ClientSecret),
            new AccessTokenCacheOptions
            {
                SharedCache = new DistributedAccessTokenCache(new FailingCache(), options: Clock),
                TimeProvider = _time,
                LoggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]),
            });

        var token = await tokens.GetTokenAsync(fixture.Tenant.Urls.ManagementApiAudience).AsTask().WaitAsync(Bound);

        token.Audience.Should().Be(fixture.Tenant.Urls.ManagementApiAudience);
        tokens.FetchCount.Should().Be(1);
        logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning).Select(r => r.Message).Should().Equal(
            "The shared token cache failed to read a token (InvalidOperationException); fetching instead.",
            "The shared token cache failed to store a token (InvalidOperationException); fetching instead.");
        string.Join('\n', logs.GetSnapshot().Select(r => r.Message)).Should().NotContain(token.Value.Reveal())
            .And.NotContain(fixture.Application.ClientSecret.Reveal());
    }

    [Fact]
    public async Task Two_service_providers_over_one_distributed_cache_fetch_one_token()
    {
        var fixture = new TenantServices(_time);
        var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var protector = new TestProtector();
        await using var first = WithSharedCache(fixture, shared, protector);
        await using var second = WithSharedCache(fixture, shared, protector);

        await first.GetRequiredService<IAuth0ManagementClient>().Apis.ListPageAsync(0, 10).WaitAsync(Bound);
        await second.GetRequiredService<IAuth0ManagementClient>().Apis.ListPageAsync(0, 10).WaitAsync(Bound);

        fixture.Tenant.Journal.For("POST", "/oauth/token").Should().ContainSingle();
        ((ClientCredentialsTokenProvider)second.GetRequiredService<IAccessTokenProvider>()).FetchCount.Should().Be(0);
        fixture.Tenant.Journal.For("GET", "/api/v2/resource-servers").Should().HaveCount(2).And.OnlyContain(e => e.Status == 200);
    }

    [Fact]
    public async Task Under_AddAuth0ApiKit_runs_on_the_containers_clock()
    {
        var fixture = new TenantServices(_time);
        var services = fixture.ServicesWithTenant();
        services.AddSingleton<IDistributedCache>(_cache);
        services.AddAuth0ApiKit(fixture.Configuration()).WithDistributedTokenCache();
        await using var provider = services.BuildServiceProvider();

        var token = await provider.GetRequiredService<IAccessTokenProvider>().GetTokenAsync(fixture.Tenant.Urls.ManagementApiAudience).AsTask().WaitAsync(Bound);

        _cache.LastOptions.Should().NotBeNull("on the system clock the token of {0} would look expired and never be stored", _time.GetUtcNow());
        _cache.LastOptions!.AbsoluteExpirationRelativeToNow.Should().Be(token.ExpiresAt - _time.GetUtcNow());
    }

    private static ServiceProvider WithSharedCache(TenantServices fixture, IDistributedCache cache, IAccessTokenProtector protector)
    {
        var services = fixture.ServicesWithTenant();
        services.AddSingleton(cache);
        services.AddSingleton(protector);
        services.AddAuth0ApiKit(fixture.Configuration()).WithDistributedTokenCache();
        return services.BuildServiceProvider();
    }

    private AccessToken Token(TimeSpan lifetime) =>
        new(new Secret(TokenValue), "https://orders.example.com", _time.GetUtcNow(), _time.GetUtcNow() + lifetime, ["read:orders", "write:orders"]);

    /// <summary>A reversible transform keyed per instance, standing in for Data Protection: not encryption, but the token's text is gone.</summary>
    private sealed class TestProtector : IAccessTokenProtector
    {
        private readonly byte _key = (byte)Random.Shared.Next(1, 255);

        public byte[] Protect(byte[] plaintext) => [_key, .. plaintext.Select(b => (byte)(b ^ _key))];

        public byte[] Unprotect(byte[] protectedData) =>
            protectedData is [var key, .. var rest] && key == _key
                ? [.. rest.Select(b => (byte)(b ^ _key))]
                : throw new InvalidOperationException("The entry was protected with other keys.");
    }

    /// <summary>An in-memory cache that remembers the options of the last entry stored.</summary>
    private sealed class RecordingCache : IDistributedCache
    {
        private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));

        public DistributedCacheEntryOptions? LastOptions { get; private set; }

        public byte[]? Get(string key) => _inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _inner.GetAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
        {
            LastOptions = options;
            _inner.Set(key, value, options);
        }

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            LastOptions = options;
            return _inner.SetAsync(key, value, options, token);
        }

        public void Refresh(string key) => _inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

        public void Remove(string key) => _inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);
    }

    /// <summary>A cache that is down.</summary>
    private sealed class FailingCache : IDistributedCache
    {
        public byte[]? Get(string key) => throw Down();

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => throw Down();

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw Down();

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => throw Down();

        public void Refresh(string key) => throw Down();

        public Task RefreshAsync(string key, CancellationToken token = default) => throw Down();

        public void Remove(string key) => throw Down();

        public Task RemoveAsync(string key, CancellationToken token = default) => throw Down();

        private static InvalidOperationException Down() => new("The cache is down.");
    }
}
