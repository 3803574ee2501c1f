using Auth0ApiKit.Tests.Validation;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Apis;

public class ScopeRulesTests
{
    [Fact]
    public void A_scope_value_of_280_characters_and_a_description_of_500_are_valid()
    {
        var api = SampleApis.Orders().WithScope(new string('s', 280), new string('d', 500)).ShouldBuild();

        api.Scopes![0].Value.Should().HaveLength(280);
        api.Scopes[0].Description.Should().HaveLength(500);
    }

    [Fact]
    public void A_scope_value_of_281_characters_is_too_long()
    {
        var error = SampleApis.Orders().WithScope("a").WithScope("b").WithScope(new string('s', 281))
            .ShouldBeSingleError("scopes[2].value", RuleCodes.MaxLength, RuleOrigin.Auth0, 280,
                "The value of scope 2", "281 characters", "at most 280 characters");

        error.SchemaDetail.Should().Be("String is too long (281 chars), maximum 280");
    }

    [Fact]
    public void An_empty_scope_value_is_missing()
    {
        var error = SampleApis.Orders().WithScope("")
            .ShouldBeSingleError("scopes[0].value", RuleCodes.Required, RuleOrigin.Auth0, 1, "The value of scope 0 must not be empty");

        error.SchemaDetail.Should().Be("String is too short (0 chars), minimum 1");
    }

    [Fact]
    public void A_scope_description_of_501_characters_is_too_long()
    {
        var error = SampleApis.Orders().WithScope("read:orders", new string('d', 501))
            .ShouldBeSingleError("scopes[0].description", RuleCodes.MaxLength, RuleOrigin.Auth0, 500,
                "The description of scope 0", "501 characters", "at most 500 characters");

        error.SchemaDetail.Should().Be("String is too long (501 chars), maximum 500");
    }

    [Fact]
    public void A_scope_may_have_no_description_or_an_empty_one()
    {
        var api = SampleApis.Orders().WithScope("a").WithScope("b", "").ShouldBuild();

        api.Scopes!.Select(s => s.Description).Should().Equal(null, "");
    }

    [Theory]
    [InlineData("read orders", 4)]
    [InlineData(" read", 0)]
    [InlineData("read\t", 4)]
    [InlineData("read\norders", 4)]
    [InlineData("read\u00A0orders", 4)]
    public void A_scope_value_must_not_contain_white_space(string value, int position)
    {
        var error = SampleApis.Orders().WithScope("ok").WithScope(value)
            .ShouldBeSingleError("scopes[1].value", RuleCodes.ForbiddenCharacter, RuleOrigin.Sdk, null,
                $"contains white space at position {position}", "space-separated");

        error.SchemaDetail.Should().BeNull();
    }

    [Fact]
    public void A_scope_value_must_not_be_defined_twice()
    {
        SampleApis.Orders().WithScope("read:orders", "Read").WithScope("write:orders").WithScope("read:orders", "Read again")
            .ShouldBeSingleError("scopes[2].value", RuleCodes.Duplicate, RuleOrigin.Sdk, null,
                "'read:orders' is defined twice", "scopes[0]", "scopes[2]");
    }

    [Fact]
    public void Scope_values_that_differ_only_in_case_are_distinct() =>
        SampleApis.Orders().WithScope("read:orders").WithScope("READ:ORDERS").ShouldBuild();

    [Fact]
    public void Every_broken_scope_is_reported_with_its_own_path()
    {
        var errors = SampleApis.Orders()
            .WithScope("a b")
            .WithScope(new string('s', 281))
            .WithScope("c", new string('d', 501))
            .WithScope("a b")
            .Validate();

        errors.Select(e => (e.Path, e.Rule)).Should().Equal(
            ("scopes[1].value", RuleCodes.MaxLength),
            ("scopes[2].description", RuleCodes.MaxLength),
            ("scopes[0].value", RuleCodes.ForbiddenCharacter),
            ("scopes[3].value", RuleCodes.ForbiddenCharacter),
            ("scopes[3].value", RuleCodes.Duplicate));
    }
}
