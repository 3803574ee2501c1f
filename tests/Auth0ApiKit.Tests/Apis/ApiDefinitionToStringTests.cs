using Auth0ApiKit.Apis;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Apis;

public class ApiDefinitionToStringTests
{
    private const string KnownSecret = "KnownSigningSecret-0123456789";

    [Fact]
    public void Shows_the_settings_that_were_set_in_one_line()
    {
        var api = Api.Define("Orders API")
            .WithIdentifier("https://orders.example.com")
            .SignedWith(SigningAlgorithm.RS256)
            .TokensExpireAfter(TimeSpan.FromHours(2))
            .WebTokensExpireAfter(TimeSpan.FromHours(1))
            .AllowSkippingUserConsent(false)
            .AllowOfflineAccess()
            .EnforcePolicies()
            .WithTokenDialect(TokenDialect.AccessTokenAuthz)
            .WithScope("read:orders", "Read orders")
            .WithScope("write:orders")
            .Build();

        api.ToString().Should().Be(
            "API 'Orders API' (https://orders.example.com): RS256, tokens 7200 s, web tokens 3600 s, no skip consent, " +
            "offline access, enforce policies, dialect access_token_authz, scopes [read:orders, write:orders]");
    }

    [Fact]
    public void An_API_with_only_an_identifier_shows_only_that()
    {
        Api.WithIdentifier("urn:orders").Build().ToString().Should().Be("API (urn:orders)");
        SampleApis.Orders().WithNoScopes().Build().ToString().Should().Be("API 'Orders API' (https://orders.example.com): scopes []");
    }

    [Fact]
    public void Never_shows_the_signing_secret()
    {
        var api = SampleApis.Orders().SignedWith(SigningAlgorithm.HS256).WithSigningSecret(KnownSecret).Build();

        var text = api.ToString();

        text.Should().NotContain(KnownSecret);
        text.Should().Be("API 'Orders API' (https://orders.example.com): HS256, signing secret ***");
        api.SigningSecret!.ToString().Should().Be("***");
    }

    [Fact]
    public void A_short_secret_is_never_shown_in_the_exception_or_its_errors()
    {
        const string shortSecret = "ShortKnownSec";
        var builder = SampleApis.Orders().SignedWith(SigningAlgorithm.HS256).WithSigningSecret(shortSecret);

        var thrown = builder.Invoking(b => b.Build()).Should().Throw<DefinitionException>().Which;

        thrown.Message.Should().NotContain(shortSecret).And.Contain("signing_secret");
        thrown.ToString().Should().NotContain(shortSecret);
        thrown.Errors.Should().ContainSingle().Which.ToString().Should().NotContain(shortSecret).And.Contain("13 characters");
    }

    [Fact]
    public void A_secret_given_for_RS256_is_never_shown_either()
    {
        var thrown = SampleApis.Orders().SignedWith(SigningAlgorithm.RS256).WithSigningSecret(KnownSecret)
            .Invoking(b => b.Build()).Should().Throw<DefinitionException>().Which;

        thrown.Message.Should().NotContain(KnownSecret);
        SampleApis.Orders().SignedWith(SigningAlgorithm.RS256).WithSigningSecret(KnownSecret).BuildUnchecked()
            .ToString().Should().NotContain(KnownSecret);
    }
}
