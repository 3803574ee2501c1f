using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Validation;

/// <summary>Asserts on the broken rules a builder reports: path, rule code, origin, limit and the message's key words.</summary>
internal static class ValidationAssertions
{
    /// <summary>Asserts that exactly one rule is broken and that it is the expected one; returns it for further checks.</summary>
    public static ValidationError ShouldBeSingleError<TDefinition>(
        this DefinitionBuilder<TDefinition> builder, string path, string rule, RuleOrigin origin, long? limit, params string[] messageWords)
        where TDefinition : class =>
        builder.Validate().ShouldBeSingleError(path, rule, origin, limit, messageWords);

    /// <summary>Asserts that <paramref name="errors"/> holds exactly the expected error.</summary>
    public static ValidationError ShouldBeSingleError(
        this IReadOnlyList<ValidationError> errors, string path, string rule, RuleOrigin origin, long? limit, params string[] messageWords)
    {
        var error = errors.Should().ContainSingle().Subject;
        error.ShouldBe(path, rule, origin, limit, messageWords);
        return error;
    }

    /// <summary>Asserts every part of one error.</summary>
    public static void ShouldBe(this ValidationError error, string path, string rule, RuleOrigin origin, long? limit, params string[] messageWords)
    {
        error.Path.Should().Be(path);
        error.Rule.Should().Be(rule);
        error.Origin.Should().Be(origin);
        error.Limit.Should().Be(limit);
        foreach (var word in messageWords)
        {
            error.Message.Should().Contain(word);
        }

        error.Message.Should().EndWith(".", "messages are sentences");
        if (origin != RuleOrigin.Auth0)
        {
            error.SchemaDetail.Should().BeNull("only rules Auth0 makes carry its schema detail");
        }
    }

    /// <summary>Asserts that the builder breaks no rule, and builds.</summary>
    public static TDefinition ShouldBuild<TDefinition>(this DefinitionBuilder<TDefinition> builder)
        where TDefinition : class
    {
        builder.Validate().Should().BeEmpty();
        return builder.Build();
    }
}
