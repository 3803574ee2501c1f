using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Tests.Tokens;

public class TenantUrlsTests
{
    [Fact]
    public void A_domain_gives_the_issuer_and_its_well_known_urls()
    {
        var tenant = TenantUrls.ForDomain("Dev-Abc.us.auth0.com");

        tenant.Issuer.Should().Be("https://dev-abc.us.auth0.com/");
        tenant.JwksUri.Should().Be(new Uri("https://dev-abc.us.auth0.com/.well-known/jwks.json"));
        tenant.OpenIdConfigurationUri.Should().Be(new Uri("https://dev-abc.us.auth0.com/.well-known/openid-configuration"));
        tenant.TokenEndpoint.Should().Be(new Uri("https://dev-abc.us.auth0.com/oauth/token"));
        tenant.ManagementApiAudience.Should().Be("https://dev-abc.us.auth0.com/api/v2/");
        tenant.UserInfoAudience.Should().Be("https://dev-abc.us.auth0.com/userinfo");
        tenant.ToString().Should().Be(tenant.Issuer);
    }

    [Theory]
    [InlineData("https://login.example.com/", "https://login.example.com/api/v2/")]
    [InlineData("http://127.0.0.1:5123/", "http://127.0.0.1:5123/api/v2/")]
    [InlineData("http://localhost:8080/tenant/", "http://localhost:8080/tenant/api/v2/")]
    public void An_issuer_keeps_its_address_and_derives_the_rest(string issuer, string managementAudience)
    {
        var tenant = TenantUrls.ForIssuer(issuer);

        tenant.Issuer.Should().Be(issuer);
        tenant.ManagementApiAudience.Should().Be(managementAudience);
        tenant.JwksUri.AbsoluteUri.Should().Be(issuer + ".well-known/jwks.json");
    }

    [Theory]
    [InlineData("https://dev.auth0.com")]
    [InlineData("http://dev.auth0.com/")]
    [InlineData("dev.auth0.com")]
    [InlineData("https://dev.auth0.com/?x=1")]
    [InlineData("https://user:pw@dev.auth0.com/")]
    public void A_bad_issuer_is_refused(string value)
    {
        var act = () => TenantUrls.ForIssuer(value);

        act.Should().Throw<ArgumentException>().WithParameterName("issuer");
    }

    [Theory]
    [InlineData("https://dev.auth0.com")]
    [InlineData("dev.auth0.com/path")]
    [InlineData("")]
    public void A_bad_domain_is_refused(string value)
    {
        var act = () => TenantUrls.ForDomain(value);

        act.Should().Throw<ArgumentException>().WithParameterName("domain");
    }

    [Fact]
    public void Tenants_are_equal_by_issuer()
    {
        TenantUrls.ForDomain("a.auth0.com").Should().Be(TenantUrls.ForIssuer("https://a.auth0.com/"));
        TenantUrls.ForDomain("a.auth0.com").Should().NotBe(TenantUrls.ForDomain("b.auth0.com"));
    }
}
