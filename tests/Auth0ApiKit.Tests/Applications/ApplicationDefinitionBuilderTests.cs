using Auth0ApiKit.Applications;
using Auth0ApiKit.Tests.Validation;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Applications;

public class ApplicationDefinitionBuilderTests
{
    [Fact]
    public void Builds_an_application_with_every_setting()
    {
        var app = Application.Define("Billing", ApplicationKind.RegularWeb)
            .WithGrantTypes([GrantType.AuthorizationCode, GrantType.ClientCredentials])
            .WithCallback(new Uri("https://billing.example.com/callback"))
            .WithCallback(new Uri("http://localhost:3000/callback"))
            .FirstParty(false)
            .Build();

        app.Name.Should().Be("Billing");
        app.Kind.Should().Be(ApplicationKind.RegularWeb);
        app.GrantTypes.Should().Equal(GrantType.AuthorizationCode, GrantType.ClientCredentials);
        app.Callbacks.Should().Equal(new Uri("https://billing.example.com/callback"), new Uri("http://localhost:3000/callback"));
        app.IsFirstParty.Should().BeFalse();
        app.EffectiveIsFirstParty.Should().BeFalse();
        app.ToString().Should().Be("Application 'Billing' (regular_web): grant types [authorization_code, client_credentials]");
    }

    [Fact]
    public void Unset_settings_stay_unset_and_the_defaults_apply()
    {
        var app = Application.Define("Worker", ApplicationKind.MachineToMachine).Build();

        app.GrantTypes.Should().BeNull();
        app.Callbacks.Should().BeNull();
        app.IsFirstParty.Should().BeNull();
        app.EffectiveIsFirstParty.Should().BeTrue("applications created in a tenant are first party");
        app.CanUseClientCredentials.Should().BeTrue();
    }

    [Fact]
    public void Grant_types_set_replace_the_kinds_defaults()
    {
        Application.Define("Web", ApplicationKind.RegularWeb).WithGrantTypes([GrantType.AuthorizationCode]).Build()
            .CanUseClientCredentials.Should().BeFalse();
        Application.Define("Worker", ApplicationKind.MachineToMachine).WithGrantTypes([]).Build()
            .CanUseClientCredentials.Should().BeFalse();
    }

    [Theory]
    [InlineData("spa")]
    [InlineData("native")]
    public void A_public_client_cannot_be_given_client_credentials(string kind)
    {
        var name = kind == "spa" ? "single-page" : "native";
        Application.Define("App", kind).WithGrantTypes([GrantType.AuthorizationCode, GrantType.ClientCredentials])
            .ShouldBeSingleError("grant_types", RuleCodes.ClientCredentialsNotAllowed, RuleOrigin.Sdk, null,
                $"A {name} application is a public client", "cannot use the client-credentials grant");
    }

    [Fact]
    public void An_empty_name_is_missing()
    {
        Application.Define("", ApplicationKind.MachineToMachine)
            .ShouldBeSingleError("name", RuleCodes.Required, RuleOrigin.Auth0, 1, "The application name must not be empty")
            .SchemaDetail.Should().Be("String is too short (0 chars), minimum 1");
    }

    [Fact]
    public void A_name_of_white_space_only_needs_a_visible_character() =>
        Application.Define("   ", ApplicationKind.MachineToMachine)
            .ShouldBeSingleError("name", RuleCodes.Required, RuleOrigin.Sdk, 1, "3 characters of white space", "visible character");

    [Fact]
    public void An_unknown_kind_is_refused_by_the_SDK()
    {
        Application.Define("App", "sso_integration")
            .ShouldBeSingleError("app_type", RuleCodes.UnsupportedValue, RuleOrigin.Sdk, null,
                "'sso_integration' is not supported", "regular_web, non_interactive, spa, native");
    }

    [Fact]
    public void A_relative_callback_is_refused_with_its_index()
    {
        Application.Define("Web", ApplicationKind.RegularWeb)
            .WithCallback(new Uri("https://ok.example.com/cb"))
            .WithCallback(new Uri("/callback", UriKind.Relative))
            .ShouldBeSingleError("callbacks[1]", RuleCodes.AbsoluteUri, RuleOrigin.Sdk, null, "'/callback'", "absolute URL");
    }

    [Fact]
    public void Equal_applications_are_equal_and_hash_alike_and_differ_in_each_setting()
    {
        static ApplicationDefinitionBuilder Web() => Application.Define("Web", ApplicationKind.RegularWeb)
            .WithGrantTypes([GrantType.AuthorizationCode]).WithCallback(new Uri("https://web.example.com/cb")).FirstParty();

        var app = Web().Build();

        app.Should().Be(Web().Build());
        (app == Web().Build()).Should().BeTrue();
        app.GetHashCode().Should().Be(Web().Build().GetHashCode());
        app.Should().NotBe(Application.Define("Other", ApplicationKind.RegularWeb).WithGrantTypes([GrantType.AuthorizationCode])
            .WithCallback(new Uri("https://web.example.com/cb")).FirstParty().Build());
        app.Should().NotBe(Application.Define("Web", ApplicationKind.MachineToMachine).WithGrantTypes([GrantType.AuthorizationCode])
            .WithCallback(new Uri("https://web.example.com/cb")).FirstParty().Build());
        app.Should().NotBe(Web().WithGrantTypes([GrantType.Implicit]).Build());
        app.Should().NotBe(Web().WithCallback(new Uri("https://web.example.com/other")).Build());
        app.Should().NotBe(Web().FirstParty(false).Build());
        (app != Application.Define("Web", ApplicationKind.RegularWeb).Build()).Should().BeTrue("unset grant types differ from set ones");
    }

    [Fact]
    public void A_built_application_does_not_change_when_the_builder_goes_on()
    {
        var builder = Application.Define("Web", ApplicationKind.RegularWeb).WithCallback(new Uri("https://a.example.com"));
        var first = builder.Build();

        builder.WithCallback(new Uri("https://b.example.com"));

        first.Callbacks.Should().ContainSingle();
        builder.Build().Callbacks.Should().HaveCount(2);
    }

    [Fact]
    public void Null_arguments_are_refused_at_once()
    {
        FluentActions.Invoking(() => Application.Define(null!, ApplicationKind.Native))
            .Should().Throw<ArgumentNullException>().WithParameterName("name");
        FluentActions.Invoking(() => Application.Define("App", ApplicationKind.Native).WithGrantTypes(null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("grantTypes");
        FluentActions.Invoking(() => Application.Define("App", ApplicationKind.Native).WithCallback(null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("callback");
    }
}
