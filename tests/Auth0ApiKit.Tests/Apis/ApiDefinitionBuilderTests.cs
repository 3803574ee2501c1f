using Auth0ApiKit.Apis;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Apis;

public class ApiDefinitionBuilderTests
{
    [Fact]
    public void Builds_a_definition_with_every_setting()
    {
        var api = Api.Define("Orders API")
            .WithIdentifier("https://orders.example.com")
            .SignedWith(SigningAlgorithm.RS256)
            .TokensExpireAfter(TimeSpan.FromHours(2))
            .WebTokensExpireAfter(TimeSpan.FromHours(1))
            .AllowSkippingUserConsent()
            .AllowOfflineAccess()
            .EnforcePolicies()
            .WithTokenDialect(TokenDialect.AccessTokenAuthz)
            .WithScope("read:orders", "Read orders")
            .WithScope("write:orders", "Create and change orders")
            .Build();

        api.Name.Should().Be("Orders API");
        api.Identifier.Should().Be("https://orders.example.com");
        api.SigningAlgorithm.Should().Be(SigningAlgorithm.RS256);
        api.TokenLifetime.Should().Be(TimeSpan.FromHours(2));
        api.WebTokenLifetime.Should().Be(TimeSpan.FromHours(1));
        api.AllowSkippingUserConsent.Should().BeTrue();
        api.AllowOfflineAccess.Should().BeTrue();
        api.EnforcePolicies.Should().BeTrue();
        api.TokenDialect.Should().Be(TokenDialect.AccessTokenAuthz);
        api.Scopes.Should().Equal(new Scope("read:orders", "Read orders"), new Scope("write:orders", "Create and change orders"));
    }

    [Fact]
    public void Build_throws_one_exception_listing_every_broken_rule()
    {
        var builder = Api.Define(new string('n', 201))
            .WithIdentifier("")
            .TokensExpireAfter(TimeSpan.FromSeconds(-1));

        var act = () => builder.Build();

        var thrown = act.Should().Throw<DefinitionException>().Which;
        thrown.Errors.Select(e => e.Path).Should().Equal("name", "identifier", "token_lifetime");
        thrown.Message.Should().Contain("breaks 3 rules");
    }
}
