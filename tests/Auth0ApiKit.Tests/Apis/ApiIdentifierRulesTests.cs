using Auth0ApiKit.Apis;
using Auth0ApiKit.Tests.Validation;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Apis;

public class ApiIdentifierRulesTests
{
    [Fact]
    public void An_identifier_is_required()
    {
        var error = Api.Define("Orders API")
            .ShouldBeSingleError("identifier", RuleCodes.Required, RuleOrigin.Auth0, null, "The identifier is required");

        error.SchemaDetail.Should().Be("Missing required property: identifier");
    }

    [Fact]
    public void An_empty_identifier_is_missing()
    {
        var error = Api.Define("Orders API").WithIdentifier("")
            .ShouldBeSingleError("identifier", RuleCodes.Required, RuleOrigin.Auth0, 1, "The identifier must not be empty");

        error.SchemaDetail.Should().Be("String is too short (0 chars), minimum 1");
    }

    [Theory]
    [InlineData("https://orders.example.com")]
    [InlineData("urn:orders")]
    [InlineData("prod-api")]
    [InlineData("x")]
    public void An_identifier_need_not_be_a_URL(string identifier) =>
        Api.Define("Orders API").WithIdentifier(identifier).ShouldBuild().Identifier.Should().Be(identifier);

    [Fact]
    public void An_identifier_of_600_characters_is_valid() =>
        Api.WithIdentifier(new string('i', 600)).ShouldBuild().Identifier.Should().HaveLength(600);

    [Fact]
    public void An_identifier_of_601_characters_is_too_long()
    {
        var error = Api.WithIdentifier(new string('i', 601))
            .ShouldBeSingleError("identifier", RuleCodes.MaxLength, RuleOrigin.Auth0, 600, "The identifier", "601 characters", "at most 600 characters");

        error.SchemaDetail.Should().Be("String is too long (601 chars), maximum 600");
    }
}
