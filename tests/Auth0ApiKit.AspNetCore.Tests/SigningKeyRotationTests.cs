using System.Net;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.AspNetCore.Tests;

/// <summary>RS256 keys come from the tenant's JWKS through the SDK's cache: by kid, refreshed on an unknown kid at most once per interval.</summary>
public sealed class SigningKeyRotationTests
{
    [Fact]
    public async Task A_token_signed_by_a_rotated_key_is_accepted_after_the_unknown_kid_refetches_the_keys()
    {
        await using var scenario = await Scenario.StartAsync(TestApis.Rs256);
        var before = scenario.Token();
        (await scenario.App.GetAsync("/me", before)).StatusCode.Should().Be(HttpStatusCode.OK);

        scenario.Tenant.Tokens.RotateSigningKey();
        scenario.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = scenario.Token();

        using var rotated = await scenario.App.GetAsync("/me", after);
        using var previous = await scenario.App.GetAsync("/me", before);

        rotated.StatusCode.Should().Be(HttpStatusCode.OK);
        previous.StatusCode.Should().Be(HttpStatusCode.OK, "Auth0 keeps publishing the previous key after a rotation");
        scenario.JwksFetches.Should().Be(2);
    }

    [Fact]
    public async Task Unknown_kids_refetch_the_keys_at_most_once_per_minimum_refresh_interval()
    {
        await using var scenario = await Scenario.StartAsync(TestApis.Rs256, o => o.SigningKeys.MinimumRefreshInterval = TimeSpan.FromSeconds(30));
        (await scenario.App.GetAsync("/me", scenario.Token())).StatusCode.Should().Be(HttpStatusCode.OK);
        scenario.Tenant.Tokens.RotateSigningKey();
        var rotated = scenario.Token();

        using var tooSoon = await scenario.App.GetAsync("/me", rotated);
        scenario.Clock.Advance(TimeSpan.FromSeconds(30));
        using var afterInterval = await scenario.App.GetAsync("/me", rotated);

        tooSoon.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        scenario.App.Failures.Should().ContainSingle().Which.Should().BeOfType<SecurityTokenSignatureKeyNotFoundException>();
        afterInterval.StatusCode.Should().Be(HttpStatusCode.OK);
        scenario.JwksFetches.Should().Be(2);
    }

    [Fact]
    public async Task Keys_are_fetched_once_for_many_requests_and_again_after_the_refresh_interval()
    {
        await using var scenario = await Scenario.StartAsync(TestApis.Rs256);
        var token = scenario.Token();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => scenario.App.GetAsync("/me", token))).WaitAsync(Bound);
        scenario.Clock.Advance(TimeSpan.FromMinutes(30));
        var fresh = scenario.Token();
        scenario.Clock.Advance(TimeSpan.FromMinutes(30));
        using var afterRefreshInterval = await scenario.App.GetAsync("/me", fresh);

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        afterRefreshInterval.StatusCode.Should().Be(HttpStatusCode.OK);
        scenario.JwksFetches.Should().Be(2);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_revoked_key_stops_working_once_the_keys_are_refreshed()
    {
        await using var scenario = await Scenario.StartAsync(TestApis.Rs256, o => o.SigningKeys.RefreshInterval = TimeSpan.FromMinutes(5));
        var old = scenario.Token();
        (await scenario.App.GetAsync("/me", old)).StatusCode.Should().Be(HttpStatusCode.OK);

        scenario.Tenant.Tokens.RotateSigningKey();
        scenario.Tenant.Tokens.RevokePreviousSigningKey();
        scenario.Clock.Advance(TimeSpan.FromMinutes(5));

        using var response = await scenario.App.GetAsync("/me", old);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        scenario.App.Failures.Should().ContainSingle().Which.Should().BeOfType<SecurityTokenSignatureKeyNotFoundException>();
    }
}
