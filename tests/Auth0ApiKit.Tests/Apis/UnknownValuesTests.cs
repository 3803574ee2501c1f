using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Tests.Apis;

/// <summary>An API read from a real tenant may carry values the SDK does not model; reading it must not fail.</summary>
public class UnknownValuesTests
{
    [Fact]
    public void An_API_read_with_PS256_and_a_future_dialect_keeps_both()
    {
        var read = Api.Define("Legacy API")
            .WithIdentifier("https://legacy.example.com")
            .SignedWith(new SigningAlgorithm("PS256"))
            .WithTokenDialect(new TokenDialect("future_dialect"))
            .BuildUnchecked();

        read.SigningAlgorithm!.Value.Value.Should().Be("PS256");
        read.EffectiveSigningAlgorithm.IsSupported.Should().BeFalse();
        read.TokenDialect!.Value.Value.Should().Be("future_dialect");
        read.EffectiveTokenDialect.IsKnown.Should().BeFalse();
        read.ToString().Should().Contain("PS256").And.Contain("dialect future_dialect");
    }

    [Fact]
    public void An_API_read_with_unknown_values_round_trips_unchanged()
    {
        var read = Api.WithIdentifier("urn:legacy").SignedWith("RS512").WithTokenDialect("future_dialect").BuildUnchecked();

        var copy = read.ToBuilder().BuildUnchecked();

        copy.Should().Be(read);
        copy.SigningAlgorithm.Should().Be(new SigningAlgorithm("RS512"));
    }

    [Fact]
    public void The_unknown_values_are_reported_only_when_such_a_definition_is_validated()
    {
        var read = Api.WithIdentifier("urn:legacy").SignedWith("PS256").WithTokenDialect("future_dialect").BuildUnchecked();

        read.ToBuilder().Validate().Select(e => e.Path).Should().Equal("signing_alg", "token_dialect");
    }
}
