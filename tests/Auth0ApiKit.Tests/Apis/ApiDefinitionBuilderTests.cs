using Auth0ApiKit.Apis;
using Auth0ApiKit.Tests.Validation;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Apis;

public class ApiDefinitionBuilderTests
{
    [Fact]
    public void Builds_a_definition_with_every_setting()
    {
        var api = SampleApis.Full().Build();

        api.Name.Should().Be("Orders API");
        api.Identifier.Should().Be("https://orders.example.com");
        api.SigningAlgorithm.Should().Be(SigningAlgorithm.HS256);
        api.SigningSecret!.Reveal().Should().Be(SampleApis.FullSecret);
        api.TokenLifetime.Should().Be(TimeSpan.FromHours(2));
        api.WebTokenLifetime.Should().Be(TimeSpan.FromHours(1));
        api.AllowSkippingUserConsent.Should().BeTrue();
        api.AllowOfflineAccess.Should().BeTrue();
        api.EnforcePolicies.Should().BeTrue();
        api.TokenDialect.Should().Be(TokenDialect.AccessTokenAuthz);
        api.Scopes.Should().Equal(new Scope("read:orders", "Read orders"), new Scope("write:orders", "Create and change orders"));
    }

    [Fact]
    public void Settings_that_were_not_set_stay_unset()
    {
        var api = Api.WithIdentifier("urn:orders").Build();

        api.Identifier.Should().Be("urn:orders");
        api.Name.Should().BeNull();
        api.SigningAlgorithm.Should().BeNull();
        api.SigningSecret.Should().BeNull();
        api.TokenLifetime.Should().BeNull();
        api.WebTokenLifetime.Should().BeNull();
        api.AllowSkippingUserConsent.Should().BeNull();
        api.AllowOfflineAccess.Should().BeNull();
        api.Scopes.Should().BeNull();
        api.EnforcePolicies.Should().BeNull();
        api.TokenDialect.Should().BeNull();
    }

    [Fact]
    public void Switches_set_to_false_are_set_not_unset()
    {
        var api = SampleApis.Orders().AllowSkippingUserConsent(false).AllowOfflineAccess(false).EnforcePolicies(false).Build();

        api.AllowSkippingUserConsent.Should().BeFalse();
        api.AllowOfflineAccess.Should().BeFalse();
        api.EnforcePolicies.Should().BeFalse();
    }

    [Fact]
    public void A_later_setting_replaces_an_earlier_one()
    {
        var api = Api.Define("First").Named("Second").WithIdentifier("urn:a").WithIdentifier("urn:b")
            .SignedWith(SigningAlgorithm.HS256).SignedWith(SigningAlgorithm.RS256)
            .TokensExpireAfter(TimeSpan.FromHours(1)).TokensExpireAfter(TimeSpan.FromHours(3))
            .Build();

        api.Name.Should().Be("Second");
        api.Identifier.Should().Be("urn:b");
        api.SigningAlgorithm.Should().Be(SigningAlgorithm.RS256);
        api.TokenLifetime.Should().Be(TimeSpan.FromHours(3));
    }

    [Fact]
    public void No_scopes_is_an_empty_list_while_unset_scopes_are_null()
    {
        var unset = SampleApis.Orders().Build();
        var none = SampleApis.Orders().WithNoScopes().Build();
        var emptyList = SampleApis.Orders().WithScopes([]).Build();

        unset.Scopes.Should().BeNull("the tenant's scopes are left alone");
        none.Scopes.Should().NotBeNull().And.BeEmpty("the tenant's scopes would be removed");
        emptyList.Scopes.Should().NotBeNull().And.BeEmpty();
        none.Should().NotBe(unset);
        none.Should().Be(emptyList);
    }

    [Fact]
    public void WithNoScopes_drops_the_scopes_added_before_and_later_scopes_add_again()
    {
        var api = SampleApis.Orders().WithScope("a").WithNoScopes().WithScope("b").Build();

        api.Scopes.Should().Equal(new Scope("b"));
    }

    [Fact]
    public void Scopes_keep_the_order_they_were_added_in()
    {
        var api = SampleApis.Orders()
            .WithScope("c")
            .WithScopes([new Scope("a", "A"), new Scope("b")])
            .WithScope(new Scope("d", "D"))
            .Build();

        api.Scopes!.Select(s => s.Value).Should().Equal("c", "a", "b", "d");
        api.DefinesScope("a").Should().BeTrue();
        api.DefinesScope("A").Should().BeFalse("scope values compare ordinally");
        api.DefinesScope("e").Should().BeFalse();
        SampleApis.Orders().Build().DefinesScope("a").Should().BeFalse();
    }

