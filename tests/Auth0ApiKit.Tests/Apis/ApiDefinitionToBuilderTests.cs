using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Tests.Apis;

public class ApiDefinitionToBuilderTests
{
    [Fact]
    public void A_definition_round_trips_through_its_builder()
    {
        var api = SampleApis.Full().WithGeneratedSigningSecret().AllowOfflineAccess(false).WithTokenDialect(TokenDialect.Rfc9068ProfileAuthz).Build();

        var copy = api.ToBuilder().Build();

        copy.Should().Be(api);
        copy.Should().NotBeSameAs(api);
        copy.SigningSecret!.Reveal().Should().Be(api.SigningSecret!.Reveal());
    }

    [Fact]
    public void Unset_settings_stay_unset_through_the_builder()
    {
        var api = Api.WithIdentifier("urn:orders").Build();

        var copy = api.ToBuilder().Build();

        copy.Should().Be(api);
        copy.Name.Should().BeNull();
        copy.Scopes.Should().BeNull();
        copy.TokenLifetime.Should().BeNull();
    }

    [Fact]
    public void No_scopes_stays_no_scopes_through_the_builder() =>
        SampleApis.Orders().WithNoScopes().Build().ToBuilder().Build().Scopes.Should().NotBeNull().And.BeEmpty();

    [Fact]
    public void Changing_the_derived_builder_leaves_the_original_alone()
    {
        var api = SampleApis.OrdersWithScopes();

        var changed = api.ToBuilder().WithScope("delete:orders").Named("Orders API v2").Build();

        api.Scopes.Should().HaveCount(2);
        api.Name.Should().Be("Orders API");
        changed.Scopes.Should().HaveCount(3);
        changed.Name.Should().Be("Orders API v2");
        changed.Identifier.Should().Be(api.Identifier);
    }
}
