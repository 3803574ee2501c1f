using System.Text.Json.Nodes;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Tests.Tokens;

public class SigningKeySetTests
{
    [Fact]
    public void An_empty_set_publishes_no_key()
    {
        var keys = new SigningKeySet();

        keys.Current.Should().BeNull();
        KeyIds(keys.ToJwksJson()).Should().BeEmpty();
    }

    [Fact]
    public void Rotation_publishes_the_current_and_the_previous_key()
    {
        var keys = new SigningKeySet(TestKeys.First);

        var dropped = keys.Rotate(TestKeys.Second);

        dropped.Should().BeNull();
        keys.Current.Should().BeSameAs(TestKeys.Second);
        keys.Previous.Should().BeSameAs(TestKeys.First);
        KeyIds(keys.ToJwksJson()).Should().Equal("second-key", "first-key");
        keys.Find("first-key").Should().BeSameAs(TestKeys.First);
    }

    [Fact]
    public void A_second_rotation_drops_the_oldest_key_and_returns_it()
    {
        var keys = new SigningKeySet(TestKeys.First);
        keys.Rotate(TestKeys.Second);

        var dropped = keys.Rotate(TestKeys.First);

        dropped.Should().BeNull("the previous key became current again");
        keys.Rotate(TestKeys.Attacker).Should().BeSameAs(TestKeys.Second);
        KeyIds(keys.ToJwksJson()).Should().Equal("attacker-key", "first-key");
    }

    [Fact]
    public void Revoking_stops_publishing_the_previous_key()
    {
        var keys = new SigningKeySet(TestKeys.Second, TestKeys.First);

        keys.Revoke().Should().BeSameAs(TestKeys.First);

        KeyIds(keys.ToJwksJson()).Should().Equal("second-key");
        keys.Find("first-key").Should().BeNull();
        keys.Revoke().Should().BeNull();
    }

    [Fact]
    public void Two_published_keys_cannot_share_a_key_id()
    {
        var keys = new SigningKeySet(TestKeys.First);

        keys.Invoking(k => k.Rotate(TestKeys.First)).Should().Throw<ArgumentException>().WithMessage("*first-key*");
        FluentActions.Invoking(() => new SigningKeySet(TestKeys.First, TestKeys.First)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_jwks_entries_are_the_public_jwks_of_the_keys()
    {
        var keys = new SigningKeySet(TestKeys.First);

        var jwks = JsonNode.Parse(keys.ToJwksJson())!;

        jwks["keys"]![0]!.ToJsonString().Should().Be(JsonNode.Parse(TestKeys.First.ToPublicJwkJson())!.ToJsonString());
        keys.ToString().Should().Be("Signing keys: first-key");
    }

    private static IEnumerable<string> KeyIds(string jwks) =>
        JsonNode.Parse(jwks)!["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>());
}
