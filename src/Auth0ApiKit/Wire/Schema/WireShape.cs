using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Auth0ApiKit.Wire.Schema;

/// <summary>
/// The properties of one Auth0 object (a resource, or a nested object such as a client's <c>jwt_configuration</c>):
/// the one table from which the fake tenant's request checks, create defaults and PATCH merge are derived.
/// </summary>
internal sealed class WireShape
{
    private static readonly JsonElement EmptyObject = JsonElement.Parse("{}");

    private readonly FrozenDictionary<string, WireField> _byName;

    /// <summary>The rows a create may add something to: those with a default, and objects whose own rows have one.</summary>
    private readonly WireField[] _defaulted;

    public WireShape(params IEnumerable<WireField> fields)
    {
        Fields = [.. fields];
        _byName = Fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        _defaulted = [.. Fields.Where(f => f.Default is not null || f.DefaultFrom is not null || f.Shape?.HasDefaults == true)];
    }

    /// <summary>Whether a create fills in anything this table's body leaves out.</summary>
    public bool HasDefaults => _defaulted.Length > 0;

    /// <summary>The properties in Auth0's order.</summary>
    public ImmutableArray<WireField> Fields { get; }

    /// <summary>Properties not in the table are accepted and kept (additionalProperties: true).</summary>
    public bool Open { get; init; }

    /// <summary>How many properties an update must carry at least (Auth0's <c>minProperties</c> on PATCH).</summary>
    public int MinUpdateProperties { get; init; }

    /// <summary>How many properties the object must have at least, on every write (a nested <c>minProperties</c>).</summary>
    public int MinProperties { get; init; }

    /// <summary>How many properties the object may have at most (<c>maxProperties</c>), or null for no limit.</summary>
    public int? MaxProperties { get; init; }

    public WireField? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>This table with <paramref name="field"/> added, or replacing the row of the same name.</summary>
    public WireShape With(WireField field) =>
        new(Find(field.Name) is null ? Fields.Add(field) : Fields.Select(f => f.Name == field.Name ? field : f))
        {
            Open = Open,
            MinUpdateProperties = MinUpdateProperties,
            MinProperties = MinProperties,
            MaxProperties = MaxProperties,
        };

    /// <summary>
    /// The mistake of a body for <paramref name="operation"/> that Auth0's validator (z-schema) reports first: the
    /// object's own rules (every property it may not carry, then a missing one, then too few), then its values, of
    /// which z-schema reports the last one that fails (it walks them from the end).
    /// </summary>
    public WireMistake? Check(JsonElement body, WireOperation operation) => Check(body, operation, WirePath.Root);

