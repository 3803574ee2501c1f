using Auth0ApiKit.Apis;
using Auth0ApiKit.Tests.Validation;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Apis;

public class ApiNameRulesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public void A_name_of_1_to_200_characters_is_valid(int length) =>
        Api.Define(new string('n', length)).WithIdentifier(SampleApis.Identifier).ShouldBuild().Name.Should().HaveLength(length);

    [Fact]
    public void A_name_of_201_characters_is_too_long()
    {
        var error = Api.Define(new string('n', 201)).WithIdentifier(SampleApis.Identifier)
            .ShouldBeSingleError("name", RuleCodes.MaxLength, RuleOrigin.Auth0, 200, "The name", "201 characters", "at most 200 characters");

        error.SchemaDetail.Should().Be("String is too long (201 chars), maximum 200");
    }

    [Fact]
    public void An_empty_name_is_missing()
    {
        var error = Api.Define("").WithIdentifier(SampleApis.Identifier)
            .ShouldBeSingleError("name", RuleCodes.Required, RuleOrigin.Auth0, 1, "The name", "must not be empty");

        error.SchemaDetail.Should().Be("String is too short (0 chars), minimum 1");
    }

    [Theory]
    [InlineData("<script>", '<', 0)]
    [InlineData("Orders > Billing", '>', 7)]
    [InlineData("a<", '<', 1)]
    public void A_name_must_not_contain_angle_brackets(string name, char found, int position)
    {
        var error = Api.Define(name).WithIdentifier(SampleApis.Identifier)
            .ShouldBeSingleError("name", RuleCodes.ForbiddenCharacter, RuleOrigin.Auth0, null,
                "must not contain '<' or '>'", $"found '{found}' at position {position}");

        error.SchemaDetail.Should().Be("String does not match pattern ^[^<>]+$");
    }

    [Fact]
    public void A_long_name_with_an_angle_bracket_breaks_both_rules()
    {
        var errors = Api.Define("<" + new string('n', 200)).WithIdentifier(SampleApis.Identifier).Validate();

        errors.Select(e => (e.Path, e.Rule)).Should().Equal(("name", RuleCodes.MaxLength), ("name", RuleCodes.ForbiddenCharacter));
    }

    [Fact]
    public void An_unset_name_is_not_checked() =>
        Api.WithIdentifier(SampleApis.Identifier).ShouldBuild().Name.Should().BeNull();

    [Fact]
    public void Other_characters_are_allowed_in_a_name() =>
        Api.Define("Orders & Billing: v2 (\"beta\") — ünïcode").WithIdentifier(SampleApis.Identifier).ShouldBuild();
}
