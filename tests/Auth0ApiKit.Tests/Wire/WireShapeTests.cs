using System.Globalization;
using System.Text.Json;
using Auth0ApiKit.Wire.Schema;

namespace Auth0ApiKit.Tests.Wire;

/// <summary>
/// The field-table machinery on a small table that uses every rule: Auth0's checks in z-schema's words, create
/// defaults and the PATCH merge.
/// </summary>
public class WireShapeTests
{
    private static readonly WireShape ScopeShape = new(
        WireField.String("value").Length(1, 5).IsRequired(),
        WireField.String("description").Length(0, 8));

    private static readonly WireShape Shape = new(
        WireField.String("id").ReadOnly(),
        WireField.String("identifier").Length(1, 10).IsRequired().CreateOnly(),
        WireField.String("secret").UpdateOnly(),
        WireField.String("name").Length(0, 6).Matching("^[^<>]+$", s => s.Length > 0 && !s.Contains('<') && !s.Contains('>')),
        WireField.String("uri").Formatted("uri", s => s.StartsWith("https://", StringComparison.Ordinal)),
        WireField.String("alg").OneOf("HS256", "RS256").DefaultsTo("\"RS256\""),
        WireField.Integer("lifetime").Range(0, 100).OnSystemObjects().DefaultsTo("50"),
        WireField.Integer("web").Range(0, 100).DefaultsTo("7").DefaultsTo(body =>
            body.TryGetProperty("lifetime", out var l) ? Json(Math.Min(l.GetInt64(), 7).ToString(CultureInfo.InvariantCulture)) : null),
        WireField.Number("ratio").Range(0, 1),
        WireField.Boolean("flag").DefaultsTo("false"),
        WireField.ObjectArray("scopes", ScopeShape).MaxCount(3),
        WireField.StringArray("tags").Unique(),
        WireField.String("policy").OneOf("mfa").IsNullable(),
        WireField.Boolean("late").NullableOnUpdate(),
        WireField.Object("jwt", new WireShape(
            WireField.Integer("lifetime").Range(0, 10),
            WireField.String("alg").OneOf("HS256", "RS256").IsRequired(),
            WireField.Object("inner", new WireShape(WireField.String("a"), WireField.String("b")))) { Open = false }).DeepMerged(),
        WireField.Object("pop", new WireShape(
            WireField.String("mechanism").OneOf("mtls", "dpop").IsRequired(),
            WireField.String("required_for"))).IsNullable(),
        WireField.Map("metadata", WireField.String("value").Length(0, 4)).MaxCount(2).DeepMerged(),
        WireField.String("login_uri").EmptyRemoves(),
        WireField.Object("open", new WireShape(WireField.String("known")) { Open = true }));

    private static JsonElement Json(string text) => JsonElement.Parse(text);

    private static string? Check(string body, WireOperation operation = WireOperation.Create) =>
        Shape.Check(Json(body), operation) is { } mistake ? mistake.Path is null ? mistake.Detail : $"{mistake.Detail} @ {mistake.Path}" : null;

