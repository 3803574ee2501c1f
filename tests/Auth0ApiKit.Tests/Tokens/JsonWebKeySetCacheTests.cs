using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Tokens;
using static Auth0ApiKit.Tests.Tokens.ValidationTenant;

namespace Auth0ApiKit.Tests.Tokens;

public sealed class JsonWebKeySetCacheTests : IDisposable
{
    private readonly ValidationTenant _tenant = new();
    private readonly ApiDefinition _api = Rs256Api().Build();
    private readonly AccessTokenValidator _validator;

    public JsonWebKeySetCacheTests() => _validator = _tenant.Validator(_api);

    public void Dispose() => _tenant.Dispose();

    [Fact]
    public async Task Keys_are_fetched_once_and_then_served_from_the_cache()
    {
        var token = _tenant.Token(_api);

        for (var i = 0; i < 5; i++)
        {
            (await _validator.Check(token)).IsValid.Should().BeTrue();
        }

        _tenant.Jwks.Requests.Should().Equal(Urls.JwksUri);
        _tenant.Cache.KeyIds.Should().Equal("first-key");
        _tenant.Cache.LastFetchedAt.Should().Be(Start);
    }

    [Fact]
    public async Task A_key_the_tenant_stops_publishing_stops_working_after_the_refresh_interval()
    {
        var oldToken = _tenant.Token(Rs256Api().TokensExpireAfter(TimeSpan.FromDays(2)).Build());
        (await _validator.Check(oldToken)).IsValid.Should().BeTrue();
        _tenant.Keys.Rotate(TestKeys.Second);
        _tenant.Keys.Revoke();
        _tenant.Jwks.Serve(_tenant.Keys.ToJwksJson());

        _tenant.Time.Advance(TimeSpan.FromMinutes(59));
        (await _validator.Check(oldToken)).IsValid.Should().BeTrue("the cached keys are trusted for an hour");

        _tenant.Time.Advance(TimeSpan.FromMinutes(1));
        (await _validator.Check(oldToken)).Failure.Should().Be(AccessTokenValidationFailure.UnknownKeyId);
        _tenant.Jwks.Count.Should().Be(2);
    }

    [Fact]
    public async Task A_new_kid_after_a_rotation_triggers_one_fetch()
    {
        (await _validator.Check(_tenant.Token(_api))).IsValid.Should().BeTrue();
        _tenant.Keys.Rotate(TestKeys.Second);
        _tenant.Jwks.Serve(_tenant.Keys.ToJwksJson());
        _tenant.Time.Advance(TimeSpan.FromMinutes(1));

        var result = await _validator.Check(_tenant.Token(_api));

        result.IsValid.Should().BeTrue(result.Message);
        _tenant.Jwks.Count.Should().Be(2);
        _tenant.Cache.KeyIds.Should().BeEquivalentTo("second-key", "first-key");
    }

    [Fact]
    public async Task Unknown_kids_cause_at_most_one_fetch_per_minimum_interval()
    {
        (await _validator.Check(_tenant.Token(_api))).IsValid.Should().BeTrue();
        _tenant.Time.Advance(TimeSpan.FromSeconds(30));

        for (var i = 0; i < 5; i++)
        {
            (await _tenant.Cache.GetSigningKeyAsync("nope-" + i).AsTask().WaitAsync(Bound)).Should().BeNull();
        }

        _tenant.Jwks.Count.Should().Be(1, "the last fetch was 30 s ago, under the 1 minute minimum");
        _tenant.Time.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 5; i++)
        {
            (await _tenant.Cache.GetSigningKeyAsync("again-" + i).AsTask().WaitAsync(Bound)).Should().BeNull();
        }

