using System.Net;
using System.Text.Json.Nodes;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Tests.Tokens;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.AspNetCore.Tests;

/// <summary>
/// The <c>permissions</c> claim means the same in ASP.NET Core (<c>RequirePermission</c>) and in
/// <see cref="AccessTokenValidationResult.HasPermission"/>: one claim reader serves both, and a string claim is never
/// parsed as an array, however much it looks like one.
/// </summary>
public sealed class PermissionsClaimTests
{
    private const string Secret = "permissions-claim-test-secret-0123456789abcdef";

    private static readonly ApiDefinition Orders = Api.Define("Orders API")
        .WithIdentifier(TestApis.Identifier)
        .SignedWith(SigningAlgorithm.HS256)
        .WithSigningSecret(new Secret(Secret))
        .EnforcePolicies()
        .WithTokenDialect(TokenDialect.AccessTokenAuthz)
        .WithScope("read:orders", "Read orders")
        .WithScope("delete:orders", "Delete orders")
        .Build();

    public static TheoryData<string, bool> Claims => new()
    {
        { """["read:orders","delete:orders"]""", true },
        { "\"[\\\"delete:orders\\\"]\"", false },
        { "\"[ \\\"delete:orders\\\" ]\"", false },
        { "\"delete:orders read:orders\"", false },
        { """[["delete:orders"]]""", false },
        { """[]""", false },
    };

    [Theory]
    [MemberData(nameof(Claims))]
    public async Task Both_hosts_read_the_permissions_claim_alike_and_never_parse_a_string_as_an_array(string permissionsJson, bool granted)
    {
        await using var scenario = await Scenario.StartAsync(Orders);
        var token = WithPermissions(scenario.Token(), permissionsJson);
        var validator = new AccessTokenValidator(scenario.Api, scenario.Tenant.Urls, signingKeys: null,
            new AccessTokenValidatorOptions { TimeProvider = scenario.Clock });

        using var response = await scenario.App.SendAsync(HttpMethod.Delete, "/orders", token);
        var result = await validator.ValidateAsync(token).WaitAsync(Bound);

        result.IsValid.Should().BeTrue(result.Message);
        result.HasPermission("delete:orders").Should().Be(granted);
        response.StatusCode.Should().Be(granted ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
    }

    private static string WithPermissions(string token, string permissionsJson)
    {
        var payload = Jwt.Payload(token);
        payload["permissions"] = JsonNode.Parse(permissionsJson);
        return Jwt.Forge(Jwt.HeaderText(token), payload.ToJsonString(), Jwt.Hs256(Secret));
    }
}
