using System.Net;
using Auth0ApiKit.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.AspNetCore.Tests;

/// <summary>
/// JwtBearer's key resolver gets no cancellation token: with a JWKS endpoint that hangs, a request whose kid is cached
/// never waits for the refresh, and one with an unknown kid waits at most the fetch timeout.
/// </summary>
public sealed class HangingJwksTests
{
    private static readonly JsonWebKeySetCacheOptions Defaults = new();

    [Fact]
    public async Task Requests_with_a_cached_kid_answer_at_once_while_the_jwks_endpoint_hangs()
    {
        HangingJwks? jwks = null;
        await using var scenario = await Scenario.StartAsync(TestApis.Rs256, o =>
        {
            o.SigningKeys.RefreshInterval = TimeSpan.FromMinutes(5);
            o.BackchannelHttpHandler = jwks = new HangingJwks(o.BackchannelHttpHandler!);
        });
        (await scenario.App.GetAsync("/me", scenario.Token())).StatusCode.Should().Be(HttpStatusCode.OK);
        jwks!.Hang();
        scenario.Clock.Advance(TimeSpan.FromMinutes(5));
        var token = scenario.Token();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => scenario.App.GetAsync("/me", token))).WaitAsync(Bound);

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK, "the clock did not move: no request waited for the hanging refresh");
        jwks.Hung.Should().Be(1, "one refresh is in flight, shared");
        jwks.Release();
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_request_with_an_unknown_kid_waits_at_most_the_fetch_timeout_while_the_jwks_endpoint_hangs()
    {
        HangingJwks? jwks = null;
        await using var scenario = await Scenario.StartAsync(TestApis.Rs256, o => o.BackchannelHttpHandler = jwks = new HangingJwks(o.BackchannelHttpHandler!));
        (await scenario.App.GetAsync("/me", scenario.Token())).StatusCode.Should().Be(HttpStatusCode.OK);
        jwks!.Hang(honoursCancellation: false);
        scenario.Tenant.Tokens.RotateSigningKey();
        scenario.Clock.Advance(Defaults.MinimumRefreshInterval);

        var pending = scenario.App.GetAsync("/me", scenario.Token());
        await jwks.Entered.WaitAsync(Bound);
        var advanced = TimeSpan.Zero;
        while (!pending.IsCompleted && advanced < Defaults.FetchTimeout)
        {
            scenario.Clock.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
        }

        using var response = await pending.WaitAsync(Bound);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        scenario.App.Failures.Should().ContainSingle().Which.Should().BeOfType<SecurityTokenSignatureKeyNotFoundException>();
        jwks.Release();
    }

    [Fact]
    public async Task Signing_key_options_that_cannot_work_together_stop_the_host_from_starting()
    {
        var start = () => Scenario.StartAsync(TestApis.Rs256, o =>
        {
            o.SigningKeys.MinimumRefreshInterval = TimeSpan.FromSeconds(5);
            o.SigningKeys.FetchTimeout = TimeSpan.FromSeconds(10);
        });

        (await start.Should().ThrowAsync<ArgumentOutOfRangeException>().WaitAsync(Bound))
            .WithMessage("*FetchTimeout*MinimumRefreshInterval*");
    }
}