    [Fact]
    public void A_built_definition_does_not_change_when_the_builder_goes_on()
    {
        var builder = SampleApis.Orders().WithScope("read:orders");
        var first = builder.Build();

        builder.Named("Changed").WithScope("write:orders").TokensExpireAfter(TimeSpan.FromHours(1));
        var second = builder.Build();

        first.Name.Should().Be("Orders API");
        first.Scopes.Should().Equal(new Scope("read:orders"));
        first.TokenLifetime.Should().BeNull();
        second.Scopes.Should().HaveCount(2);
    }

    [Fact]
    public void The_scopes_of_a_definition_cannot_be_changed_through_a_cast()
    {
        var api = SampleApis.OrdersWithScopes();

        var asList = (IList<Scope>)api.Scopes!;
        var act = () => asList.Add(new Scope("delete:orders"));

        act.Should().Throw<NotSupportedException>();
        api.Scopes.Should().HaveCount(2);
    }

    [Fact]
    public void A_generated_signing_secret_is_32_letters_and_digits_and_builds_for_HS256()
    {
        var first = SampleApis.Orders().SignedWith(SigningAlgorithm.HS256).WithGeneratedSigningSecret().ShouldBuild();
        var second = SampleApis.Orders().SignedWith(SigningAlgorithm.HS256).WithGeneratedSigningSecret().ShouldBuild();

        first.SigningSecret!.Reveal().Should().MatchRegex("^[A-Za-z0-9]{32}$");
        first.SigningSecret.Should().NotBe(second.SigningSecret);
        ApiLimits.GeneratedSigningSecretLength.Should().Be(32);
    }

    [Fact]
    public void Build_throws_one_exception_listing_every_broken_rule()
    {
        var builder = Api.Define(new string('n', 201))
            .WithIdentifier("")
            .TokensExpireAfter(TimeSpan.FromSeconds(-1))
            .WithScope("read orders");

        var act = () => builder.Build();

        var thrown = act.Should().Throw<DefinitionException>().Which;
        thrown.DefinitionKind.Should().Be("API");
        thrown.Errors.Select(e => e.Path).Should().Equal("name", "identifier", "token_lifetime", "scopes[0].value");
        thrown.Errors.Should().Equal(builder.Validate());
        thrown.Message.Should().StartWith("The API definition breaks 4 rules:");
        foreach (var error in thrown.Errors)
        {
            thrown.Message.Should().Contain(error.ToString());
        }
    }

    [Fact]
    public void TryBuild_returns_the_errors_instead_of_throwing()
    {
        var broken = Api.Define("a<b");
        var valid = SampleApis.Orders();

        broken.TryBuild(out var none, out var errors).Should().BeFalse();
        none.Should().BeNull();
        errors.Select(e => (e.Path, e.Rule)).Should().Equal(("name", RuleCodes.ForbiddenCharacter), ("identifier", RuleCodes.Required));

        valid.TryBuild(out var api, out var noErrors).Should().BeTrue();
        api.Should().Be(valid.Build());
        noErrors.Should().BeEmpty();
    }

    public static TheoryData<string, Action> NullArguments => new()
    {
        { "name", () => Api.Define(null!) },
        { "identifier", () => Api.WithIdentifier(null!) },
        { "name", () => SampleApis.Orders().Named(null!) },
        { "identifier", () => SampleApis.Orders().WithIdentifier(null!) },
        { "secret", () => SampleApis.Orders().WithSigningSecret((Secret)null!) },
        { "secret", () => SampleApis.Orders().WithSigningSecret((string)null!) },
        { "value", () => SampleApis.Orders().WithScope((string)null!) },
        { "scope", () => SampleApis.Orders().WithScope((Scope)null!) },
        { "scopes", () => SampleApis.Orders().WithScopes(null!) },
        { "scopes", () => SampleApis.Orders().WithScopes([new Scope("a"), null!]) },
        { "value", () => _ = new Scope(null!) },
        { "value", () => _ = new SigningAlgorithm(null!) },
        { "value", () => _ = new TokenDialect(null!) },
        { "value", () => SampleApis.OrdersWithScopes().DefinesScope(null!) },
    };

    [Theory]
    [MemberData(nameof(NullArguments))]
    public void Null_arguments_are_refused_at_once(string parameter, Action act) =>
        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be(parameter);

    [Fact]
    public void A_null_scope_in_a_list_adds_none_of_the_list()
    {
        var builder = SampleApis.Orders().WithScope("first");

        var act = () => builder.WithScopes([new Scope("a"), null!]);

        act.Should().Throw<ArgumentNullException>();
        builder.Build().Scopes.Should().Equal(new Scope("first"));
    }
}
