using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
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

    /// <summary>How many distinct create bodies each of a table's two generations of remembered checks holds.</summary>
    private const int RememberedCreates = 256;

    /// <summary>Each row's position in <see cref="Fields"/>, by name.</summary>
    private readonly FrozenDictionary<string, int> _indexByName;

    /// <summary>The positions of the rows a create may add something to: those with a default, and objects whose own rows have one.</summary>
    private readonly int[] _defaulted;

    /// <summary>The positions of the rows a create must carry.</summary>
    private readonly int[] _required;

    /// <summary>
    /// Create bodies checked before, by their bytes, in two generations: when the newer one is full it becomes the
    /// older one, so the bodies in use stay. Tests create the same APIs and applications over and over, so most
    /// creates are answered from here. (A body may carry a secret, as the row made from it does; neither is ever shown.)
    /// </summary>
    private readonly Lock _memoryGate = new();
    private Dictionary<byte[], CheckedCreate> _recentCreates = new(BodyBytes.Comparer);
    private Dictionary<byte[], CheckedCreate> _olderCreates = new(BodyBytes.Comparer);

    public WireShape(params IEnumerable<WireField> fields)
    {
        Fields = [.. fields];
        _indexByName = Enumerable.Range(0, Fields.Length).ToFrozenDictionary(i => Fields[i].Name, StringComparer.Ordinal);
        _defaulted = [.. Enumerable.Range(0, Fields.Length).Where(i => Fields[i] is var f && (f.Default is not null || f.DefaultFrom is not null || f.Shape?.HasDefaults == true))];
        _required = [.. Enumerable.Range(0, Fields.Length).Where(i => Fields[i].Required)];
    }

    /// <summary>Whether a create fills in anything this table's body leaves out.</summary>
    public bool HasDefaults => _defaulted.Length > 0;

    /// <summary>The properties in Auth0's order.</summary>
    public ImmutableArray<WireField> Fields { get; }

    /// <summary>
    /// Whether checked create bodies are remembered (see <see cref="TryCheckCreate"/>); off for a resource whose bodies
    /// differ on every create (a client grant names a new client), where remembering would only push others out.
    /// </summary>
    public bool RemembersCreates { get; init; } = true;

    /// <summary>Properties not in the table are accepted and kept (additionalProperties: true).</summary>
    public bool Open { get; init; }

    /// <summary>How many properties an update must carry at least (Auth0's <c>minProperties</c> on PATCH).</summary>
    public int MinUpdateProperties { get; init; }

    /// <summary>How many properties the object must have at least, on every write (a nested <c>minProperties</c>).</summary>
    public int MinProperties { get; init; }

    /// <summary>How many properties the object may have at most (<c>maxProperties</c>), or null for no limit.</summary>
    public int? MaxProperties { get; init; }

    public WireField? Find(string name) => _indexByName.TryGetValue(name, out var index) ? Fields[index] : null;

    /// <summary>This table with <paramref name="field"/> added, or replacing the row of the same name.</summary>
    public WireShape With(WireField field) =>
        new(Find(field.Name) is null ? Fields.Add(field) : Fields.Select(f => f.Name == field.Name ? field : f))
        {
            Open = Open,
            MinUpdateProperties = MinUpdateProperties,
            MinProperties = MinProperties,
            MaxProperties = MaxProperties,
            RemembersCreates = RemembersCreates,
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
        Span<bool> present = stackalloc bool[Fields.Length];
        foreach (var property in body.EnumerateObject())
        {
            count++;
            var field = _indexByName.TryGetValue(property.Name, out var index) ? Fields[index] : null;
            if (field is not null)
            {
                present[index] = true;
            }

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
            foreach (var index in _required)
            {
                if (!present[index])
                {
                    return new($"Missing required property: {Fields[index].Name}", path.ToString());
                }
            }
        }
        else if (count < MinUpdateProperties)
        {
            return new($"Too few properties defined ({count}), minimum {MinUpdateProperties}", path.ToString());
        }

        return lastValueMistake;
    }

    /// <summary>
    /// Checks a create body given as UTF-8 JSON and works out the defaults it gets, as <see cref="CheckCreate(JsonElement)"/>;
    /// a body with the same bytes as one checked before is answered from memory.
    /// </summary>
    /// <returns><see langword="false"/> when the bytes are not one JSON document in valid UTF-8.</returns>
    public bool TryCheckCreate(ReadOnlyMemory<byte> utf8Json, [NotNullWhen(true)] out CheckedCreate? result)
    {
        if (RemembersCreates && Recall(utf8Json.Span) is { } known)
        {
            result = known;
            return true;
        }

        using (var parsed = WireJson.TryParse(utf8Json))
        {
            if (parsed is null)
            {
                result = null;
                return false;
            }

            // The defaults handed out never point into the parsed body: they are the table's, or objects written anew.
            result = CheckCreate(parsed.RootElement);
        }

        if (RemembersCreates)
        {
            Remember(utf8Json.ToArray(), result);
        }

        return true;
    }

    private CheckedCreate? Recall(ReadOnlySpan<byte> body)
    {
        lock (_memoryGate)
        {
            if (_recentCreates.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(body, out var found))
            {
                return found;
            }

            if (_olderCreates.GetAlternateLookup<ReadOnlySpan<byte>>().Remove(body, out var key, out found))
            {
                _recentCreates[key] = found;
            }

            return found;
        }
    }

    private void Remember(byte[] body, CheckedCreate checkedCreate)
    {
        lock (_memoryGate)
        {
            if (_recentCreates.Count >= RememberedCreates)
            {
                _olderCreates = _recentCreates;
                _recentCreates = new(BodyBytes.Comparer);
            }

            _recentCreates[body] = checkedCreate;
        }
    }

    /// <summary>Checks a typed create body (one a caller made, not one received) as its JSON, through the same memory.</summary>
    public CheckedCreate CheckCreate<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        // A serializer writes one JSON document in valid UTF-8, so the check always runs.
        TryCheckCreate(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo), out var result);
        return result!;
    }

    /// <summary>Checks a create body (<see cref="Check(JsonElement, WireOperation)"/>) and, when it fits, collects the defaults <see cref="AddDefaults"/> would add.</summary>
    public CheckedCreate CheckCreate(JsonElement body)
    {
        if (Check(body, WireOperation.Create) is { } mistake)
        {
            return CheckedCreate.Refused(mistake);
        }

        var defaults = new List<KeyValuePair<string, JsonElement>>(_defaulted.Length);
        // Clone: a default must outlive the body's document (a clone of a value that owns its memory is itself).
        AddDefaults(body, defaults, static (list, name, value) => list.Add(KeyValuePair.Create(name, value.Clone())));
        return CheckedCreate.Accepted([.. defaults]);
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

        Span<bool> present = stackalloc bool[Fields.Length];
        MarkPresent(body, present);
        foreach (var index in _defaulted)
        {
            if (!present[index] && Fields[index].DefaultFor(body) is { } value)
            {
                writer.WritePropertyName(Fields[index].Name);
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
        Span<bool> present = stackalloc bool[Fields.Length];
        MarkPresent(body, present);
        foreach (var index in _defaulted)
        {
            var field = Fields[index];
            if (!present[index])
            {
                if (field.DefaultFor(body) is { } value)
                {
                    add(state, field.Name, value);
                }
            }
            else if (field.Shape is { HasDefaults: true } shape && body.GetProperty(field.Name) is { ValueKind: JsonValueKind.Object } sent && shape.MissesDefault(sent))
            {
                add(state, field.Name, shape.WithDefaults(sent));
            }
        }
    }

    /// <summary>Marks the rows <paramref name="body"/> carries, reading each of its names once.</summary>
    private void MarkPresent(JsonElement body, Span<bool> present)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (_indexByName.TryGetValue(property.Name, out var index))
            {
                present[index] = true;
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
        foreach (var index in _defaulted)
        {
            var field = Fields[index];
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
    /// <see cref="WirePatch.DeepMerge"/> properties merge key by key, <see cref="WirePatch.RootMerge"/> ones at their
    /// first level only, <see cref="WirePatch.EmptyRemoves"/> ones vanish on <c>""</c>.
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
        if (!deep && field?.Patch == WirePatch.RootMerge && sent.ValueKind == JsonValueKind.Object)
        {
            // One level: the sent keys replace the stored ones whole (no shape, no deep merge below).
            WriteMerged(writer, stored.ValueKind == JsonValueKind.Object ? stored : EmptyObject, sent, shape: null, deep: false);
            return;
        }

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