    internal WireMistake? Check(JsonElement body, WireOperation operation, in WirePath path)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new($"Expected type object but found type {WireKinds.NameOf(body)}", path.ToString());
        }

        var count = 0;
        List<string>? refused = null;
        WireMistake? lastValueMistake = null;
        foreach (var property in body.EnumerateObject())
        {
            count++;
            var field = Find(property.Name);
            if (field is null ? !Open : !MayWrite(field, operation))
            {
                (refused ??= []).Add(property.Name);
            }
            else if (refused is null)
            {
                lastValueMistake = field?.Check(property.Value, operation, path.Property(field.Name)) ?? lastValueMistake;
            }
        }

        if (refused is not null)
        {
            return new($"Additional properties not allowed: {string.Join(',', refused)}", path.ToString());
        }

        if (count < MinProperties)
        {
            return new($"Too few properties defined ({count}), minimum {MinProperties}", path.ToString());
        }

        if (count > MaxProperties)
        {
            return new($"Too many properties defined ({count}), maximum {MaxProperties}", path.ToString());
        }

        if (operation == WireOperation.Create)
        {
            foreach (var field in Fields)
            {
                if (field.Required && !body.TryGetProperty(field.Name, out _))
                {
                    return new($"Missing required property: {field.Name}", path.ToString());
                }
            }
        }
        else if (count < MinUpdateProperties)
        {
            return new($"Too few properties defined ({count}), minimum {MinUpdateProperties}", path.ToString());
        }

        return lastValueMistake;
    }

    private static bool MayWrite(WireField field, WireOperation operation) => field.Access switch
    {
        WireAccess.ReadOnly => false,
        WireAccess.CreateOnly => operation == WireOperation.Create,
        WireAccess.UpdateOnly => operation != WireOperation.Create,
        _ => operation != WireOperation.SystemUpdate || field.SystemUpdatable,
    };

    /// <summary>
    /// The object a create stores: the body's properties (a <c>null</c> one dropped, a sent object completed with its
    /// own defaults), then every absent property that has a default, in table order.
    /// </summary>
    public JsonElement WithDefaults(JsonElement body) => JsonElement.Parse(WriteWithDefaults(body).WrittenSpan);

    private ArrayBufferWriter<byte> WriteWithDefaults(JsonElement body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteWithDefaults(writer, body);
        }

        return buffer;
    }

    private void WriteWithDefaults(Utf8JsonWriter writer, JsonElement body)
    {
        writer.WriteStartObject();
        foreach (var property in body.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (Find(property.Name)?.Shape is { HasDefaults: true } shape && property.Value.ValueKind == JsonValueKind.Object)
            {
                writer.WritePropertyName(property.Name);
                shape.WriteWithDefaults(writer, property.Value);
            }
            else
            {
                property.WriteTo(writer);
            }
        }

        foreach (var field in _defaulted)
        {
            if (!body.TryGetProperty(field.Name, out _) && field.DefaultFor(body) is { } value)
            {
                writer.WritePropertyName(field.Name);
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Hands <paramref name="add"/> what a create stores beyond <paramref name="body"/>, without writing the body
    /// again: each absent property's default (shared, never parsed per call), and each sent object that misses one of
    /// its own defaults, completed. The fast path for stores that keep a typed row rather than the JSON.
    /// </summary>
    public void AddDefaults<TState>(JsonElement body, TState state, Action<TState, string, JsonElement> add)
    {
        ArgumentNullException.ThrowIfNull(add);
        foreach (var field in _defaulted)
        {
            if (!body.TryGetProperty(field.Name, out var sent))
            {
                if (field.DefaultFor(body) is { } value)
                {
                    add(state, field.Name, value);
                }
            }
            else if (field.Shape is { HasDefaults: true } shape && sent.ValueKind == JsonValueKind.Object && shape.MissesDefault(sent))
            {
                add(state, field.Name, shape.WithDefaults(sent));
            }
        }
    }

    /// <summary>Removes the properties a create sent as <c>null</c> (a create stores no value for them).</summary>
    public static void DropNulls(Dictionary<string, JsonElement>? properties)
    {
        if (properties is null)
        {
            return;
        }

        foreach (var (name, value) in properties)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                properties.Remove(name);
            }
        }
    }

    private bool MissesDefault(JsonElement body)
    {
        foreach (var field in _defaulted)
        {
            if (body.TryGetProperty(field.Name, out var sent)
                ? field.Shape is { HasDefaults: true } shape && sent.ValueKind == JsonValueKind.Object && shape.MissesDefault(sent)
                : field.DefaultFor(body) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A stored object after a PATCH: sent properties replace stored ones (arrays whole), <c>null</c> removes,
    /// <see cref="WirePatch.DeepMerge"/> properties merge key by key, <see cref="WirePatch.EmptyRemoves"/> ones vanish on <c>""</c>.
    /// </summary>
    public JsonElement Merge(JsonElement current, JsonElement patch) => JsonElement.Parse(WriteMerged(current, patch).WrittenSpan);

    /// <summary>As <see cref="Merge(JsonElement, JsonElement)"/>, read straight into <typeparamref name="T"/> (one parse fewer).</summary>
    public T Merge<T>(JsonElement current, JsonElement patch, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(WriteMerged(current, patch).WrittenSpan, typeInfo)!;

    private ArrayBufferWriter<byte> WriteMerged(JsonElement current, JsonElement patch)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteMerged(writer, current, patch, this, deep: false);
        }

        return buffer;
    }

    /// <summary>Writes <paramref name="current"/> patched; <paramref name="deep"/> inside a deep-merged object, where every nested object merges too.</summary>
    private static void WriteMerged(Utf8JsonWriter writer, JsonElement current, JsonElement patch, WireShape? shape, bool deep)
    {
        writer.WriteStartObject();
        foreach (var property in current.EnumerateObject())
        {
            if (!patch.TryGetProperty(property.Name, out var sent))
            {
                property.WriteTo(writer);
            }
            else
            {
                WritePatched(writer, property.Name, property.Value, sent, shape?.Find(property.Name), deep);
            }
        }

        foreach (var property in patch.EnumerateObject())
        {
            if (!current.TryGetProperty(property.Name, out _))
            {
                WritePatched(writer, property.Name, default, property.Value, shape?.Find(property.Name), deep);
            }
        }

        writer.WriteEndObject();
    }

    private static void WritePatched(Utf8JsonWriter writer, string name, JsonElement stored, JsonElement sent, WireField? field, bool deep)
    {
        if (sent.ValueKind == JsonValueKind.Null ||
            (field?.Patch == WirePatch.EmptyRemoves && sent.ValueKind == JsonValueKind.String && sent.GetString()!.Length == 0))
        {
            return;
        }

        writer.WritePropertyName(name);
        var merges = deep || field?.Patch == WirePatch.DeepMerge;
        if (merges && stored.ValueKind == JsonValueKind.Object && sent.ValueKind == JsonValueKind.Object)
        {
            WriteMerged(writer, stored, sent, field?.Shape, deep: true);
        }
        else if (merges && sent.ValueKind == JsonValueKind.Object)
        {
            // Nothing stored to merge into: the sent object, without its null keys.
            WriteMerged(writer, EmptyObject, sent, field?.Shape, deep: true);
        }
        else
        {
            sent.WriteTo(writer);
        }
    }
}
