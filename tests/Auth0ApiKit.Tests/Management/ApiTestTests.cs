using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Testing;

namespace Auth0ApiKit.Tests.Management;

/// <summary>The dashboard's "Test" tab: a client-credentials token for the API, validated as the API would.</summary>
public sealed class ApiTestTests : IDisposable
{
    private const string Orders = "https://orders.example.com";
    private readonly ManagementScenario _scenario = new();
    private readonly FakeApplication _worker;

    public ApiTestTests() => _worker = _scenario.Tenant.Applications.AddMachineToMachine("billing-worker");

    public void Dispose() => _scenario.Dispose();

    [Theory]
    [InlineData("RS256")]
    [InlineData("HS256")]
    public async Task An_authorized_application_passes_and_the_report_reads_well_without_the_token(string algorithm)
    {
        _scenario.Tenant.Apis.Add(Api.Define("Orders API").WithIdentifier(Orders).SignedWith(new SigningAlgorithm(algorithm))
            .TokensExpireAfter(TimeSpan.FromHours(2)).WithScope("read:orders").WithScope("write:orders").WithScope("delete:orders").Build());
        _scenario.Tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders", "write:orders"]);

        var report = await _scenario.Apis.TestAsync(Orders, _worker.ClientId, _worker.ClientSecret).Within();

        report.Passed.Should().BeTrue(report.ToString());
        report.Refusal.Should().BeNull();
        report.ValidationFailure.Should().BeNull();
        report.Scopes.Should().Equal("read:orders", "write:orders");
        report.ExpiresAt.Should().Be(report.Token!.ObtainedAt.AddHours(2));
        report.Claims["aud"].Should().Be(Orders);
        report.Claims["azp"].Should().Be(_worker.ClientId);
        report.Claims["gty"].Should().Be("client-credentials");
        var text = report.ToString();
        text.Should().StartWith($"Test of {Orders} with client {_worker.ClientId}: PASSED")
            .And.Contain("scopes:  read:orders write:orders")
            .And.Contain($"sub: {_worker.ClientId}@clients")
            .And.NotContain(report.Token.Value.Reveal()).And.NotContain("eyJ")
            .And.NotContain(_worker.ClientSecret.Reveal());
        _scenario.TokenFetches.Should().HaveCount(2, "one management token, one token for the API");
        _scenario.TokenFetches[1].RequestBody.Should().Contain("client_secret=***");
    }

    [Theory]
    [InlineData("access_token_authz")]
    [InlineData("rfc9068_profile")]
    [InlineData("rfc9068_profile_authz")]
    public async Task Every_token_dialect_passes(string dialect)
    {
        _scenario.Tenant.Apis.Add(Api.WithIdentifier(Orders).WithTokenDialect(new TokenDialect(dialect)).WithScope("read:orders").Build());
        _scenario.Tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders"]);

        var report = await _scenario.Apis.TestAsync(Orders, _worker.ClientId, _worker.ClientSecret).Within();

        report.Passed.Should().BeTrue(report.ToString());
        report.Scopes.Should().Equal("read:orders");
    }

    [Fact]
    public async Task An_authorization_without_scopes_passes_with_no_scopes()
    {
        _scenario.Tenant.Apis.Add(Api.WithIdentifier(Orders).WithScope("read:orders").Build());
        _scenario.Tenant.Authorizations.Authorize(_worker.ClientId, Orders, []);

        var report = await _scenario.Apis.TestAsync(Orders, _worker.ClientId, _worker.ClientSecret).Within();

        report.Passed.Should().BeTrue(report.ToString());
        report.Scopes.Should().BeEmpty();
        report.Claims.Should().NotContainKey("scope");
    }

