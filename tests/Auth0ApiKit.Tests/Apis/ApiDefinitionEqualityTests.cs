using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Tests.Apis;

public class ApiDefinitionEqualityTests
{
    [Fact]
    public void Definitions_with_the_same_settings_are_equal_and_hash_alike()
    {
        var left = SampleApis.Full().Build();
        var right = SampleApis.Full().Build();

        left.Should().NotBeSameAs(right);
        left.Equals(right).Should().BeTrue();
        left.Equals((object)right).Should().BeTrue();
        (left == right).Should().BeTrue();
        (left != right).Should().BeFalse();
        left.GetHashCode().Should().Be(right.GetHashCode());
    }

    [Fact]
    public void The_signing_secret_is_compared_by_value()
    {
        var left = SampleApis.Full().WithSigningSecret(new Secret("0123456789abcdef-same")).Build();
        var right = SampleApis.Full().WithSigningSecret(new Secret("0123456789abcdef-same")).Build();
        var other = SampleApis.Full().WithSigningSecret(new Secret("0123456789abcdef-diff")).Build();

        left.Should().Be(right);
        left.GetHashCode().Should().Be(right.GetHashCode());
        left.Should().NotBe(other);
    }

    public static TheoryData<string, Func<ApiDefinitionBuilder, ApiDefinitionBuilder>> OneChange => new()
    {
        { "name", b => b.Named("Other") },
        { "identifier", b => b.WithIdentifier("urn:other") },
        { "signing algorithm", b => b.SignedWith(SigningAlgorithm.RS256) },
        { "signing secret", b => b.WithSigningSecret("another-secret-of-20") },
        { "token lifetime", b => b.TokensExpireAfter(TimeSpan.FromHours(3)) },
        { "web token lifetime", b => b.WebTokensExpireAfter(TimeSpan.FromMinutes(30)) },
        { "skip consent", b => b.AllowSkippingUserConsent(false) },
        { "offline access", b => b.AllowOfflineAccess(false) },
        { "enforce policies", b => b.EnforcePolicies(false) },
        { "token dialect", b => b.WithTokenDialect(TokenDialect.AccessToken) },
        { "scope description", b => b.WithNoScopes().WithScope("read:orders", "Read all orders").WithScope("write:orders", "Create and change orders") },
        { "scope value", b => b.WithNoScopes().WithScope("read:order", "Read orders").WithScope("write:orders", "Create and change orders") },
        { "scope added", b => b.WithScope("delete:orders") },
        { "no scopes", b => b.WithNoScopes() },
    };

    [Theory]
    [MemberData(nameof(OneChange))]
    public void Definitions_that_differ_in_one_setting_are_not_equal(string setting, Func<ApiDefinitionBuilder, ApiDefinitionBuilder> change)
    {
        // Unchecked, so that one setting can change alone (an RS256 variant keeps the secret).
        var original = SampleApis.Full().BuildUnchecked();
        var changed = change(SampleApis.Full()).BuildUnchecked();

        changed.Should().NotBe(original, $"the {setting} differs");
        (changed == original).Should().BeFalse();
        (changed != original).Should().BeTrue();
    }

    [Fact]
    public void Unset_differs_from_set_to_the_default()
    {
        SampleApis.Orders().Build().Should().NotBe(SampleApis.Orders().SignedWith(SigningAlgorithm.RS256).Build());
        SampleApis.Orders().Build().Should().NotBe(SampleApis.Orders().AllowOfflineAccess(false).Build());
        SampleApis.Orders().Build().Should().NotBe(SampleApis.Orders().TokensExpireAfter(TimeSpan.FromHours(24)).Build());
    }

    [Fact]
    public void The_order_of_scopes_matters()
    {
        var ab = SampleApis.Orders().WithScope("a").WithScope("b").Build();
        var ba = SampleApis.Orders().WithScope("b").WithScope("a").Build();

        ab.Should().NotBe(ba);
    }

    [Fact]
    public void A_definition_is_not_equal_to_null_or_to_another_type()
    {
        var api = SampleApis.Orders().Build();

        ApiDefinition? none = null;

        api.Equals((object?)"https://orders.example.com").Should().BeFalse();
        (api == none).Should().BeFalse();
        (none == api).Should().BeFalse();
        api.Equals(none).Should().BeFalse();
        ((ApiDefinition?)null == null).Should().BeTrue();
    }

    [Fact]
    public void Equal_definitions_find_each_other_in_a_hash_set()
    {
        var set = new HashSet<ApiDefinition> { SampleApis.Full().Build(), SampleApis.Orders().Build() };

        set.Should().Contain(SampleApis.Full().Build());
        set.Should().Contain(SampleApis.Orders().Build());
        set.Should().NotContain(SampleApis.Full().Named("Other").Build());
    }
}
