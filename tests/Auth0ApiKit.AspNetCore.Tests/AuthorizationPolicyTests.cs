using System.Net;

namespace Auth0ApiKit.AspNetCore.Tests;

/// <summary>Scope and permission policies over HTTP: 403 for a valid token that lacks them, 401 without a valid token.</summary>
public sealed class AuthorizationPolicyTests
{
    [Fact]
    public async Task A_named_scope_policy_admits_a_token_granting_the_scope_and_forbids_one_without()
    {
        await using var scenario = await Scenario.StartAsync(TestApis.Rs256);

        using var granted = await scenario.App.GetAsync("/orders", scenario.Token("write:orders", "read:orders"));
        using var missing = await scenario.App.GetAsync("/orders", scenario.Token("write:orders"));
        using var anonymous = await scenario.App.GetAsync("/orders", token: null);

        granted.StatusCode.Should().Be(HttpStatusCode.OK);
        missing.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(nameof(TestApis.Rs256))]
    [InlineData(nameof(TestApis.Hs256))]
    public async Task An_endpoint_scope_convention_admits_and_forbids_by_scope(string api)
    {
        await using var scenario = await Scenario.StartAsync(TestApis.ByName(api));

        using var granted = await scenario.App.SendAsync(HttpMethod.Post, "/orders", scenario.Token("write:orders"));
        using var missing = await scenario.App.SendAsync(HttpMethod.Post, "/orders", scenario.Token("read:orders", "delete:orders"));
        using var anonymous = await scenario.App.SendAsync(HttpMethod.Post, "/orders", token: null);

        granted.StatusCode.Should().Be(HttpStatusCode.OK);
        missing.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(nameof(TestApis.Rfc9068WithPermissions))]
    [InlineData(nameof(TestApis.AccessTokenWithPermissions))]
    public async Task Permission_policies_read_the_permissions_array(string api)
    {
        await using var scenario = await Scenario.StartAsync(TestApis.ByName(api));
        var readAndDelete = scenario.Token("read:orders", "delete:orders");
        var readOnly = scenario.Token("read:orders");

        using var deleteGranted = await scenario.App.SendAsync(HttpMethod.Delete, "/orders", readAndDelete);
        using var deleteMissing = await scenario.App.SendAsync(HttpMethod.Delete, "/orders", readOnly);
        using var auditGranted = await scenario.App.GetAsync("/audit", readAndDelete);
        using var auditMissing = await scenario.App.GetAsync("/audit", readOnly);

        deleteGranted.StatusCode.Should().Be(HttpStatusCode.OK);
        deleteMissing.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        auditGranted.StatusCode.Should().Be(HttpStatusCode.OK);
        auditMissing.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the audit policy needs both permissions");
    }

    [Fact]
    public async Task A_scope_is_not_a_permission()
    {
        await using var scenario = await Scenario.StartAsync(TestApis.Rs256);

        using var response = await scenario.App.SendAsync(HttpMethod.Delete, "/orders", scenario.Token("delete:orders"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a dialect without permissions carries none, whatever the scopes");
    }
}
