using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Tests.Apis;

namespace Auth0ApiKit.Tests.Applications;

public class UserConsentTests
{
    [Theory]
    [InlineData("https://app.example.com/callback")]
    [InlineData("http://example.com")]
    [InlineData("https://app.example.com:8443/cb?x=1")]
    [InlineData("https://localhost.example.com/cb")]
    [InlineData("https://mylocalhost/cb")]
    [InlineData("https://127.0.0.1.nip.io/cb")]
    [InlineData("https://10.0.0.1/cb")]
    [InlineData("myapp://callback")]
    public void Consent_is_skipped_for_a_first_party_application_on_an_API_that_allows_it(string redirect) =>
        UserConsent.IsSkipped(applicationIsFirstParty: true, apiAllowsSkipping: true, new Uri(redirect)).Should().BeTrue();

    [Theory]
    [InlineData("http://localhost/callback")]
    [InlineData("http://LOCALHOST:3000/callback")]
    [InlineData("https://LocalHost:8443")]
    [InlineData("http://localhost./callback")]
    [InlineData("http://127.0.0.1/callback")]
    [InlineData("http://127.0.0.1:5000/callback")]
    [InlineData("http://127.1/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://127.0.0.2/")]
    [InlineData("http://[::1]/callback")]
    [InlineData("http://[::1]:8080/callback")]
    [InlineData("http://[0:0:0:0:0:0:0:1]/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    public void Consent_is_never_skipped_for_a_localhost_redirect(string redirect) =>
        UserConsent.IsSkipped(applicationIsFirstParty: true, apiAllowsSkipping: true, new Uri(redirect)).Should().BeFalse();

    [Theory]
    [InlineData("urn:ietf:wg:oauth:2.0:oob")]
    [InlineData("file:///tmp/callback")]
    public void Consent_is_asked_when_the_redirect_has_no_host_to_verify(string redirect) =>
        UserConsent.IsSkipped(true, true, new Uri(redirect)).Should().BeFalse();

    [Fact]
    public void Consent_is_asked_for_a_missing_or_relative_redirect()
    {
        UserConsent.IsSkipped(true, true, null).Should().BeFalse();
        UserConsent.IsSkipped(true, true, new Uri("/callback", UriKind.Relative)).Should().BeFalse();
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Consent_is_asked_of_third_party_applications_and_on_APIs_that_do_not_allow_skipping(bool firstParty, bool apiAllows) =>
        UserConsent.IsSkipped(firstParty, apiAllows, new Uri("https://app.example.com/callback")).Should().BeFalse();

    [Fact]
    public void The_rule_reads_the_definitions_with_their_defaults()
    {
        var redirect = new Uri("https://app.example.com/callback");
        var firstParty = Application.Define("web", ApplicationKind.RegularWeb).Build();
        var thirdParty = Application.Define("partner", ApplicationKind.RegularWeb).FirstParty(false).Build();
        var allowing = SampleApis.Orders().AllowSkippingUserConsent().Build();
        var unset = SampleApis.Orders().Build();

        UserConsent.IsSkipped(firstParty, allowing, redirect).Should().BeTrue("applications are first party unless set otherwise");
        UserConsent.IsSkipped(thirdParty, allowing, redirect).Should().BeFalse();
        UserConsent.IsSkipped(firstParty, unset, redirect).Should().BeFalse("an API does not allow skipping unless set");
        UserConsent.IsSkipped(firstParty, allowing, new Uri("http://localhost:3000/callback")).Should().BeFalse();
    }

    [Fact]
    public void Null_definitions_are_refused()
    {
        var api = SampleApis.Orders().Build();
        var app = Application.Define("web", ApplicationKind.RegularWeb).Build();

        FluentActions.Invoking(() => UserConsent.IsSkipped(null!, api, null)).Should().Throw<ArgumentNullException>().WithParameterName("application");
        FluentActions.Invoking(() => UserConsent.IsSkipped(app, (ApiDefinition)null!, null)).Should().Throw<ArgumentNullException>().WithParameterName("api");
    }
}
