using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Tests.Apis;

public class ApiDefinitionDefaultsTests
{
    [Fact]
    public void Unset_settings_take_Auth0s_defaults()
    {
        var api = SampleApis.Orders().Build();

        api.EffectiveSigningAlgorithm.Should().Be(SigningAlgorithm.RS256);
        api.EffectiveTokenLifetime.Should().Be(TimeSpan.FromSeconds(86_400));
        api.EffectiveWebTokenLifetime.Should().Be(TimeSpan.FromSeconds(7_200));
        api.EffectiveTokenDialect.Should().Be(TokenDialect.AccessToken);
        ApiLimits.DefaultTokenLifetimeSeconds.Should().Be(86_400);
        ApiLimits.DefaultWebTokenLifetimeSeconds.Should().Be(7_200);
    }

    [Fact]
    public void Set_settings_are_the_effective_ones()
    {
        var api = SampleApis.Orders()
            .SignedWith(SigningAlgorithm.HS256)
            .TokensExpireAfter(TimeSpan.FromHours(10))
            .WebTokensExpireAfter(TimeSpan.FromHours(3))
            .WithTokenDialect(TokenDialect.Rfc9068Profile)
            .Build();

        api.EffectiveSigningAlgorithm.Should().Be(SigningAlgorithm.HS256);
        api.EffectiveTokenLifetime.Should().Be(TimeSpan.FromHours(10));
        api.EffectiveWebTokenLifetime.Should().Be(TimeSpan.FromHours(3));
        api.EffectiveTokenDialect.Should().Be(TokenDialect.Rfc9068Profile);
    }

    [Theory]
    [InlineData(3_600, 3_600)]
    [InlineData(7_199, 7_199)]
    [InlineData(7_200, 7_200)]
    [InlineData(7_201, 7_200)]
    [InlineData(0, 0)]
    [InlineData(2_592_000, 7_200)]
    public void The_web_lifetime_defaults_to_2_hours_or_the_token_lifetime_when_that_is_lower(int tokenSeconds, int expectedWebSeconds) =>
        SampleApis.Orders().TokensExpireAfter(TimeSpan.FromSeconds(tokenSeconds)).Build()
            .EffectiveWebTokenLifetime.Should().Be(TimeSpan.FromSeconds(expectedWebSeconds));

    [Fact]
    public void A_web_lifetime_that_was_set_is_effective_even_without_a_token_lifetime() =>
        SampleApis.Orders().WebTokensExpireAfter(TimeSpan.FromSeconds(60)).Build()
            .EffectiveWebTokenLifetime.Should().Be(TimeSpan.FromSeconds(60));
}
