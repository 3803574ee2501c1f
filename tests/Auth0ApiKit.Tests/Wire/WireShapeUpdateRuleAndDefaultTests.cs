using System.Text.Json;
using Auth0ApiKit.Wire.Schema;

namespace Auth0ApiKit.Tests.Wire;

/// <summary>The field-table rules added for clients: update-only rules, item and property counts, nested create defaults.</summary>
public class WireShapeUpdateRuleAndDefaultTests
{
    private static readonly WireShape Shape = new(
        WireField.String("method").OneOf("a", "b").OnUpdate(f => f.IsNullable()),
        WireField.String("page").Length(1).OnUpdate(f => f with { MinLength = null }),
        WireField.StringArray("channels").MinCount(1),
        WireField.Object("one_of", new WireShape(WireField.Boolean("x"), WireField.Boolean("y")) { MinProperties = 1, MaxProperties = 1 }),
        WireField.Object("jwt", new WireShape(WireField.Boolean("secret_encoded").DefaultsTo("false"), WireField.Integer("lifetime")) { Open = true })
            .DefaultsTo("""{"secret_encoded":false,"lifetime":36000}"""));

    private static WireMistake? Check(string json, WireOperation operation) => Shape.Check(JsonElement.Parse(json), operation);

    [Fact]
    public void An_update_rule_applies_to_updates_only()
    {
        Check("""{"method":null}""", WireOperation.Create)!.Value.Detail.Should().Be("Expected type string but found type null");
        Check("""{"method":null}""", WireOperation.Update).Should().BeNull();
        Check("""{"method":"c"}""", WireOperation.Update)!.Value.Detail.Should().Be("No enum match for: \"c\"");
        Check("""{"page":""}""", WireOperation.Create)!.Value.Detail.Should().Be("String is too short (0 chars), minimum 1");
        Check("""{"page":""}""", WireOperation.Update).Should().BeNull();
    }

    [Fact]
    public void Item_and_property_counts_are_checked_in_z_schemas_words()
    {
        Check("""{"channels":[]}""", WireOperation.Create).Should().Be(new WireMistake("Array is too short (0), minimum 1", "channels"));
        Check("""{"one_of":{}}""", WireOperation.Create).Should().Be(new WireMistake("Too few properties defined (0), minimum 1", "one_of"));
        Check("""{"one_of":{"x":true,"y":true}}""", WireOperation.Update).Should().Be(new WireMistake("Too many properties defined (2), maximum 1", "one_of"));
        Check("""{"channels":["a"],"one_of":{"x":true}}""", WireOperation.Create).Should().BeNull();
    }

    [Fact]
    public void A_sent_object_gets_its_own_defaults_and_an_absent_one_the_rows_default()
    {
        Shape.WithDefaults(JsonElement.Parse("""{"jwt":{"lifetime":60}}""")).GetProperty("jwt").GetRawText()
            .Should().Be("""{"lifetime":60,"secret_encoded":false}""");
        Shape.WithDefaults(JsonElement.Parse("{}")).GetProperty("jwt").GetRawText().Should().Be("""{"secret_encoded":false,"lifetime":36000}""");
    }

    [Fact]
    public void Add_defaults_hands_over_only_what_the_body_lacks()
    {
        var added = new Dictionary<string, string>();

        Shape.AddDefaults(JsonElement.Parse("""{"jwt":{"secret_encoded":true}}"""), added, static (into, name, value) => into[name] = value.GetRawText());
        added.Should().BeEmpty("the sent object has its default already");

        Shape.AddDefaults(JsonElement.Parse("""{"jwt":{"lifetime":1}}"""), added, static (into, name, value) => into[name] = value.GetRawText());
        added.Should().Equal(new Dictionary<string, string> { ["jwt"] = """{"lifetime":1,"secret_encoded":false}""" });

        added.Clear();
        Shape.AddDefaults(JsonElement.Parse("{}"), added, static (into, name, value) => into[name] = value.GetRawText());
        added.Should().Equal(new Dictionary<string, string> { ["jwt"] = """{"secret_encoded":false,"lifetime":36000}""" });
    }
}