        _tenant.Jwks.Count.Should().Be(2);
    }

    [Fact]
    public async Task Concurrent_callers_share_a_single_fetch()
    {
        var release = new TaskCompletionSource();
        _tenant.Jwks.ServeWhen(release.Task, _tenant.Keys.ToJwksJson());
        var token = _tenant.Token(_api);

        var pending = Enumerable.Range(0, 20).Select(_ => _validator.ValidateAsync(token)).ToList();
        _tenant.Jwks.Count.Should().Be(1);
        release.SetResult();
        var results = await Task.WhenAll(pending).WaitAsync(Bound);

        results.Should().OnlyContain(r => r.IsValid);
        _tenant.Jwks.Count.Should().Be(1);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_fetch_for_others()
    {
        var release = new TaskCompletionSource();
        _tenant.Jwks.ServeWhen(release.Task, _tenant.Keys.ToJwksJson());
        using var giveUp = new CancellationTokenSource();

        var impatient = _validator.ValidateAsync(_tenant.Token(_api), giveUp.Token);
        var patient = _validator.ValidateAsync(_tenant.Token(_api));
        await giveUp.CancelAsync();
        release.SetResult();

        await FluentActions.Awaiting(() => impatient.WaitAsync(Bound)).Should().ThrowAsync<OperationCanceledException>();
        (await patient.WaitAsync(Bound)).IsValid.Should().BeTrue();
        _tenant.Jwks.Count.Should().Be(1);
    }

    [Fact]
    public async Task An_endpoint_that_is_down_is_a_clear_failure()
    {
        _tenant.Jwks.ServeStatus(HttpStatusCode.ServiceUnavailable);

        var result = await _validator.Check(_tenant.Token(_api));

        result.Failure.Should().Be(AccessTokenValidationFailure.SigningKeysUnavailable);
        result.Message.Should().Contain(Urls.JwksUri.AbsoluteUri).And.Contain("503");
        _tenant.Cache.LastFailure.Should().Contain("503");
        _tenant.CacheLogs.LatestRecord.Message.Should().Contain("503");
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_clear_failure()
    {
        _tenant.Jwks.Fail();

        var result = await _validator.Check(_tenant.Token(_api));

        result.Failure.Should().Be(AccessTokenValidationFailure.SigningKeysUnavailable);
        result.Message.Should().Contain("the request failed");
    }

    [Fact]
    public async Task A_slow_endpoint_times_out_on_the_injected_clock()
    {
        _tenant.Jwks.Hang();

        var pending = _validator.ValidateAsync(_tenant.Token(_api));
        pending.IsCompleted.Should().BeFalse();
        _tenant.Time.Advance(TimeSpan.FromSeconds(10));
        var result = await pending.WaitAsync(Bound);

        result.Failure.Should().Be(AccessTokenValidationFailure.SigningKeysUnavailable);
        result.Message.Should().Contain("no answer within 10 s");
    }

    [Fact]
    public async Task A_huge_key_set_is_refused_by_its_declared_length()
    {
        _tenant.Jwks.ServeBody(new StringContent(new string(' ', 2 * 1024 * 1024)));

        var result = await _validator.Check(_tenant.Token(_api));

        result.Failure.Should().Be(AccessTokenValidationFailure.SigningKeysUnavailable);
        result.Message.Should().Contain("larger than 65536 bytes");
    }

    [Fact]
    public async Task A_huge_key_set_without_a_declared_length_is_cut_off_at_the_cap()
    {
        var body = new ForwardOnlyStream(Encoding.UTF8.GetBytes("{\"keys\":[" + new string(' ', 200_000) + "]}"));
        _tenant.Jwks.ServeBody(new StreamContent(body));

        var result = await _validator.Check(_tenant.Token(_api));

        result.Message.Should().Contain("larger than 65536 bytes");
        body.BytesRead.Should().BeLessThan(100_000);
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"keys\":\"none\"}", "no 'keys' array")]
    [InlineData("{\"issuer\":\"x\"}", "no 'keys' array")]
    [InlineData("{\"keys\":[]}", "no RSA signing key")]
    [InlineData("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k\",\"n\":\"%%%\",\"e\":\"AQAB\"}]}", "no RSA signing key")]
    public async Task A_body_that_is_not_a_key_set_is_a_clear_failure(string body, string reason)
    {
        _tenant.Jwks.Serve(body);

        var result = await _validator.Check(_tenant.Token(_api));

        result.Failure.Should().Be(AccessTokenValidationFailure.SigningKeysUnavailable);
        result.Message.Should().Contain(reason);
    }

    [Fact]
    public async Task Cached_keys_stay_in_use_while_the_endpoint_fails()
    {
        var token = _tenant.Token(Rs256Api().TokensExpireAfter(TimeSpan.FromDays(2)).Build());
        (await _validator.Check(token)).IsValid.Should().BeTrue();
        _tenant.Jwks.Serve("garbage");

        _tenant.Time.Advance(TimeSpan.FromHours(2));
        var afterGarbage = await _validator.Check(token);
        _tenant.Jwks.ServeStatus(HttpStatusCode.InternalServerError);
        _tenant.Time.Advance(TimeSpan.FromSeconds(30));
        var throttled = await _validator.Check(token);
        _tenant.Time.Advance(TimeSpan.FromMinutes(1));
        var afterDown = await _validator.Check(token);

        afterGarbage.IsValid.Should().BeTrue();
        throttled.IsValid.Should().BeTrue();
        afterDown.IsValid.Should().BeTrue();
        _tenant.Jwks.Count.Should().Be(3, "a failing endpoint is retried at most once per minimum interval");
        _tenant.Cache.LastFailure.Should().Contain("500");
        _tenant.Cache.LastFetchedAt.Should().Be(Start);
    }

    [Fact]
    public async Task Only_rsa_signing_keys_of_at_least_2048_bits_with_a_kid_are_taken()
    {
        var second = JsonNode.Parse(TestKeys.Second.ToPublicJwkJson())!.AsObject();
        JsonObject Variant(string kid, Action<JsonObject> change)
        {
            var copy = second.DeepClone().AsObject();
            copy["kid"] = kid;
            change(copy);
            return copy;
        }

        using var small = System.Security.Cryptography.RSA.Create(1024);
        var smallN = System.Buffers.Text.Base64Url.EncodeToString(small.ExportParameters(false).Modulus);
        var keys = new JsonArray(
            JsonNode.Parse(TestKeys.First.ToPublicJwkJson()),
            Variant("enc-key", k => k["use"] = "enc"),
            Variant("rs512-key", k => k["alg"] = "RS512"),
            Variant("small-key", k => k["n"] = smallN),
            Variant("", _ => { }),
            Variant("first-key", _ => { }),
            new JsonObject { ["kty"] = "EC", ["kid"] = "ec-key", ["crv"] = "P-256", ["x"] = "AA", ["y"] = "AA" },
            42);
        _tenant.Jwks.Serve(new JsonObject { ["keys"] = keys }.ToJsonString());

        (await _validator.Check(_tenant.Token(_api))).IsValid.Should().BeTrue();
        _tenant.Cache.KeyIds.Should().Equal("first-key");
        _tenant.CacheLogs.LatestRecord.Message.Should().Contain("1 RS256 keys, 7 other entries ignored");
        using var rsa = TestKeys.RsaOf(TestKeys.Second);
        var forged = Jwt.Forge("""{"alg":"RS256","typ":"JWT","kid":"enc-key"}""", Jwt.PayloadText(_tenant.Token(_api)), Jwt.Rs256(rsa));
        (await _validator.Check(forged)).Failure.Should().Be(AccessTokenValidationFailure.UnknownKeyId);
    }

    [Fact]
    public void Options_out_of_range_are_refused_by_name()
    {
        using var client = new HttpClient(_tenant.Jwks);
        JsonWebKeySetCache Make(JsonWebKeySetCacheOptions options) => new(client, Urls.JwksUri, options);

        FluentActions.Invoking(() => Make(new() { RefreshInterval = TimeSpan.Zero })).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*RefreshInterval*");
        FluentActions.Invoking(() => Make(new() { MinimumRefreshInterval = TimeSpan.FromHours(2) })).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MinimumRefreshInterval*");
        FluentActions.Invoking(() => Make(new() { FetchTimeout = TimeSpan.Zero })).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*FetchTimeout*");
        FluentActions.Invoking(() => Make(new() { MaximumResponseSize = 10 })).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MaximumResponseSize*");
        FluentActions.Invoking(() => new JsonWebKeySetCache(client, new Uri("file:///etc/jwks.json"))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new JsonWebKeySetCache(client, new Uri("http://dev-abc.us.auth0.com/.well-known/jwks.json"))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new JsonWebKeySetCache(client, new Uri("http://127.0.0.1:5123/.well-known/jwks.json"))).Should().NotThrow();
    }

    [Theory]
    [InlineData(60, 60, 3600, "FetchTimeout (00:01:00) must be shorter than JsonWebKeySetCacheOptions.MinimumRefreshInterval (00:01:00)*")]
    [InlineData(120, 60, 3600, "FetchTimeout (00:02:00) must be shorter than JsonWebKeySetCacheOptions.MinimumRefreshInterval (00:01:00)*")]
    [InlineData(10, 7200, 3600, "MinimumRefreshInterval (02:00:00) must not be longer than JsonWebKeySetCacheOptions.RefreshInterval (01:00:00)*")]
    public void Options_that_cannot_work_together_are_refused_naming_both(int fetchTimeout, int minimumRefreshInterval, int refreshInterval, string rule)
    {
        using var client = new HttpClient(_tenant.Jwks);
        var options = new JsonWebKeySetCacheOptions
        {
            FetchTimeout = TimeSpan.FromSeconds(fetchTimeout),
            MinimumRefreshInterval = TimeSpan.FromSeconds(minimumRefreshInterval),
            RefreshInterval = TimeSpan.FromSeconds(refreshInterval),
        };

        FluentActions.Invoking(() => new JsonWebKeySetCache(client, Urls.JwksUri, options)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("JsonWebKeySetCacheOptions." + rule);
    }

    /// <summary>A body stream that cannot seek, so that its length is unknown, and that counts what was read.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public long BytesRead { get; private set; }

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Count(base.Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
