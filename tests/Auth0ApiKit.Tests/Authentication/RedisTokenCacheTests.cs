using Auth0ApiKit.Authentication;
using Auth0ApiKit.Management;
using Auth0ApiKit.Tests.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Auth0ApiKit.Tests.Authentication;

/// <summary>
/// The shared token cache against a real Redis on loopback. Reported as skipped, with the reason, where
/// <c>redis-server</c> is not installed; under CI (<c>CI=true</c>, where <c>.ci/run</c> installs it) it fails instead.
/// </summary>
public sealed class RedisTokenCacheTests
{
    [SkippableFact]
    public async Task Redis_shares_one_token_between_two_service_providers_and_its_loss_falls_back_to_fetching()
    {
        var executable = RedisServer.FindExecutable();
        if (executable is null && Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException("CI=true but redis-server is not on PATH: .ci/run installs Debian's redis-server so that this test runs.");
        }

        Skip.If(executable is null, "redis-server is not on PATH; install it (Debian: apt-get install redis-server) to run the Redis token cache test.");
        await using var redis = await RedisServer.StartAsync(executable!);
        var fixture = new TenantServices();
        await using var firstRedis = await ConnectAsync(redis.Port);
        await using var secondRedis = await ConnectAsync(redis.Port);
        await using var first = WithRedis(fixture, firstRedis);
        await using var second = WithRedis(fixture, secondRedis);

        await first.GetRequiredService<IAuth0ManagementClient>().Apis.ListPageAsync(0, 10).WaitAsync(Bound);
        await second.GetRequiredService<IAuth0ManagementClient>().Apis.ListPageAsync(0, 10).WaitAsync(Bound);

        fixture.Tenant.Journal.For("POST", "/oauth/token").Should().ContainSingle("the second provider found the first one's token in Redis");
        var secondTokens = (ClientCredentialsTokenProvider)second.GetRequiredService<IAccessTokenProvider>();
        secondTokens.FetchCount.Should().Be(0);

        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        secondRedis.ConnectionFailed += (_, _) => lost.TrySetResult();
        redis.Kill();
        await lost.Task.WaitAsync(Bound);
        fixture.Time.Advance(TimeSpan.FromDays(2)); // every token in memory has expired: the next call needs the cache or a fetch

        await second.GetRequiredService<IAuth0ManagementClient>().Apis.ListPageAsync(0, 10).WaitAsync(Bound);

        secondTokens.FetchCount.Should().Be(1, "Redis was gone, so the provider fetched");
        fixture.Tenant.Journal.For("POST", "/oauth/token").Should().HaveCount(2);
        fixture.Tenant.Journal.For("GET", "/api/v2/resource-servers").Should().HaveCount(3).And.OnlyContain(e => e.Status == 200);
    }

    private static async Task<ConnectionMultiplexer> ConnectAsync(int port) =>
        await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { { "127.0.0.1", port } },
            AbortOnConnectFail = true,
            BacklogPolicy = BacklogPolicy.FailFast, // a command while Redis is away fails at once instead of queueing
        }).WaitAsync(Bound);

    private static ServiceProvider WithRedis(TenantServices fixture, ConnectionMultiplexer redis)
    {
        var services = fixture.Services();
        services.AddStackExchangeRedisCache(o => o.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(redis));
        services.AddAuth0ApiKit(fixture.Configuration())
            .Configure(o => o.Transport = fixture.Tenant.CreateHandler())
            .WithDistributedTokenCache();
        return services.BuildServiceProvider();
    }
}
