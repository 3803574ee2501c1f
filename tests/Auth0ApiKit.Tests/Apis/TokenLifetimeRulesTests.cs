using System.Globalization;
using Auth0ApiKit.Tests.Validation;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Apis;

public class TokenLifetimeRulesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(86_400)]
    [InlineData(2_592_000)]
    public void A_token_lifetime_of_0_to_30_days_in_whole_seconds_is_valid(int seconds) =>
        SampleApis.Orders().TokensExpireAfter(TimeSpan.FromSeconds(seconds)).ShouldBuild()
            .TokenLifetime.Should().Be(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData(0)]
    [InlineData(7_200)]
    [InlineData(2_592_000)]
    public void A_web_token_lifetime_of_0_to_30_days_is_valid(int seconds) =>
        SampleApis.Orders().WebTokensExpireAfter(TimeSpan.FromSeconds(seconds)).ShouldBuild()
            .WebTokenLifetime.Should().Be(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void A_token_lifetime_above_30_days_is_too_long()
    {
        var error = SampleApis.Orders().TokensExpireAfter(TimeSpan.FromSeconds(2_592_001))
            .ShouldBeSingleError("token_lifetime", RuleCodes.Maximum, RuleOrigin.Auth0, 2_592_000,
                "The token lifetime", "2,592,001 seconds", "at most 2,592,000");

        error.SchemaDetail.Should().Be("Value 2592001 is greater than maximum 2592000");
    }

    [Fact]
    public void A_negative_token_lifetime_is_too_short()
    {
        var error = SampleApis.Orders().TokensExpireAfter(TimeSpan.FromSeconds(-1))
            .ShouldBeSingleError("token_lifetime", RuleCodes.Minimum, RuleOrigin.Auth0, 0, "The token lifetime", "-1 seconds", "at least 0");

        error.SchemaDetail.Should().Be("Value -1 is less than minimum 0");
    }

    [Fact]
    public void A_web_token_lifetime_out_of_range_is_reported_on_its_own_field()
    {
        SampleApis.Orders().WebTokensExpireAfter(TimeSpan.FromSeconds(2_592_001))
            .ShouldBeSingleError("token_lifetime_for_web", RuleCodes.Maximum, RuleOrigin.Auth0, 2_592_000, "The web token lifetime", "2,592,001 seconds")
            .SchemaDetail.Should().Be("Value 2592001 is greater than maximum 2592000");
        SampleApis.Orders().WebTokensExpireAfter(TimeSpan.FromSeconds(-5))
            .ShouldBeSingleError("token_lifetime_for_web", RuleCodes.Minimum, RuleOrigin.Auth0, 0, "The web token lifetime", "-5 seconds");
    }

    [Fact]
    public void A_fractional_lifetime_is_refused_because_Auth0_takes_whole_seconds()
    {
        SampleApis.Orders().TokensExpireAfter(TimeSpan.FromMilliseconds(1_500))
            .ShouldBeSingleError("token_lifetime", RuleCodes.WholeSeconds, RuleOrigin.Sdk, null, "The token lifetime is 1.5 seconds", "whole seconds");
        SampleApis.Orders().WebTokensExpireAfter(TimeSpan.FromTicks(1))
            .ShouldBeSingleError("token_lifetime_for_web", RuleCodes.WholeSeconds, RuleOrigin.Sdk, null, "The web token lifetime is 0.0000001 seconds");
    }

    [Fact]
    public void A_negative_fraction_breaks_both_the_whole_seconds_and_the_minimum_rule_with_its_true_value()
    {
        var errors = SampleApis.Orders().TokensExpireAfter(TimeSpan.FromMilliseconds(-500)).Validate();

        errors.Should().HaveCount(2);
        errors[0].ShouldBe("token_lifetime", RuleCodes.WholeSeconds, RuleOrigin.Sdk, null, "-0.5 seconds");
        errors[1].ShouldBe("token_lifetime", RuleCodes.Minimum, RuleOrigin.Auth0, 0, "-0.5 seconds");
        errors[1].SchemaDetail.Should().Be("Value -0.5 is less than minimum 0");
    }

    [Fact]
    public void A_fraction_just_above_the_maximum_is_above_the_maximum()
    {
        var errors = SampleApis.Orders().TokensExpireAfter(TimeSpan.FromSeconds(2_592_000) + TimeSpan.FromMilliseconds(500)).Validate();

        errors.Select(e => e.Rule).Should().Equal(RuleCodes.WholeSeconds, RuleCodes.Maximum);
        errors[1].Message.Should().Contain("2,592,000.5 seconds");
    }

    [Fact]
    public void Messages_read_the_same_in_every_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var errors = SampleApis.Orders().TokensExpireAfter(TimeSpan.FromMilliseconds(-1_500)).Validate();

            errors[0].Message.Should().Contain("-1.5 seconds");
            errors[1].SchemaDetail.Should().Be("Value -1.5 is less than minimum 0");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_web_token_lifetime_may_equal_the_token_lifetime() =>
        SampleApis.Orders().TokensExpireAfter(TimeSpan.FromHours(1)).WebTokensExpireAfter(TimeSpan.FromHours(1)).ShouldBuild();

    [Fact]
    public void The_web_token_lifetime_must_not_exceed_the_token_lifetime()
    {
        var error = SampleApis.Orders().TokensExpireAfter(TimeSpan.FromSeconds(3_600)).WebTokensExpireAfter(TimeSpan.FromSeconds(3_601))
            .ShouldBeSingleError("token_lifetime_for_web", RuleCodes.NotAboveOtherField, RuleOrigin.Auth0, 3_600,
                "web token lifetime (3,601 s)", "token lifetime (3,600 s)");

        error.SchemaDetail.Should().Be("token_lifetime_for_web cannot be larger than token_lifetime");
    }

    [Fact]
    public void Only_what_was_set_is_compared_with_what_was_set()
    {
        // The token lifetime is unset: the definition may be applied to an API whose token lifetime is 30 days.
        SampleApis.Orders().WebTokensExpireAfter(TimeSpan.FromDays(2)).ShouldBuild();
        SampleApis.Orders().TokensExpireAfter(TimeSpan.FromMinutes(1)).ShouldBuild();
    }

    [Fact]
    public void An_out_of_range_lifetime_is_not_also_compared_with_the_other_one()
    {
        var errors = SampleApis.Orders().TokensExpireAfter(TimeSpan.FromSeconds(-1)).WebTokensExpireAfter(TimeSpan.FromSeconds(10)).Validate();

        errors.Should().ContainSingle().Which.Rule.Should().Be(RuleCodes.Minimum, "one mistake gives one error");
    }
}
