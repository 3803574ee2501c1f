using System.Text;
using Auth0ApiKit.Wire.Schema;

namespace Auth0ApiKit.Tests.Wire;

/// <summary>
/// A table remembers the checks of create bodies it has seen, by their bytes: the same body gets the same answer
/// without a second check, a different body (one byte) is checked anew, and broken JSON is never remembered.
/// </summary>
public class WireShapeCreateMemoryTests
{
    private static WireShape NewShape(bool remembers = true) => new(
        WireField.String("name").Length(1, 5).IsRequired(),
        WireField.String("alg").OneOf("HS256", "RS256").DefaultsTo("\"RS256\""),
        WireField.Integer("lifetime").Range(0, 100).DefaultsTo("50"))
    {
        RemembersCreates = remembers,
    };

    private static ReadOnlyMemory<byte> Bytes(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void The_same_bytes_get_the_same_answer_from_memory()
    {
        var shape = NewShape();
        shape.TryCheckCreate(Bytes("""{"name":"api"}"""), out var first).Should().BeTrue();
        shape.TryCheckCreate(Bytes("""{"name":"api"}"""), out var second).Should().BeTrue();

        second.Should().BeSameAs(first);
        first!.Mistake.Should().BeNull();
        Defaults(first).Should().Equal(("alg", "\"RS256\""), ("lifetime", "50"));
    }

    [Fact]
    public void A_body_one_byte_apart_is_checked_anew()
    {
        var shape = NewShape();
        shape.TryCheckCreate(Bytes("""{"name":"api"}"""), out var good);
        shape.TryCheckCreate(Bytes("""{"name":"api_long"}"""), out var bad);

        bad.Should().NotBeSameAs(good);
        bad!.Mistake.Should().Be(new WireMistake("String is too long (8 chars), maximum 5", "name"));
    }

    [Fact]
    public void A_refused_body_is_refused_again_from_memory()
    {
        var shape = NewShape();
        shape.TryCheckCreate(Bytes("""{"alg":"none"}"""), out var first);
        shape.TryCheckCreate(Bytes("""{"alg":"none"}"""), out var second);

        second.Should().BeSameAs(first);
        second!.Mistake.Should().NotBeNull();
        second.DefaultCount.Should().Be(0);
    }

    [Theory]
    [InlineData("""{"name":""")]
    [InlineData("not json")]
    public void Broken_json_is_not_a_body_and_is_never_remembered(string text)
    {
        var shape = NewShape();
        shape.TryCheckCreate(Bytes(text), out var result).Should().BeFalse();
        result.Should().BeNull();
        shape.TryCheckCreate(Bytes(text), out _).Should().BeFalse();
    }

    [Fact]
    public void Invalid_utf8_is_not_a_body()
    {
        byte[] body = [(byte)'{', (byte)'"', (byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}'];
        NewShape().TryCheckCreate(body, out _).Should().BeFalse();
    }

    [Fact]
    public void Bodies_in_use_outlive_a_full_generation()
    {
        var shape = NewShape();
        shape.TryCheckCreate(Bytes("""{"name":"keep"}"""), out var kept);

        // Many other bodies, several generations' worth, with the kept one used now and then.
        for (var i = 0; i < 2_000; i++)
        {
            shape.TryCheckCreate(Bytes($$"""{"name":"n","lifetime":{{i % 100}},"alg":"{{(i % 2 == 0 ? "HS256" : "RS256")}}"}"""), out _);
            if (i % 100 == 0)
            {
                shape.TryCheckCreate(Bytes("""{"name":"keep"}"""), out var again);
                again.Should().BeSameAs(kept);
            }
        }
    }

    [Fact]
    public void A_table_that_does_not_remember_checks_every_body()
    {
        var shape = NewShape(remembers: false);
        shape.TryCheckCreate(Bytes("""{"name":"api"}"""), out var first);
        shape.TryCheckCreate(Bytes("""{"name":"api"}"""), out var second);

        second.Should().NotBeSameAs(first);
        Defaults(second!).Should().Equal(Defaults(first!));
    }

    [Fact]
    public void A_typed_body_is_checked_as_its_json()
    {
        var body = new Auth0ApiKit.Wire.ResourceServerDto { Name = "Orders", Identifier = "https://orders.example.com", TokenLifetime = 600 };

        var checkedCreate = Auth0ApiKit.Wire.ResourceServerTable.Shape.CheckCreate(body, Auth0ApiKit.Wire.WireJson.Context.ResourceServerDto);

        checkedCreate.Mistake.Should().BeNull();
        Defaults(checkedCreate).Should().Contain(("signing_alg", "\"RS256\"")).And.Contain(("token_lifetime_for_web", "600"));
    }

    private static List<(string, string)> Defaults(CheckedCreate checkedCreate)
    {
        var found = new List<(string, string)>();
        checkedCreate.AddDefaults(found, static (list, name, value) => list.Add((name, value.GetRawText())));
        return found;
    }
}