    [Theory]
    [InlineData("""{"identifier":"x","lifetime":"long"}""", "Expected type integer but found type string @ lifetime")]
    [InlineData("""{"identifier":"x","lifetime":1.5}""", "Expected type integer but found type number @ lifetime")]
    [InlineData("""{"identifier":"x","ratio":"half"}""", "Expected type number but found type string @ ratio")]
    [InlineData("""{"identifier":"x","lifetime":null}""", "Expected type integer but found type null @ lifetime")]
    [InlineData("""{"identifier":"x","flag":1}""", "Expected type boolean but found type integer @ flag")]
    [InlineData("""{"identifier":"x","scopes":{}}""", "Expected type array but found type object @ scopes")]
    [InlineData("""{"identifier":"x","jwt":[]}""", "Expected type object but found type array @ jwt")]
    [InlineData("""{"identifier":"x","policy":5}""", "Expected type string,null but found type integer @ policy")]
    [InlineData("""{"identifier":"x","late":null}""", "Expected type boolean but found type null @ late")]
    [InlineData("""{"identifier":"x","late":"yes"}""", "Expected type boolean but found type string @ late")]
    [InlineData("""{"identifier":""}""", "String is too short (0 chars), minimum 1 @ identifier")]
    [InlineData("""{"identifier":"12345678901"}""", "String is too long (11 chars), maximum 10 @ identifier")]
    [InlineData("""{"identifier":"x","alg":"none"}""", "No enum match for: \"none\" @ alg")]
    [InlineData("""{"identifier":"x","name":"a<b"}""", "String does not match pattern ^[^<>]+$: a<b @ name")]
    [InlineData("""{"identifier":"x","name":""}""", "String does not match pattern ^[^<>]+$:  @ name")]
    [InlineData("""{"identifier":"x","uri":"http://a"}""", "Object didn't pass validation for format uri: http://a @ uri")]
    [InlineData("""{"identifier":"x","lifetime":101}""", "Value 101 is greater than maximum 100 @ lifetime")]
    [InlineData("""{"identifier":"x","lifetime":-1}""", "Value -1 is less than minimum 0 @ lifetime")]
    [InlineData("""{"identifier":"x","ratio":1.5}""", "Value 1.5 is greater than maximum 1 @ ratio")]
    [InlineData("""{"identifier":"x","scopes":[{"value":"a"},{"value":"b"},{"value":"c"},{"value":"d"}]}""", "Array is too long (4), maximum 3 @ scopes")]
    [InlineData("""{"identifier":"x","tags":["a","b","a"]}""", "Array items are not unique (indexes 0 and 2) @ tags")]
    [InlineData("""{"identifier":"x","tags":["a",1]}""", "Expected type string but found type integer @ tags[1]")]
    [InlineData("""{"identifier":"x","scopes":[{"value":"a"},{"value":"b"},{"value":""}]}""", "String is too short (0 chars), minimum 1 @ scopes[2].value")]
    [InlineData("""{"identifier":"x","scopes":[{"value":"a","x":1}]}""", "Additional properties not allowed: x @ scopes[0]")]
    [InlineData("""{"identifier":"x","scopes":[{"description":"d"}]}""", "Missing required property: value @ scopes[0]")]
    [InlineData("""{"identifier":"x","jwt":{"lifetime":11,"alg":"HS256"}}""", "Value 11 is greater than maximum 10 @ jwt.lifetime")]
    [InlineData("""{"identifier":"x","jwt":{"alg":"HS256","inner":{"c":"x"}}}""", "Additional properties not allowed: c @ jwt.inner")]
    [InlineData("""{"identifier":"x","jwt":{"lifetime":1}}""", "Missing required property: alg @ jwt")]
    [InlineData("""{"identifier":"x","metadata":{"a":"12345"}}""", "String is too long (5 chars), maximum 4 @ metadata.a")]
    [InlineData("""{"identifier":"x","metadata":{"a":"1","b":"2","c":"3"}}""", "Too many properties defined (3), maximum 2 @ metadata")]
    [InlineData("""{"identifier":"x","open":{"known":1}}""", "Expected type string but found type integer @ open.known")]
    [InlineData("""{"lifetime":1}""", "Missing required property: identifier")]
    [InlineData("""{"identifier":"x","what":1}""", "Additional properties not allowed: what")]
    [InlineData("""{"identifier":"x","id":"1"}""", "Additional properties not allowed: id")]
    [InlineData("""{"identifier":"x","secret":"s"}""", "Additional properties not allowed: secret")]
    [InlineData("[]", "Expected type object but found type array")]
    public void A_create_body_that_breaks_a_rule_gets_z_schemas_words_and_path(string body, string expected) =>
        Check(body).Should().Be(expected);

