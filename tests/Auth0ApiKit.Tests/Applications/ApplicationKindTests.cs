using Auth0ApiKit.Applications;

namespace Auth0ApiKit.Tests.Applications;

public class ApplicationKindTests
{
    public static TheoryData<ApplicationKind, string, bool, bool> Kinds => new()
    {
        { ApplicationKind.RegularWeb, "regular_web", false, true },
        { ApplicationKind.MachineToMachine, "non_interactive", false, true },
        { ApplicationKind.SinglePage, "spa", true, false },
        { ApplicationKind.Native, "native", true, false },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_has_Auth0s_name_and_client_credentials_by_default_only_when_it_keeps_a_secret(
        ApplicationKind kind, string value, bool isPublicClient, bool clientCredentialsByDefault)
    {
        kind.Value.Should().Be(value);
        kind.ToString().Should().Be(value);
        kind.IsKnown.Should().BeTrue();
        kind.IsPublicClient.Should().Be(isPublicClient);
        kind.DefaultGrantTypes.Contains(GrantType.ClientCredentials).Should().Be(clientCredentialsByDefault);
        new ApplicationKind(value).Should().Be(kind);
        ApplicationKind.FromString(value).Should().Be(kind);

        var application = Application.Define("app", kind).Build();
        application.GrantTypes.Should().BeNull("the kind's defaults apply");
        application.EffectiveGrantTypes.Should().Equal(kind.DefaultGrantTypes);
        application.CanUseClientCredentials.Should().Be(clientCredentialsByDefault);
    }

    [Fact]
    public void The_default_grant_types_are_Auth0s()
    {
        ApplicationKind.MachineToMachine.DefaultGrantTypes.Should().Equal(GrantType.ClientCredentials);
        ApplicationKind.RegularWeb.DefaultGrantTypes.Should().Equal(
            GrantType.AuthorizationCode, GrantType.Implicit, GrantType.RefreshToken, GrantType.ClientCredentials);
        ApplicationKind.SinglePage.DefaultGrantTypes.Should().Equal(GrantType.AuthorizationCode, GrantType.Implicit, GrantType.RefreshToken);
        ApplicationKind.Native.DefaultGrantTypes.Should().Equal(GrantType.AuthorizationCode, GrantType.Implicit, GrantType.RefreshToken);
    }

    [Fact]
    public void An_unknown_kind_is_kept_as_it_is_with_no_default_grant_types()
    {
        ApplicationKind kind = "sso_integration";

        kind.Value.Should().Be("sso_integration");
        kind.IsKnown.Should().BeFalse();
        kind.IsPublicClient.Should().BeFalse();
        kind.DefaultGrantTypes.Should().BeEmpty();
        default(ApplicationKind).Value.Should().BeEmpty();
    }

    [Fact]
    public void Grant_types_have_Auth0s_names()
    {
        GrantType.ClientCredentials.Value.Should().Be("client_credentials");
        GrantType.AuthorizationCode.Value.Should().Be("authorization_code");
        GrantType.Implicit.Value.Should().Be("implicit");
        GrantType.RefreshToken.Value.Should().Be("refresh_token");
        GrantType.Password.Value.Should().Be("password");
        ((GrantType)"client_credentials").Should().Be(GrantType.ClientCredentials);
        GrantType.FromString("password").ToString().Should().Be("password");
    }

    [Fact]
    public void Null_names_are_refused()
    {
        FluentActions.Invoking(() => new ApplicationKind(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new GrantType(null!)).Should().Throw<ArgumentNullException>();
    }
}
