using Auth0ApiKit.Apis;
using Auth0ApiKit.Tests.Validation;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Apis;

public class SigningRulesTests
{
    [Fact]
    public void RS256_and_HS256_are_supported()
    {
        SampleApis.Orders().SignedWith(SigningAlgorithm.RS256).ShouldBuild().SigningAlgorithm.Should().Be(SigningAlgorithm.RS256);
        SampleApis.Orders().SignedWith(SigningAlgorithm.HS256).ShouldBuild().SigningAlgorithm.Should().Be(SigningAlgorithm.HS256);
        SigningAlgorithm.RS256.IsSupported.Should().BeTrue();
        SigningAlgorithm.HS256.IsSupported.Should().BeTrue();
    }

    [Theory]
    [InlineData("PS256")]
    [InlineData("RS512")]
    public void Algorithms_a_tenant_accepts_but_the_dashboard_does_not_offer_break_a_dashboard_rule(string name)
    {
        var algorithm = new SigningAlgorithm(name);

        algorithm.Value.Should().Be(name);
        algorithm.IsSupported.Should().BeFalse();
        var error = SampleApis.Orders().SignedWith(algorithm)
            .ShouldBeSingleError("signing_alg", RuleCodes.UnsupportedValue, RuleOrigin.Dashboard, null, $"'{name}' is not supported", "HS256, RS256");

        error.Message.Should().NotContain("PS256, ", "the dashboard offers only HS256 and RS256");
    }

    [Theory]
    [InlineData("ES256")]
    [InlineData("rs256")]
    [InlineData("")]
    public void Algorithms_no_tenant_accepts_break_Auth0s_rule_only(string name)
    {
        var error = SampleApis.Orders().SignedWith(name)
            .ShouldBeSingleError("signing_alg", RuleCodes.UnsupportedValue, RuleOrigin.Auth0, null, $"'{name}' is not supported", "HS256, RS256, RS512, PS256");

        error.SchemaDetail.Should().Be($"No enum match for: \"{name}\"");
    }

    [Fact]
    public void The_default_algorithm_value_is_empty_and_not_supported()
    {
        default(SigningAlgorithm).Value.Should().BeEmpty();
        SampleApis.Orders().SignedWith(default).ShouldBeSingleError("signing_alg", RuleCodes.UnsupportedValue, RuleOrigin.Auth0, null);
    }

    [Fact]
    public void Algorithms_convert_from_their_names()
    {
        SigningAlgorithm fromString = "HS256";

        fromString.Should().Be(SigningAlgorithm.HS256);
        SigningAlgorithm.FromString("RS256").Should().Be(SigningAlgorithm.RS256);
        SigningAlgorithm.RS256.ToString().Should().Be("RS256");
    }

    [Fact]
    public void An_HS256_secret_of_16_characters_is_valid() =>
        SampleApis.Orders().SignedWith(SigningAlgorithm.HS256).WithSigningSecret(new string('k', 16)).ShouldBuild()
            .SigningSecret!.Length.Should().Be(16);

    [Fact]
    public void An_HS256_secret_of_15_characters_is_too_short_and_the_error_never_shows_it()
    {
        const string secret = "Sh0rtSecretVal!";
        var error = SampleApis.Orders().SignedWith(SigningAlgorithm.HS256).WithSigningSecret(secret)
            .ShouldBeSingleError("signing_secret", RuleCodes.MinLength, RuleOrigin.Auth0, 16,
                "The signing secret", "15 characters", "at least 16 characters");

        error.SchemaDetail.Should().Be("String is too short (15 chars), minimum 16");
        error.Message.Should().NotContain(secret);
        error.ToString().Should().NotContain(secret);
    }

    [Fact]
    public void An_empty_HS256_secret_is_too_short_rather_than_missing()
    {
        var error = SampleApis.Orders().SignedWith(SigningAlgorithm.HS256).WithSigningSecret("")
            .ShouldBeSingleError("signing_secret", RuleCodes.MinLength, RuleOrigin.Auth0, 16, "0 characters", "at least 16 characters");

        error.SchemaDetail.Should().Be("String is too short (0 chars), minimum 16");
    }

    [Fact]
    public void An_HS256_API_may_leave_the_secret_to_Auth0() =>
        SampleApis.Orders().SignedWith(SigningAlgorithm.HS256).ShouldBuild().SigningSecret.Should().BeNull();

    [Fact]
    public void A_secret_given_for_an_RS256_API_does_not_apply()
    {
        var error = SampleApis.Orders().SignedWith(SigningAlgorithm.RS256).WithSigningSecret(new string('k', 32))
            .ShouldBeSingleError("signing_secret", RuleCodes.NotApplicable, RuleOrigin.Sdk, null,
                "applies only to HS256 APIs", "signed with RS256");

        error.Message.Should().NotContain(new string('k', 32));
    }

    [Fact]
    public void A_secret_for_an_RS256_API_is_reported_as_not_applicable_only_even_when_short() =>
        SampleApis.Orders().SignedWith(SigningAlgorithm.RS256).WithSigningSecret("short")
            .ShouldBeSingleError("signing_secret", RuleCodes.NotApplicable, RuleOrigin.Sdk, null);

    [Fact]
    public void A_secret_for_a_PS256_API_does_not_apply_either()
    {
        var errors = SampleApis.Orders().SignedWith("PS256").WithSigningSecret(new string('k', 32)).Validate();

        errors.Select(e => (e.Path, e.Rule, e.Origin)).Should().Equal(
            ("signing_alg", RuleCodes.UnsupportedValue, RuleOrigin.Dashboard),
            ("signing_secret", RuleCodes.NotApplicable, RuleOrigin.Sdk));
    }

    [Fact]
    public void A_secret_without_an_algorithm_is_checked_for_length_only()
    {
        // Only what was set is checked against what was set: the secret may be for an existing HS256 API.
        SampleApis.Orders().WithSigningSecret(new string('k', 16)).ShouldBuild();
        SampleApis.Orders().WithSigningSecret(new string('k', 15))
            .ShouldBeSingleError("signing_secret", RuleCodes.MinLength, RuleOrigin.Auth0, 16);
    }
}