    [Theory]
    [InlineData("""{"identifier":"x"}""")]
    [InlineData("""{"identifier":"1234567890","name":"ok","alg":"HS256","lifetime":0,"ratio":0.5,"flag":true}""")]
    [InlineData("""{"identifier":"x","scopes":[{"value":"12345","description":""}],"tags":["a","b"],"policy":null}""")]
    [InlineData("""{"identifier":"x","jwt":{"alg":"RS256","inner":{"a":"1"}},"pop":null,"metadata":{"a":"1234","b":""}}""")]
    [InlineData("""{"identifier":"x","open":{"known":"k","anything":[1,{"x":null}]},"uri":"https://a","lifetime":100}""")]
    public void A_body_within_every_rule_passes(string body) => Check(body).Should().BeNull();

    [Fact]
    public void Lengths_count_code_points_as_z_schema_does_and_report_the_utf16_length()
    {
        var fourEmoji = string.Concat(Enumerable.Repeat("\U0001F600", 4));

        Check($$$"""{"identifier":"x","metadata":{"a":"{{{fourEmoji}}}"}}""").Should().BeNull("four emoji are four characters to Auth0");
        Check($$$"""{"identifier":"x","metadata":{"a":"{{{fourEmoji}}}a"}}""").Should().Be("String is too long (9 chars), maximum 4 @ metadata.a");
        var short2 = new WireShape(WireField.String("s").Length(2, 3));
        short2.Check(Json("""{"s":"\uD83D\uDE00"}"""), WireOperation.Create)!.Value.Detail.Should().Be("String is too short (2 chars), minimum 2");
        short2.Check(Json($$"""{"s":"{{fourEmoji[..6]}}"}"""), WireOperation.Create).Should().BeNull();
    }

    [Fact]
    public void Every_property_a_body_may_not_carry_is_named_and_wins_over_value_mistakes()
    {
        Check("""{"identifier":"x","lifetime":"long","a":1,"b":2}""").Should().Be("Additional properties not allowed: a,b");
        Check("""{"lifetime":"long","a":1}""").Should().Be("Additional properties not allowed: a");
        Check("""{"lifetime":"long"}""").Should().Be("Missing required property: identifier");
    }

    [Fact]
    public void Of_several_bad_values_the_last_one_is_reported_as_z_schema_walks_from_the_end()
    {
        Check("""{"identifier":"x","lifetime":"long","flag":1}""").Should().Be("Expected type boolean but found type integer @ flag");
        Check("""{"identifier":"x","tags":[1,"a",2]}""").Should().Be("Expected type string but found type integer @ tags[2]");
    }

    [Theory]
    [InlineData(false, """{"identifier":"y"}""", "Additional properties not allowed: identifier")]
    [InlineData(false, """{"id":"1"}""", "Additional properties not allowed: id")]
    [InlineData(false, """{"secret":"s"}""", null)]
    [InlineData(false, """{"late":null,"policy":null,"pop":null}""", null)]
    [InlineData(false, """{"late":"x"}""", "Expected type boolean,null but found type string @ late")]
    [InlineData(false, """{"jwt":{"lifetime":1}}""", null)]
    [InlineData(false, """{"pop":{"required_for":"all"}}""", "Missing required property: mechanism @ pop")]
    [InlineData(false, "{}", null)]
    [InlineData(true, """{"lifetime":1}""", null)]
    [InlineData(true, """{"name":"n","flag":true}""", "Additional properties not allowed: name,flag")]
    public void Updates_refuse_what_only_a_create_may_set_and_accept_partial_deep_merged_objects(bool systemObject, string body, string? expected) =>
        Check(body, systemObject ? WireOperation.SystemUpdate : WireOperation.Update).Should().Be(expected);

    [Fact]
    public void An_update_with_too_few_properties_is_refused_at_the_root()
    {
        var shape = Shape.With(WireField.String("extra"));
        var strict = new WireShape(shape.Fields) { MinUpdateProperties = 1 };

        strict.Check(Json("{}"), WireOperation.Update).Should().Be(new WireMistake("Too few properties defined (0), minimum 1", null));
        strict.Check(Json("{}"), WireOperation.Create)!.Value.Detail.Should().Be("Missing required property: identifier");
        strict.Check(Json("""{"extra":"e"}"""), WireOperation.Update).Should().BeNull();
    }

