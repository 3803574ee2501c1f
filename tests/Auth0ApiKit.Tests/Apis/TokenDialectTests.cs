using Auth0ApiKit.Apis;
using Auth0ApiKit.Tests.Validation;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Apis;

public class TokenDialectTests
{
    public static TheoryData<TokenDialect, string, bool, bool> KnownDialects => new()
    {
        { TokenDialect.AccessToken, "access_token", false, false },
        { TokenDialect.AccessTokenAuthz, "access_token_authz", true, false },
        { TokenDialect.Rfc9068Profile, "rfc9068_profile", false, true },
        { TokenDialect.Rfc9068ProfileAuthz, "rfc9068_profile_authz", true, true },
    };

    [Theory]
    [MemberData(nameof(KnownDialects))]
    public void Known_dialects_build_and_describe_their_tokens(TokenDialect dialect, string value, bool permissions, bool rfc9068)
    {
        dialect.Value.Should().Be(value);
        dialect.ToString().Should().Be(value);
        dialect.IsKnown.Should().BeTrue();
        dialect.IncludesPermissions.Should().Be(permissions);
        dialect.IsRfc9068.Should().Be(rfc9068);
        new TokenDialect(value).Should().Be(dialect);
        TokenDialect.FromString(value).Should().Be(dialect);
        SampleApis.Orders().WithTokenDialect(dialect).ShouldBuild().EffectiveTokenDialect.Should().Be(dialect);
    }

    [Fact]
    public void An_unset_dialect_means_Auth0s_own() =>
        SampleApis.Orders().Build().EffectiveTokenDialect.Should().Be(TokenDialect.AccessToken);

    [Fact]
    public void A_future_dialect_can_be_represented_but_not_built()
    {
        TokenDialect future = "future_dialect";

        future.IsKnown.Should().BeFalse();
        future.IncludesPermissions.Should().BeFalse();
        var error = SampleApis.Orders().WithTokenDialect(future)
            .ShouldBeSingleError("token_dialect", RuleCodes.UnsupportedValue, RuleOrigin.Auth0, null,
                "'future_dialect' is not supported", "access_token, access_token_authz, rfc9068_profile, rfc9068_profile_authz");

        error.SchemaDetail.Should().Be("No enum match for: \"future_dialect\"");
    }
}