    [Fact]
    public async Task An_RS256_test_still_passes_after_the_tenant_rotates_its_signing_key()
    {
        _scenario.Tenant.Apis.Add(Api.WithIdentifier(Orders).WithScope("read:orders").Build());
        _scenario.Tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders"]);
        (await _scenario.Apis.TestAsync(Orders, _worker.ClientId, _worker.ClientSecret).Within()).Passed.Should().BeTrue();

        _scenario.Tenant.Tokens.RotateSigningKey();
        _scenario.Tenant.Tokens.RevokePreviousSigningKey();
        _scenario.Time.Advance(TimeSpan.FromMinutes(1)); // the key set is fetched again for an unknown kid at most once a minute
        var report = await _scenario.Apis.TestAsync(Orders, _worker.ClientId, _worker.ClientSecret).Within();

        report.Passed.Should().BeTrue(report.ToString());
        report.Claims.Should().ContainKey("sub");
    }

    [Fact]
    public async Task An_HS256_test_uses_the_secret_read_from_the_tenant_and_never_shows_it()
    {
        var api = _scenario.Tenant.Apis.Add(Api.WithIdentifier(Orders).SignedWith(SigningAlgorithm.HS256).WithScope("read:orders").Build());
        _scenario.Tenant.Authorizations.Authorize(_worker.ClientId, Orders, ["read:orders"]);

        var report = await _scenario.Apis.TestAsync(Orders, _worker.ClientId, _worker.ClientSecret).Within();

        report.Passed.Should().BeTrue(report.ToString());
        report.ToString().Should().NotContain(api.Definition.SigningSecret!.Reveal());
    }

    [Fact]
    public async Task An_application_that_is_not_authorized_gets_a_report_with_Auth0_refusal()
    {
        _scenario.Tenant.Apis.Add(Api.WithIdentifier(Orders).WithScope("read:orders").Build());

        var report = await _scenario.Apis.TestAsync(Orders, _worker.ClientId, _worker.ClientSecret).Within();

        report.Passed.Should().BeFalse();
        report.Token.Should().BeNull();
        report.Scopes.Should().BeEmpty();
        report.Refusal.Should().Contain($"Client \"{_worker.ClientId}\" is not authorized to access resource server \"{Orders}\"");
        report.ToString().Should().StartWith($"Test of {Orders} with client {_worker.ClientId}: FAILED, no token: Auth0 answered 403 Forbidden (access_denied)");
    }

    [Fact]
    public async Task An_application_without_client_credentials_gets_a_report_saying_so()
    {
        _scenario.Tenant.Apis.Add(Api.WithIdentifier(Orders).WithScope("read:orders").Build());
        var portal = _scenario.Tenant.Applications.Add(Application.Define("portal", ApplicationKind.RegularWeb).WithGrantTypes([GrantType.AuthorizationCode]).Build());
        _scenario.Tenant.Authorizations.Authorize(portal.ClientId, Orders, ["read:orders"]);

        var report = await _scenario.Apis.TestAsync(Orders, portal.ClientId, portal.ClientSecret).Within();

        report.Passed.Should().BeFalse();
        report.Refusal.Should().Contain("(unauthorized_client): Grant type 'client_credentials' not allowed for the client.");
    }

    [Fact]
    public async Task A_wrong_secret_gets_a_report_of_Auth0_refusal_without_the_secret()
    {
        _scenario.Tenant.Apis.Add(Api.WithIdentifier(Orders).Build());
        var wrong = new Secret("not-the-secret-of-this-application");

        var report = await _scenario.Apis.TestAsync(Orders, _worker.ClientId, wrong).Within();

        report.Refusal.Should().Be("Auth0 answered 401 Unauthorized (access_denied): Unauthorized.");
        report.ToString().Should().NotContain(wrong.Reveal());
    }

    [Fact]
    public async Task A_test_of_an_unknown_API_is_not_found()
    {
        var act = () => _scenario.Apis.TestAsync("urn:nowhere", _worker.ClientId, _worker.ClientSecret).Within();

        await act.Should().ThrowAsync<Auth0NotFoundException>();
        _scenario.TokenFetches.Should().ContainSingle("only the management token was fetched");
    }
}