    [Fact]
    public void A_mistake_carries_Auth0s_description_of_the_property()
    {
        var shape = new WireShape(WireField.String("initiate_login_uri").Formatted("absolute-https-uri-or-empty", _ => false)
            .Described("Initiate login uri, must be https"));

        shape.Check(Json("""{"initiate_login_uri":"x"}"""), WireOperation.Create).Should().Be(new WireMistake(
            "Object didn't pass validation for format absolute-https-uri-or-empty: x", "initiate_login_uri", "Initiate login uri, must be https"));
    }

    [Fact]
    public void With_adds_a_row_or_replaces_the_row_of_the_same_name()
    {
        var added = Shape.With(WireField.Integer("extra").Range(0, 1));
        var replaced = Shape.With(WireField.Integer("lifetime").Range(0, 1000));

        added.Fields.Should().HaveCount(Shape.Fields.Length + 1);
        added.Check(Json("""{"identifier":"x","extra":2}"""), WireOperation.Create)!.Value.Detail.Should().Be("Value 2 is greater than maximum 1");
        replaced.Fields.Select(f => f.Name).Should().Equal(Shape.Fields.Select(f => f.Name));
        replaced.Check(Json("""{"identifier":"x","lifetime":500}"""), WireOperation.Create).Should().BeNull();
        Shape.Check(Json("""{"identifier":"x","extra":2}"""), WireOperation.Create).Should().NotBeNull("the original table is unchanged");
    }

    [Fact]
    public void Create_defaults_follow_the_body_in_table_order_and_drop_nulls()
    {
        var stored = Shape.WithDefaults(Json("""{"identifier":"x","policy":null,"name":"n"}"""));

        stored.GetRawText().Should().Be("""{"identifier":"x","name":"n","alg":"RS256","lifetime":50,"web":7,"flag":false}""");
    }

    [Fact]
    public void A_computed_default_reads_the_body_and_a_sent_value_wins_over_any_default()
    {
        Shape.WithDefaults(Json("""{"identifier":"x","lifetime":3}""")).GetProperty("web").GetInt64().Should().Be(3);
        Shape.WithDefaults(Json("""{"identifier":"x","lifetime":3,"web":2,"alg":"HS256"}""")).GetRawText()
            .Should().Be("""{"identifier":"x","lifetime":3,"web":2,"alg":"HS256","flag":false}""");
    }

    [Theory]
    [InlineData("""{"name":"new"}""", """{"identifier":"x","name":"new","tags":["a","b"],"jwt":{"alg":"HS256","lifetime":5}}""")]
    [InlineData("""{"tags":["c"]}""", """{"identifier":"x","name":"old","tags":["c"],"jwt":{"alg":"HS256","lifetime":5}}""")]
    [InlineData("""{"tags":[]}""", """{"identifier":"x","name":"old","tags":[],"jwt":{"alg":"HS256","lifetime":5}}""")]
    [InlineData("""{"name":null}""", """{"identifier":"x","tags":["a","b"],"jwt":{"alg":"HS256","lifetime":5}}""")]
    [InlineData("""{"jwt":{"alg":"RS256"}}""", """{"identifier":"x","name":"old","tags":["a","b"],"jwt":{"alg":"RS256","lifetime":5}}""")]
    [InlineData("""{"jwt":{"lifetime":null}}""", """{"identifier":"x","name":"old","tags":["a","b"],"jwt":{"alg":"HS256"}}""")]
    [InlineData("""{"jwt":null}""", """{"identifier":"x","name":"old","tags":["a","b"]}""")]
    [InlineData("""{"policy":null}""", """{"identifier":"x","name":"old","tags":["a","b"],"jwt":{"alg":"HS256","lifetime":5}}""")]
    [InlineData("""{"pop":{"mechanism":"mtls"}}""", """{"identifier":"x","name":"old","tags":["a","b"],"jwt":{"alg":"HS256","lifetime":5},"pop":{"mechanism":"mtls"}}""")]
    public void Merge_replaces_sent_values_arrays_whole_removes_nulls_and_deep_merges_marked_objects(string patch, string expected)
    {
        var stored = Json("""{"identifier":"x","name":"old","tags":["a","b"],"jwt":{"alg":"HS256","lifetime":5}}""");

        Shape.Merge(stored, Json(patch)).GetRawText().Should().Be(expected);
    }

