using System.Text.Json;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>The JSON types a request field may have, named as Auth0's schema validation names them.</summary>
internal enum FieldType
{
    String,
    Integer,
    Boolean,
    Object,
    StringArray,
    ObjectArray,
}

/// <summary>One field of a <see cref="BodySchema"/>; a <paramref name="Nullable"/> one also takes <c>null</c>.</summary>
internal sealed record SchemaField(string Name, FieldType Type, BodySchema? Items = null, bool Nullable = false);

/// <summary>
/// A small JSON-schema subset that reports mistakes in the words of Auth0's validator: the wrong type, a property
/// the schema does not know, too few properties. Rules on values (lengths, ranges) are the SDK's server rules.
/// </summary>
internal sealed class BodySchema
{
    private readonly Dictionary<string, SchemaField> _fields;

    public BodySchema(IEnumerable<SchemaField> fields, int minProperties = 0)
    {
        _fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        MinProperties = minProperties;
    }

    public int MinProperties { get; }

    /// <summary>A copy of this schema without some fields (a PATCH schema, or the system API's narrow one).</summary>
    public BodySchema Without(params string[] names) =>
        new(_fields.Values.Where(f => !names.Contains(f.Name, StringComparer.Ordinal)), MinProperties);

    /// <summary>A copy of this schema with more fields (a PATCH that may set what a create may not).</summary>
    public BodySchema With(params SchemaField[] fields) => new(_fields.Values.Concat(fields), MinProperties);

    /// <summary>A copy of this schema keeping only some fields.</summary>
    public BodySchema Only(params string[] names) =>
        new(_fields.Values.Where(f => names.Contains(f.Name, StringComparer.Ordinal)), MinProperties);

    /// <summary>A copy of this schema that needs at least <paramref name="count"/> properties.</summary>
    public BodySchema WithMinProperties(int count) => new(_fields.Values, count);

    /// <summary>The first mistake as (detail, property path or null for the root), or null when the body fits.</summary>
    public (string Detail, string? Path)? Check(JsonElement body) => Check(body, null);

    private (string Detail, string? Path)? Check(JsonElement body, string? prefix)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return ($"Expected type object but found type {TypeName(body)}", prefix);
        }

        var count = 0;
        foreach (var property in body.EnumerateObject())
        {
            count++;
            if (!_fields.TryGetValue(property.Name, out var field))
            {
                return ($"Additional properties not allowed: {property.Name}", prefix);
            }

            var path = prefix is null ? property.Name : $"{prefix}.{property.Name}";
            var mistake = CheckValue(field, property.Value, path);
            if (mistake is not null)
            {
                return mistake;
            }
        }

        return count < MinProperties ? ($"Too few properties defined ({count}), minimum {MinProperties}", prefix) : null;
    }

    private static (string Detail, string? Path)? CheckValue(SchemaField field, JsonElement value, string path)
    {
        if (field.Nullable && value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var expected = field.Type switch
        {
            FieldType.String => "string",
            FieldType.Integer => "integer",
            FieldType.Boolean => "boolean",
            FieldType.Object => "object",
            _ => "array",
        };
        if (TypeName(value) != expected)
        {
            return ($"Expected type {expected} but found type {TypeName(value)}", path);
        }

        if (field.Type is not (FieldType.StringArray or FieldType.ObjectArray))
        {
            return null;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            var mistake = field.Type == FieldType.StringArray
                ? (TypeName(item) == "string" ? null : ($"Expected type string but found type {TypeName(item)}", itemPath))
                : field.Items!.Check(item, itemPath);
            if (mistake is not null)
            {
                return mistake;
            }
        }

        return null;
    }

    private static string TypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
