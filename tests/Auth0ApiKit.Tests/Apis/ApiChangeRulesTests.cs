using Auth0ApiKit.Apis;
using Auth0ApiKit.Tests.Validation;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Apis;

/// <summary>The rules checked against the values that result on create (Auth0's defaults) or update (the API's settings).</summary>
public class ApiChangeRulesTests
{
    private static readonly ApiDefinition CurrentHs256 = Api.Define("Orders API").WithIdentifier(SampleApis.Identifier)
        .SignedWith(SigningAlgorithm.HS256).TokensExpireAfter(TimeSpan.FromDays(30)).WebTokensExpireAfter(TimeSpan.FromDays(2))
        .BuildUnchecked();

    private static readonly ApiDefinition CurrentRs256 = Api.Define("Orders API").WithIdentifier(SampleApis.Identifier)
        .SignedWith(SigningAlgorithm.RS256).TokensExpireAfter(TimeSpan.FromHours(24)).WebTokensExpireAfter(TimeSpan.FromHours(2))
        .BuildUnchecked();

    [Fact]
    public void A_complete_valid_definition_creates_without_errors() =>
        ApiChangeRules.CheckCreate(SampleApis.OrdersWithScopes()).Should().BeEmpty();

    [Fact]
    public void On_create_a_secret_without_an_algorithm_meets_the_default_RS256() =>
        ApiChangeRules.CheckCreate(SampleApis.Orders().WithGeneratedSigningSecret().Build())
            .ShouldBeSingleError("signing_secret", RuleCodes.NotApplicable, RuleOrigin.Sdk, null, "signed with RS256");

    [Fact]
    public void On_create_a_web_lifetime_above_the_default_24_hours_is_refused()
    {
        var desired = SampleApis.Orders().WebTokensExpireAfter(TimeSpan.FromSeconds(86_401)).Build();

        ApiChangeRules.CheckCreate(desired)
            .ShouldBeSingleError("token_lifetime_for_web", RuleCodes.NotAboveOtherField, RuleOrigin.Auth0, 86_400, "86,401 s", "86,400 s")
            .SchemaDetail.Should().Be("token_lifetime_for_web cannot be larger than token_lifetime");
        ApiChangeRules.CheckCreate(SampleApis.Orders().WebTokensExpireAfter(TimeSpan.FromSeconds(86_400)).Build()).Should().BeEmpty();
    }

    [Fact]
    public void On_update_the_signing_algorithm_cannot_change()
    {
        var desired = SampleApis.Orders().SignedWith(SigningAlgorithm.RS256).Build();

        ApiChangeRules.CheckUpdate(CurrentHs256, desired)
            .ShouldBeSingleError("signing_alg", RuleCodes.Immutable, RuleOrigin.Dashboard, null, "signing algorithm is HS256", "cannot be changed to RS256");
        ApiChangeRules.CheckUpdate(CurrentHs256, SampleApis.Orders().SignedWith(SigningAlgorithm.HS256).Build()).Should().BeEmpty();
        ApiChangeRules.CheckUpdate(CurrentHs256, SampleApis.Orders().Build()).Should().BeEmpty("an unset algorithm keeps the current one");
    }

    [Fact]
    public void On_update_a_new_secret_without_an_algorithm_applies_to_an_HS256_API()
    {
        var rotate = SampleApis.Orders().WithGeneratedSigningSecret().Build();

        ApiChangeRules.CheckUpdate(CurrentHs256, rotate).Should().BeEmpty();
        ApiChangeRules.CheckUpdate(CurrentRs256, rotate)
            .ShouldBeSingleError("signing_secret", RuleCodes.NotApplicable, RuleOrigin.Sdk, null, "signed with RS256");
    }

    [Fact]
    public void On_update_the_lifetimes_are_compared_as_they_will_be()
    {
        var lowerToken = SampleApis.Orders().TokensExpireAfter(TimeSpan.FromDays(1)).Build();
        var longerWeb = SampleApis.Orders().WebTokensExpireAfter(TimeSpan.FromDays(3)).Build();

        ApiChangeRules.CheckUpdate(CurrentHs256, lowerToken)
            .ShouldBeSingleError("token_lifetime_for_web", RuleCodes.NotAboveOtherField, RuleOrigin.Auth0, 86_400, "172,800 s");
        ApiChangeRules.CheckUpdate(CurrentHs256, longerWeb).Should().BeEmpty("the current token lifetime is 30 days");
        ApiChangeRules.CheckUpdate(CurrentRs256, longerWeb)
            .ShouldBeSingleError("token_lifetime_for_web", RuleCodes.NotAboveOtherField, RuleOrigin.Auth0, 86_400);
    }

    [Fact]
    public void Null_definitions_are_refused()
    {
        FluentActions.Invoking(() => ApiChangeRules.CheckCreate(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ApiChangeRules.CheckUpdate(null!, CurrentRs256)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ApiChangeRules.CheckUpdate(CurrentRs256, null!)).Should().Throw<ArgumentNullException>();
    }
}