    [Fact]
    public void A_replaced_object_loses_the_keys_it_no_longer_sends()
    {
        var stored = Json("""{"pop":{"mechanism":"dpop","required_for":"all_clients"}}""");

        Shape.Merge(stored, Json("""{"pop":{"mechanism":"mtls"}}""")).GetRawText().Should().Be("""{"pop":{"mechanism":"mtls"}}""");
    }

    [Fact]
    public void A_deep_merge_reaches_every_level_and_its_nulls_remove_keys_even_with_nothing_stored()
    {
        var stored = Json("""{"jwt":{"alg":"HS256","inner":{"a":"1","b":"2"}},"metadata":{"k":"v","gone":"x"}}""");

        Shape.Merge(stored, Json("""{"jwt":{"inner":{"a":null,"b":"3"}},"metadata":{"gone":null,"new":"n"}}""")).GetRawText()
            .Should().Be("""{"jwt":{"alg":"HS256","inner":{"b":"3"}},"metadata":{"k":"v","new":"n"}}""");
        Shape.Merge(Json("{}"), Json("""{"metadata":{"a":"1","b":null}}""")).GetRawText().Should().Be("""{"metadata":{"a":"1"}}""");
        Shape.Merge(Json("""{"metadata":{"k":"v"}}"""), Json("""{"metadata":{"k":null}}""")).GetRawText().Should().Be("""{"metadata":{}}""");
    }

    [Fact]
    public void A_root_merge_merges_only_the_first_level_and_its_nulls_remove_keys()
    {
        var shape = new WireShape(WireField.AnyObject("user_metadata").RootMerged().NullableOnUpdate());
        var stored = Json("""{"user_metadata":{"theme":"dark","address":{"city":"Paris","zip":"75001"},"old":1}}""");

        shape.Merge(stored, Json("""{"user_metadata":{"address":{"city":"Lyon","zip":null},"old":null,"new":true}}""")).GetRawText()
            .Should().Be("""{"user_metadata":{"theme":"dark","address":{"city":"Lyon","zip":null},"new":true}}""");
        shape.Merge(Json("{}"), Json("""{"user_metadata":{"a":1,"b":null}}""")).GetRawText().Should().Be("""{"user_metadata":{"a":1}}""");
        shape.Merge(stored, Json("""{"user_metadata":null}""")).GetRawText().Should().Be("{}");
    }

    [Fact]
    public void An_empty_string_removes_an_EmptyRemoves_property_and_is_kept_elsewhere()
    {
        var stored = Json("""{"login_uri":"https://a","name":"n"}""");

        Shape.Merge(stored, Json("""{"login_uri":"","name":""}""")).GetRawText().Should().Be("""{"name":""}""");
        Shape.Merge(Json("{}"), Json("""{"login_uri":""}""")).GetRawText().Should().Be("{}");
    }

    [Fact]
    public void Unknown_keys_of_an_open_shape_and_of_the_stored_object_are_kept_or_replaced_whole()
    {
        var stored = Json("""{"open":{"known":"k","extra":{"a":1}},"unmodelled":{"x":1}}""");

        Shape.Merge(stored, Json("""{"open":{"extra":{"b":2}},"unmodelled":{"y":2},"added":[1]}""")).GetRawText()
            .Should().Be("""{"open":{"extra":{"b":2}},"unmodelled":{"y":2},"added":[1]}""");
    }
}
