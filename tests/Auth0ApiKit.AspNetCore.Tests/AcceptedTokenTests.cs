using System.Net;

namespace Auth0ApiKit.AspNetCore.Tests;

public sealed class AcceptedTokenTests
{
    [Theory]
    [InlineData(nameof(TestApis.Rs256))]
    [InlineData(nameof(TestApis.Hs256))]
    [InlineData(nameof(TestApis.Hs256ShortSecret))]
    [InlineData(nameof(TestApis.Rfc9068WithPermissions))]
    [InlineData(nameof(TestApis.AccessTokenWithPermissions))]
    public async Task A_client_credentials_token_reaches_the_endpoint_as_its_application(string api)
    {
        await using var scenario = await Scenario.StartAsync(TestApis.ByName(api));

        using var response = await scenario.App.GetAsync("/me", scenario.Token());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync().WaitAsync(Bound)).Should().Be(scenario.Worker.ClientId + "@clients");
        scenario.App.Failures.Should().BeEmpty();
    }

    [Theory]
    [InlineData(nameof(TestApis.Rs256))]
    [InlineData(nameof(TestApis.Hs256))]
    public async Task A_users_token_with_the_userinfo_audience_reaches_the_endpoint_as_the_user(string api)
    {
        await using var scenario = await Scenario.StartAsync(TestApis.ByName(api));
        var token = scenario.Tenant.Tokens.ForUser(scenario.Worker.ClientId, scenario.Api.Identifier, "auth0|ada", ["openid", "read:orders"]).AccessToken;

        using var me = await scenario.App.GetAsync("/me", token.Value);
        using var orders = await scenario.App.GetAsync("/orders", token.Value);

        me.StatusCode.Should().Be(HttpStatusCode.OK);
        (await me.Content.ReadAsStringAsync().WaitAsync(Bound)).Should().Be("auth0|ada");
        orders.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_stays_valid_until_its_expiry_plus_the_clock_skew_on_the_injected_clock()
    {
        await using var scenario = await Scenario.StartAsync(TestApis.Rs256);
        var token = scenario.Token();

        scenario.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(59));
        using var response = await scenario.App.GetAsync("/me", token);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "a minute of clock skew is allowed by default");
    }

    [Fact]
    public async Task The_previous_hs256_secret_keeps_its_tokens_valid_when_configured()
    {
        var renewed = TestApis.Hs256.ToBuilder().WithSigningSecret(new Secret(new string('n', 48))).Build();
        await using var scenario = await Scenario.StartAsync(TestApis.Hs256);
        var token = scenario.Token();
        await using var withPrevious = await ProtectedApi.StartAsync(scenario.Tenant, renewed, scenario.Clock,
            o => o.Validation.PreviousSigningSecret = TestApis.Hs256.SigningSecret);
        await using var withoutPrevious = await ProtectedApi.StartAsync(scenario.Tenant, renewed, scenario.Clock);

        using var accepted = await withPrevious.GetAsync("/me", token);
        using var refused = await withoutPrevious.GetAsync("/me", token);

        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_emulator_tenant_on_loopback_http_is_reached_for_its_keys()
    {
        await using var scenario = await Scenario.StartAsync(TestApis.Rs256, tenantOptions: o => o.Issuer = "http://127.0.0.1:5123/");

        using var response = await scenario.App.GetAsync("/me", scenario.Token());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        scenario.Tenant.Journal.Entries.Should().ContainSingle(e => e.PathAndQuery == "/.well-known/jwks.json");
    }
}
