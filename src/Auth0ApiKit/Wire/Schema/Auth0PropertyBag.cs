using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Wire.Schema;

/// <summary>
/// The properties of a definition that the SDK does not type (a resource server's <c>consent_policy</c>, …): Auth0's
/// wire names with their JSON values, checked against the resource's field table, sent on create and, when they
/// differ, on update. Immutable; equal to another bag with the same names and JSON values.
/// </summary>
internal sealed class Auth0PropertyBag : IEquatable<Auth0PropertyBag>
{
    private static readonly JsonWriterOptions CompactWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private Auth0PropertyBag(ImmutableSortedDictionary<string, JsonElement> values) => Values = values;

    public static Auth0PropertyBag Empty { get; } = new(ImmutableSortedDictionary.Create<string, JsonElement>(StringComparer.Ordinal));

    /// <summary>The properties by wire name, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, JsonElement> Values { get; }

    public int Count => Values.Count;

    /// <summary>The properties as compact JSON text, for people and the public surface.</summary>
    public IReadOnlyDictionary<string, string> AsText() => Values.ToImmutableSortedDictionary(p => p.Key, p => Compact(p.Value), StringComparer.Ordinal);

    public Auth0PropertyBag With(string name, JsonElement value) => new(Values.SetItem(name, value));

    /// <summary>
    /// The properties of a tenant's object that a definition carries: every one but those <paramref name="shape"/> types
    /// (the definition's own members) or marks read-only. Names the table does not know (newer than the SDK) are kept as read.
    /// </summary>
    public static Auth0PropertyBag FromWire(Dictionary<string, JsonElement>? extra, WireShape shape)
    {
        if (extra is null || extra.Count == 0)
        {
            return Empty;
        }

        var bag = Empty;
        foreach (var (name, value) in extra)
        {
            if (shape.Find(name) is not { } field || field.IsAuth0Property)
            {
                bag = bag.With(name, value);
            }
        }

        return bag;
    }

    /// <summary>
    /// This bag for an export: without properties <paramref name="shape"/> does not know (the SDK cannot check them) and
    /// without those that hold the default a create would give them anyway.
    /// </summary>
    public Auth0PropertyBag ForExport(WireShape shape)
    {
        var bag = this;
        foreach (var (name, value) in Values)
        {
            if (shape.Find(name) is not { } field || (field.Default is { } fallback && JsonElement.DeepEquals(fallback, value)))
            {
                bag = new(bag.Values.Remove(name));
            }
        }

        return bag;
    }

    /// <summary>The properties as a wire DTO's extension data, or null when there are none.</summary>
    public Dictionary<string, JsonElement>? ToWire() => Count == 0 ? null : new(Values, StringComparer.Ordinal);

    /// <summary>The properties whose value differs from <paramref name="current"/>'s (a <c>null</c> equals an absent one), or null when none do.</summary>
    public Dictionary<string, JsonElement>? ChangesFrom(Auth0PropertyBag current)
    {
        Dictionary<string, JsonElement>? changes = null;
        foreach (var (name, value) in Values)
        {
            var same = current.Values.TryGetValue(name, out var now)
                ? JsonElement.DeepEquals(now, value)
                : value.ValueKind == JsonValueKind.Null;
            if (!same)
            {
                (changes ??= new(StringComparer.Ordinal))[name] = value;
            }
        }

        return changes;
    }

    /// <summary>Checks each property against its row of <paramref name="shape"/>; names the table does not know are left to Auth0.</summary>
    public void Check(WireShape shape, List<ValidationError> errors)
    {
        foreach (var (name, value) in Values)
        {
            var field = shape.Find(name);
            if (field is null)
            {
                continue;
            }

            if (field.Modelled || field.Access == WireAccess.ReadOnly)
            {
                errors.Add(new ValidationError(name, RuleCodes.NotApplicable, RuleOrigin.Sdk, null, field.Modelled
                    ? $"'{name}' has its own setting on the builder; set it there, not as an Auth0 property."
                    : $"'{name}' is set by the tenant; a definition cannot set it."));
            }
            else if (field.Check(value, WireOperation.Create, WirePath.Root.Property(name)) is { } mistake)
            {
                errors.Add(new ValidationError(mistake.Path ?? name, RuleCodes.UnsupportedValue, RuleOrigin.Auth0, null,
                    $"The Auth0 property '{name}' breaks Auth0's rule: {mistake.Detail}.") { SchemaDetail = mistake.Detail });
            }
        }
    }

    /// <summary>A JSON value as compact text, written as Auth0 writes it.</summary>
    public static string Compact(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, CompactWriting))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Parses a property's JSON text, naming the property when it is not JSON.</summary>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not one JSON value.</exception>
    public static JsonElement Parse(string name, string json)
    {
        try
        {
            return JsonElement.Parse(json);
        }
        catch (JsonException exception)
        {
            // The parser's message may quote the text; the text may be a secret.
            throw new ArgumentException($"The value of the Auth0 property '{name}' is not JSON (one JSON value was expected).", nameof(json), exception);
        }
    }

    public bool Equals(Auth0PropertyBag? other) =>
        other is not null && Count == other.Count &&
        Values.All(p => other.Values.TryGetValue(p.Key, out var value) && JsonElement.DeepEquals(p.Value, value));

    public override bool Equals(object? obj) => Equals(obj as Auth0PropertyBag);

    public override int GetHashCode() => HashCode.Combine(Count, Count == 0 ? null : Values.Keys.First());
}
