using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Validation;

public class DefinitionExceptionTests
{
    private static readonly ValidationError NameTooLong =
        new("name", RuleCodes.MaxLength, RuleOrigin.Auth0, 200, "The name is 201 characters long; Auth0 allows at most 200 characters.");

    private static readonly ValidationError NoIdentifier =
        new("identifier", RuleCodes.Required, RuleOrigin.Auth0, null, "The identifier is required.");

    [Fact]
    public void The_message_lists_every_broken_rule_on_its_own_line()
    {
        var exception = new DefinitionException("API", [NameTooLong, NoIdentifier]);

        exception.Message.Should().Be(
            "The API definition breaks 2 rules:" + Environment.NewLine +
            "  - name: The name is 201 characters long; Auth0 allows at most 200 characters. [max_length]" + Environment.NewLine +
            "  - identifier: The identifier is required. [required]");
        exception.DefinitionKind.Should().Be("API");
        exception.Errors.Should().Equal(NameTooLong, NoIdentifier);
    }

    [Fact]
    public void One_broken_rule_is_one_rule()
    {
        new DefinitionException("authorization", [NoIdentifier]).Message.Should().StartWith("The authorization definition breaks 1 rule:");
    }

    [Fact]
    public void The_exception_keeps_its_own_copy_of_the_errors()
    {
        var errors = new List<ValidationError> { NameTooLong };
        var exception = new DefinitionException("API", errors);

        errors.Add(NoIdentifier);

        exception.Errors.Should().Equal(NameTooLong);
    }

    [Fact]
    public void An_exception_without_broken_rules_is_refused()
    {
        FluentActions.Invoking(() => new DefinitionException("API", Array.Empty<ValidationError>()))
            .Should().Throw<ArgumentException>().WithParameterName("errors");
        FluentActions.Invoking(() => new DefinitionException("API", (IReadOnlyList<ValidationError>)null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("errors");
        FluentActions.Invoking(() => new DefinitionException(null!, [NoIdentifier]))
            .Should().Throw<ArgumentNullException>().WithParameterName("definitionKind");
    }

    [Fact]
    public void The_standard_constructors_work_and_list_no_rules()
    {
        new DefinitionException().Message.Should().Be("The definition is not valid.");
        new DefinitionException("custom").Errors.Should().BeEmpty();
        var inner = new InvalidOperationException();
        var wrapped = new DefinitionException("custom", inner);
        wrapped.InnerException.Should().BeSameAs(inner);
        wrapped.DefinitionKind.Should().Be("definition");
    }
}
