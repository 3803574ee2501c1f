using System.Net;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Tokens;
using static Auth0ApiKit.Tests.Tokens.ValidationTenant;

namespace Auth0ApiKit.Tests.Tokens;

/// <summary>
/// Stale keys and a JWKS endpoint that hangs: a cached kid never waits for the refresh, an unknown kid waits at most
/// the fetch timeout, and a failed fetch holds the next one back for the minimum interval counted from its end.
/// </summary>
public sealed class JsonWebKeySetCacheStaleKeyTests : IDisposable
{
    private static readonly JsonWebKeySetCacheOptions Defaults = new();
    private readonly ValidationTenant _tenant = new();
    private readonly ApiDefinition _api = Rs256Api().TokensExpireAfter(TimeSpan.FromDays(2)).Build();
    private readonly AccessTokenValidator _validator;
    private readonly string _token;

    public JsonWebKeySetCacheStaleKeyTests()
    {
        _validator = _tenant.Validator(_api);
        _token = _tenant.Token(_api);
    }

    public void Dispose() => _tenant.Dispose();

    [Fact]
    public async Task A_cached_kid_validates_from_stale_keys_at_once_while_one_hanging_refresh_runs()
    {
        await CacheKeysThenLetThemGoStale();
        var release = new TaskCompletionSource();
        _tenant.Jwks.ServeWhen(release.Task, _tenant.Keys.ToJwksJson());

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => _validator.ValidateAsync(_token))).WaitAsync(Bound);

        results.Should().OnlyContain(r => r.IsValid, "the clock did not move: none of them waited for the hanging refresh");
        _tenant.Jwks.Count.Should().Be(2, "exactly one refresh is in flight, shared by all");
        _tenant.Cache.LastFetchedAt.Should().Be(Start, "the stale keys serve until a refresh succeeds");

        release.SetResult();
        (await _tenant.Cache.GetSigningKeyAsync("rotated-key").AsTask().WaitAsync(Bound)).Should().BeNull();
        _tenant.Cache.LastFetchedAt.Should().Be(Start + Defaults.RefreshInterval);
        _tenant.Jwks.Count.Should().Be(2);
    }

    [Fact]
    public async Task An_unknown_kid_waits_at_most_the_rest_of_the_fetch_timeout_of_a_hanging_refresh()
    {
        await CacheKeysThenLetThemGoStale();
        _tenant.Jwks.Hang();
        var cached = _validator.ValidateAsync(_token);
        _tenant.Time.Advance(TimeSpan.FromSeconds(4));

        var unknown = _tenant.Cache.GetSigningKeyAsync("rotated-key").AsTask();
        await AdvanceUntilDone(unknown, Defaults.FetchTimeout - TimeSpan.FromSeconds(4));

        (await unknown).Should().BeNull();
        (await cached.WaitAsync(Bound)).IsValid.Should().BeTrue();
        _tenant.Cache.LastFailure.Should().Contain("no answer within 10 s");
        _tenant.Jwks.Count.Should().Be(2);
    }

    [Fact]
    public async Task An_unknown_kid_waits_at_most_the_fetch_timeout_even_when_the_body_ignores_cancellation()
    {
        await CacheKeysThenLetThemGoStale();
        using var body = new StalledStream(honoursCancellation: false);
        _tenant.Jwks.ServeBody(new StreamContent(body));

        var unknown = _tenant.Cache.GetSigningKeyAsync("rotated-key").AsTask();
        await AdvanceUntilDone(unknown, Defaults.FetchTimeout);

        (await unknown).Should().BeNull();
        _tenant.Cache.LastFailure.Should().Contain("no answer within 10 s");
        (await _validator.Check(_token)).IsValid.Should().BeTrue("the stale keys still serve");
    }

    [Fact]
    public async Task After_a_failed_fetch_the_next_starts_no_earlier_than_the_minimum_interval_after_it_ended()
    {
        await CacheKeysThenLetThemGoStale();
        _tenant.Jwks.Hang();
        var first = _tenant.Cache.GetSigningKeyAsync("rotated-key").AsTask();
        await AdvanceUntilDone(first, Defaults.FetchTimeout);

        _tenant.Time.Advance(Defaults.MinimumRefreshInterval - Defaults.FetchTimeout);
        var tooSoon = _tenant.Cache.GetSigningKeyAsync("rotated-key").AsTask();
        var cachedTooSoon = _validator.ValidateAsync(_token);
        var fetchesTooSoon = _tenant.Jwks.Count;
        _tenant.Time.Advance(Defaults.FetchTimeout);
        var next = _tenant.Cache.GetSigningKeyAsync("rotated-key").AsTask();
        var fetchesAfterInterval = _tenant.Jwks.Count;
        await AdvanceUntilDone(next, Defaults.FetchTimeout);

        fetchesTooSoon.Should().Be(2, "a minute after the failed fetch started is only 50 s after it ended");
        (await tooSoon.WaitAsync(Bound)).Should().BeNull();
        (await cachedTooSoon.WaitAsync(Bound)).IsValid.Should().BeTrue();
        fetchesAfterInterval.Should().Be(3);
        (await next).Should().BeNull();
    }

    [Fact]
    public async Task Stale_keys_keep_serving_for_as_long_as_refreshes_fail()
    {
        await CacheKeysThenLetThemGoStale();
        _tenant.Jwks.ServeStatus(HttpStatusCode.ServiceUnavailable);

        _tenant.Time.Advance(TimeSpan.FromDays(30));
        var afterAMonth = await _validator.Check(_tenant.Token(_api));
        var fetchesAfterAMonth = _tenant.Jwks.Count;
        _tenant.Time.Advance(Defaults.MinimumRefreshInterval);
        var aMinuteLater = await _validator.Check(_tenant.Token(_api));

        afterAMonth.IsValid.Should().BeTrue("a key is dropped only by a key set fetched without it");
        aMinuteLater.IsValid.Should().BeTrue();
        fetchesAfterAMonth.Should().Be(2, "the stale keys start one refresh, which fails");
        _tenant.Jwks.Count.Should().Be(3);
        _tenant.Cache.LastFetchedAt.Should().Be(Start);
        _tenant.Cache.LastFailure.Should().Contain("503");
    }

    /// <summary>Validates once (the first fetch), then moves the clock to the end of the refresh interval.</summary>
    private async Task CacheKeysThenLetThemGoStale()
    {
        (await _validator.Check(_token)).IsValid.Should().BeTrue();
        _tenant.Time.Advance(Defaults.RefreshInterval);
    }

    /// <summary>
    /// Drives the clock a second at a time while <paramref name="pending"/> runs, for at most <paramref name="limit"/>
    /// in all; then <paramref name="pending"/> must end without the clock moving further.
    /// </summary>
    private Task<T> AdvanceUntilDone<T>(Task<T> pending, TimeSpan limit) =>
        _tenant.Time.DriveAsync(pending, TimeSpan.FromSeconds(1), maxSteps: (int)limit.TotalSeconds);
}
