using System.Text.Json;
using Auth0ApiKit.Tests.Validation;
using Auth0ApiKit.Users;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Users;

public class UserDefinitionBuilderTests
{
    /// <summary>A password that meets Auth0's "good" policy (lower, upper, digit).</summary>
    private const string Good = "Passw0rdX";

    private static UserDefinitionBuilder Ann(string password = Good) => User.Define("ann@example.com").WithPassword(new Secret(password));

    [Fact]
    public void Defines_a_user_with_a_password_a_profile_and_metadata()
    {
        using var app = JsonDocument.Parse("""{"plan":"gold"}""");
        var ann = Ann().WithName("Ann Example").WithNickname("ann").WithEmailVerified().WithAppMetadata(app.RootElement)
            .WithUserMetadata(JsonElement.Parse("""{"theme":"dark"}""")).ShouldBuild();

        ann.Email.Should().Be("ann@example.com");
        ann.Password.Reveal().Should().Be(Good);
        ann.Name.Should().Be("Ann Example");
        ann.Nickname.Should().Be("ann");
        ann.EmailVerified.Should().BeTrue();
        ann.AppMetadata!.Value.GetProperty("plan").GetString().Should().Be("gold", "the definition keeps its own copy of the metadata");
        ann.UserMetadata!.Value.GetProperty("theme").GetString().Should().Be("dark");
    }

    [Fact]
    public void Leaves_what_is_not_set_to_Auth0s_defaults()
    {
        var ann = Ann().ShouldBuild();

        ann.Name.Should().BeNull();
        ann.Nickname.Should().BeNull();
        ann.EmailVerified.Should().BeNull();
        ann.AppMetadata.Should().BeNull();
        ann.UserMetadata.Should().BeNull();
    }

    [Fact]
    public void The_password_never_shows_in_ToString_or_in_errors()
    {
        const string weak = "hunter2hunter";
        var errors = Ann(weak).WithName("").Validate();

        Ann().ShouldBuild().ToString().Should().Be("User 'ann@example.com'").And.NotContain(Good);
        errors.Should().HaveCount(2);
        errors.Should().AllSatisfy(e => e.ToString().Should().NotContain(weak));
        new DefinitionException("user", errors).Message.Should().NotContain(weak);
    }

    [Fact]
    public void A_password_is_required()
    {
        var error = User.Define("ann@example.com").ShouldBeSingleError("password", RuleCodes.Required, RuleOrigin.Auth0, null, "password");

        error.SchemaDetail.Should().Be("Missing required property: password");
    }

    [Theory]
    [InlineData("Abcdef1", false)] // three kinds, 7 characters: one short
    [InlineData("Abcdef12", true)] // three kinds, 8 characters
    [InlineData("abcdefgh1", false)] // two kinds
    [InlineData("abcdef1!", true)] // lower, digit, other
    [InlineData("ABCDEF1!", true)] // upper, digit, other
    [InlineData("abcdEFGH", false)] // two kinds, however long
    [InlineData("Ab1!Ab1!", true)] // four kinds
    public void The_password_meets_Auth0s_default_good_policy_at_its_boundaries(string password, bool accepted)
    {
        if (accepted)
        {
            Ann(password).ShouldBuild();
        }
        else
        {
            Ann(password).ShouldBeSingleError("password", RuleCodes.WeakPassword, RuleOrigin.Auth0, 8, "at least 8 characters", "3 of")
                .SchemaDetail.Should().BeNull();
        }
    }

    [Theory]
    [InlineData("ann@example.com", true)]
    [InlineData("a@b.c", true)]
    [InlineData("ann@localhost", false)] // no dot in the domain
    [InlineData("@example.com", false)] // no local part
    [InlineData("ann@@example.com", false)]
    [InlineData("ann@example..com", false)]
    [InlineData("ann@.example.com", false)]
    [InlineData("ann @example.com", false)]
    public void The_email_is_in_the_format_the_user_table_accepts(string email, bool accepted)
    {
        var builder = User.Define(email).WithPassword(new Secret(Good));
        if (accepted)
        {
            builder.ShouldBuild();
        }
        else
        {
            builder.ShouldBeSingleError("email", RuleCodes.Format, RuleOrigin.Auth0, null, email)
                .SchemaDetail.Should().Be($"Object didn't pass validation for format email: {email}");
        }
    }

    [Fact]
    public void An_empty_email_is_missing()
    {
        User.Define("").WithPassword(new Secret(Good)).ShouldBeSingleError("email", RuleCodes.Required, RuleOrigin.Auth0, null, "email address");
    }

    [Theory]
    [InlineData(0, RuleCodes.Required, 1L)]
    [InlineData(1, null, null)]
    [InlineData(300, null, null)]
    [InlineData(301, RuleCodes.MaxLength, 300L)]
    public void Name_and_nickname_have_1_to_300_characters(int length, string? rule, long? limit)
    {
        var text = new string('n', length);
        foreach (var (builder, path) in new[] { (Ann().WithName(text), "name"), (Ann().WithNickname(text), "nickname") })
        {
            if (rule is null)
            {
                builder.ShouldBuild();
            }
            else
            {
                builder.ShouldBeSingleError(path, rule, RuleOrigin.Auth0, limit);
            }
        }
    }

    [Theory]
    [InlineData("[]", "array")]
    [InlineData("\"gold\"", "string")]
    [InlineData("null", "null")]
    [InlineData("{}", null)]
    public void Metadata_are_JSON_objects(string json, string? found)
    {
        var value = JsonElement.Parse(json);
        foreach (var (builder, path) in new[] { (Ann().WithAppMetadata(value), "app_metadata"), (Ann().WithUserMetadata(value), "user_metadata") })
        {
            if (found is null)
            {
                builder.ShouldBuild();
            }
            else
            {
                builder.ShouldBeSingleError(path, RuleCodes.NotAnObject, RuleOrigin.Auth0, null, path, found)
                    .SchemaDetail.Should().Be($"Expected type object but found type {found}");
            }
        }
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        User.Define("nobody").WithName("").WithAppMetadata(JsonElement.Parse("1")).Validate().Select(e => (e.Path, e.Rule)).Should().Equal(
            ("email", RuleCodes.Format), ("password", RuleCodes.Required), ("name", RuleCodes.Required), ("app_metadata", RuleCodes.NotAnObject));
    }

    [Fact]
    public void Null_arguments_are_refused_where_they_are_given()
    {
        FluentActions.Invoking(() => User.Define(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Ann().WithPassword(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Ann().WithName(null!)).Should().Throw<ArgumentNullException>();
    }
}
