using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Validation;

public class ValidationErrorTests
{
    [Fact]
    public void Shows_the_path_the_message_and_the_rule_on_one_line()
    {
        var error = new ValidationError("scopes[2].value", RuleCodes.Duplicate, RuleOrigin.Sdk, null, "The scope 'a' is defined twice.");

        error.ToString().Should().Be("scopes[2].value: The scope 'a' is defined twice. [duplicate]");
    }

    [Fact]
    public void Errors_are_equal_by_value_including_the_schema_detail()
    {
        var error = new ValidationError("name", RuleCodes.MaxLength, RuleOrigin.Auth0, 200, "Too long.") { SchemaDetail = "detail" };

        error.Should().Be(new ValidationError("name", RuleCodes.MaxLength, RuleOrigin.Auth0, 200, "Too long.") { SchemaDetail = "detail" });
        error.Should().NotBe(error with { SchemaDetail = null });
        error.Should().NotBe(error with { Origin = RuleOrigin.Dashboard });
        error.Should().NotBe(error with { Limit = 201 });
    }

    [Fact]
    public void Rule_codes_are_stable_snake_case_strings()
    {
        var codes = typeof(RuleCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        codes.Should().OnlyHaveUniqueItems();
        codes.Should().AllSatisfy(code => code.Should().MatchRegex("^[a-z]+(_[a-z]+)*$"));
        codes.Should().Contain(["required", "max_length", "min_length", "forbidden_character", "minimum", "maximum", "whole_seconds",
            "not_above_other_field", "duplicate", "unsupported_value", "not_applicable", "undefined_scope", "client_credentials_not_allowed",
            "immutable", "absolute_uri"]);
    }

    [Fact]
    public void Rule_origins_keep_their_values()
    {
        ((int)RuleOrigin.Auth0).Should().Be(0);
        ((int)RuleOrigin.Dashboard).Should().Be(1);
        ((int)RuleOrigin.Sdk).Should().Be(2);
    }
}
