using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Auth0ApiKit.Wire.Schema;

/// <summary>
/// One property of an Auth0 resource, as its Management API treats it: the JSON kind, Auth0's value rule, who may
/// write it, what <c>null</c> and a PATCH do to it, and the default a real tenant returns. Rows are built fluently
/// (<c>WireField.Integer("token_lifetime").Range(0, 2592000).DefaultsTo("86400")</c>) and are immutable.
/// </summary>
internal sealed record WireField(string Name, WireKind Kind)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public WireAccess Access { get; init; }

    /// <summary>A create must carry it.</summary>
    public bool Required { get; init; }

    /// <summary><c>null</c> is accepted and removes the property.</summary>
    public bool Nullable { get; init; }

    public WirePatch Patch { get; init; }

    /// <summary>An update of a system object may change it.</summary>
    public bool SystemUpdatable { get; init; }

    /// <summary>The SDK's typed definition holds it (a builder method sets it); other rows travel as Auth0 properties.</summary>
    public bool Modelled { get; init; }

    /// <summary>The value is a secret: plans and logs show that it changed, never what it is.</summary>
    public bool Secret { get; init; }

    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public ImmutableArray<string> Enum { get; init; }

    /// <summary>The pattern Auth0's schema names, and the check that stands for it (no regular expressions on the hot path).</summary>
    public (string Text, Func<string, bool> Matches)? Pattern { get; init; }

    /// <summary>A named string format (<c>uri</c>), and its check.</summary>
    public (string Name, Func<string, bool> Matches)? Format { get; init; }

    /// <summary>The rule of each item of an array.</summary>
    public WireField? Items { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public bool UniqueItems { get; init; }

    /// <summary>The properties of an object.</summary>
    public WireShape? Shape { get; init; }

    /// <summary>The rule of each value of a map (an object whose keys are free, as <c>client_metadata</c>).</summary>
    public WireField? Values { get; init; }

    public int? MaxProperties { get; init; }

    /// <summary>The value a create without it stores, as a real tenant returns it.</summary>
    public JsonElement? Default { get; init; }

    /// <summary>A default that depends on the rest of the create body; wins over <see cref="Default"/> when it gives a value.</summary>
    public Func<JsonElement, JsonElement?>? DefaultFrom { get; init; }

    /// <summary>Auth0's description of the property, which its validation errors end with.</summary>
    public string? Description { get; init; }

    /// <summary>The rule an update checks instead, where Auth0's update schema differs from its create schema.</summary>
    public WireField? UpdateRule { get; init; }

    public static WireField String(string name) => new(name, WireKind.String);

    public static WireField Integer(string name) => new(name, WireKind.Integer);

    public static WireField Number(string name) => new(name, WireKind.Number);

    public static WireField Boolean(string name) => new(name, WireKind.Boolean);

    /// <summary>An object with the given properties (closed unless the shape is open).</summary>
    public static WireField Object(string name, WireShape shape) => new(name, WireKind.Object) { Shape = shape };

    /// <summary>An object with free keys whose values follow <paramref name="values"/>.</summary>
    public static WireField Map(string name, WireField values) => new(name, WireKind.Object) { Values = values };

    /// <summary>An object Auth0 accepts in any shape.</summary>
    public static WireField AnyObject(string name) => new(name, WireKind.Object);

    public static WireField Array(string name, WireField items) => new(name, WireKind.Array) { Items = items };

    public static WireField StringArray(string name) => Array(name, String("items"));

    /// <summary>An array of objects of the given shape.</summary>
    public static WireField ObjectArray(string name, WireShape shape) => Array(name, Object("items", shape));

    public WireField Length(int minimum, int maximum = int.MaxValue) =>
        this with { MinLength = minimum, MaxLength = maximum == int.MaxValue ? null : maximum };

    public WireField Range(long minimum, long maximum = long.MaxValue) =>
        this with { Minimum = minimum, Maximum = maximum == long.MaxValue ? null : maximum };

    public WireField OneOf(params IEnumerable<string> values) => this with { Enum = [.. values] };

    public WireField Matching(string pattern, Func<string, bool> matches) => this with { Pattern = (pattern, matches) };

    public WireField Formatted(string format, Func<string, bool> matches) => this with { Format = (format, matches) };

    public WireField MinCount(int minimum) => this with { MinItems = minimum };

    public WireField MaxCount(int maximum) => Kind == WireKind.Array ? this with { MaxItems = maximum } : this with { MaxProperties = maximum };

    public WireField Unique() => this with { UniqueItems = true };

    public WireField IsRequired() => this with { Required = true };

    public WireField IsNullable() => this with { Nullable = true };

    /// <summary><c>null</c> is accepted on update only, where it removes the property.</summary>
    public WireField NullableOnUpdate() => OnUpdate(f => f.IsNullable());

    public WireField CreateOnly() => this with { Access = WireAccess.CreateOnly };

    public WireField UpdateOnly() => this with { Access = WireAccess.UpdateOnly };

    public WireField ReadOnly() => this with { Access = WireAccess.ReadOnly };

    public WireField DeepMerged() => this with { Patch = WirePatch.DeepMerge };

    public WireField EmptyRemoves() => this with { Patch = WirePatch.EmptyRemoves };

    public WireField RootMerged() => this with { Patch = WirePatch.RootMerge };

    public WireField OnSystemObjects() => this with { SystemUpdatable = true };

    public WireField IsSecret() => this with { Secret = true };

    public WireField Typed() => this with { Modelled = true };

    /// <summary>Whether a definition may carry this property as an Auth0 property: written by clients, not typed by the SDK.</summary>
    public bool IsAuth0Property => !Modelled && Access != WireAccess.ReadOnly;

    public WireField Described(string description) => this with { Description = description };

    /// <summary>
    /// This row with a different rule for updates (<c>f =&gt; f.IsNullable()</c> where only the update schema allows
    /// <c>null</c>); set it last, after every rule both operations share.
    /// </summary>
    public WireField OnUpdate(Func<WireField, WireField> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { UpdateRule = change(this) };
    }

    /// <summary>The default, as JSON text (<c>"86400"</c>, <c>"{\"secret_encoded\":false}"</c>), parsed once.</summary>
    public WireField DefaultsTo(string json) => this with { Default = JsonElement.Parse(json) };

    public WireField DefaultsTo(JsonElement value) => this with { Default = value };

    public WireField DefaultsTo(Func<JsonElement, JsonElement?> compute) => this with { DefaultFrom = compute };

    /// <summary>The default for a create with this body, or null for none.</summary>
    public JsonElement? DefaultFor(JsonElement body) => DefaultFrom?.Invoke(body) ?? Default;

    /// <summary>Checks one value at <paramref name="path"/> (whose text is built only on a mistake).</summary>
    public WireMistake? Check(JsonElement value, WireOperation operation, in WirePath path)
    {
        if (operation != WireOperation.Create && UpdateRule is { } onUpdate)
        {
            return onUpdate.Check(value, operation, path);
        }

        var nullable = Nullable;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return nullable ? null : Mistake($"Expected type {WireKinds.NameOf(Kind)} but found type null", path);
        }

        if (!WireKinds.Fits(Kind, value))
        {
            // z-schema names a type list as its items joined by commas: ["boolean","null"] -> "boolean,null".
            return Mistake($"Expected type {WireKinds.NameOf(Kind)}{(nullable ? ",null" : "")} but found type {WireKinds.NameOf(value)}", path);
        }

        return Kind switch
        {
            WireKind.String => CheckString(value.GetString()!, path),
            WireKind.Integer or WireKind.Number => CheckNumber(value, path),
            WireKind.Array => CheckArray(value, operation, path),
            WireKind.Object => CheckObject(value, operation, path),
            _ => null,
        };
    }

    private WireMistake? CheckString(string text, in WirePath path)
    {
        // z-schema compares lengths in code points (an emoji is one) and reports the UTF-16 length.
        if (MinLength is { } min && (text.Length < min || (text.Length < 2 * min && CodePoints(text) < min)))
        {
            return Mistake($"String is too short ({text.Length} chars), minimum {min}", path);
        }

        if (MaxLength is { } max && text.Length > max && CodePoints(text) > max)
        {
            return Mistake($"String is too long ({text.Length} chars), maximum {max}", path);
        }

        // z-schema echoes the value in these texts; a secret row's value never reaches an answer, a log or the journal.
        var shown = Secret ? "***" : text;
        if (!Enum.IsDefaultOrEmpty && Enum.IndexOf(text, StringComparer.Ordinal) < 0)
        {
            return Mistake($"No enum match for: \"{shown}\"", path);
        }

        if (Pattern is { } pattern && !pattern.Matches(text))
        {
            return Mistake($"String does not match pattern {pattern.Text}: {shown}", path);
        }

        if (Format is { } format && !format.Matches(text))
        {
            return Mistake($"Object didn't pass validation for format {format.Name}: {shown}", path);
        }

        return null;
    }

    private WireMistake? CheckNumber(JsonElement value, in WirePath path)
    {
        var number = value.GetDouble();
        if (Minimum is { } min && number < min)
        {
            return Mistake(string.Create(Invariant, $"Value {number} is less than minimum {min}"), path);
        }

        return Maximum is { } max && number > max
            ? Mistake(string.Create(Invariant, $"Value {number} is greater than maximum {max}"), path)
            : null;
    }

    private WireMistake? CheckArray(JsonElement value, WireOperation operation, in WirePath path)
    {
        // As z-schema: the array's own rules first, then its items, of which it reports the last one that fails.
        var count = value.GetArrayLength();
        if (MinItems is { } min && count < min)
        {
            return Mistake($"Array is too short ({count}), minimum {min}", path);
        }

        if (MaxItems is { } max && count > max)
        {
            return Mistake($"Array is too long ({count}), maximum {max}", path);
        }

        if (UniqueItems && CheckUnique(value, path) is { } duplicate)
        {
            return duplicate;
        }

        WireMistake? last = null;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            last = Items?.Check(item, operation, path.Item(index)) ?? last;
            index++;
        }

        return last;
    }

    private WireMistake? CheckUnique(JsonElement value, in WirePath path)
    {
        var count = value.GetArrayLength();
        for (var i = 0; i < count; i++)
        {
            for (var j = i + 1; j < count; j++)
            {
                if (JsonElement.DeepEquals(value[i], value[j]))
                {
                    return Mistake($"Array items are not unique (indexes {i} and {j})", path);
                }
            }
        }

        return null;
    }

    private WireMistake? CheckObject(JsonElement value, WireOperation operation, in WirePath path)
    {
        if (Shape is not null)
        {
            // A partial object merges into the stored one on update, so its required keys may be absent.
            var nested = Patch == WirePatch.DeepMerge && operation != WireOperation.Create ? WireOperation.Update : WireOperation.Create;
            return Shape.Check(value, nested, path);
        }

        var count = 0;
        WireMistake? last = null;
        foreach (var property in value.EnumerateObject())
        {
            count++;
            last = Values?.Check(property.Value, operation, path.Property(property.Name)) ?? last;
        }

        return MaxProperties is { } max && count > max
            ? Mistake($"Too many properties defined ({count}), maximum {max}", path)
            : last;
    }

    /// <summary>The length of <paramref name="text"/> in code points: a surrogate pair counts once.</summary>
    private static int CodePoints(string text)
    {
        var length = text.Length;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (char.IsSurrogatePair(text[i], text[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }

    private WireMistake Mistake(string detail, in WirePath path) => new(detail, path.ToString(), Description);
}
