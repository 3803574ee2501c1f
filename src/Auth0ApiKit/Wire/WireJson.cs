using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Auth0ApiKit.Wire;

/// <summary>
/// The JSON settings every wire type is read and written with: <see cref="WireJsonContext"/>'s source-generated
/// metadata, and the relaxed encoder, so that text is written as Auth0 writes it (<c>'</c>, <c>&lt;</c> and
/// <c>+</c> as themselves, not as <c>\u0027</c>).
/// </summary>
internal static class WireJson
{
    /// <summary>The context to use everywhere instead of <see cref="WireJsonContext.Default"/>.</summary>
    /// <remarks>The settings are <see cref="WireJsonContext"/>'s attribute's; only the encoder, which an attribute cannot set, is added.</remarks>
    public static WireJsonContext Context { get; } = new(Options(indented: false));

    /// <summary>The same settings, writing indented JSON: for files people read (a tenant export).</summary>
    public static WireJsonContext Indented { get; } = new(Options(indented: true));

    private static JsonSerializerOptions Options(bool indented) => new(WireJsonContext.Default.Options)
    {
        TypeInfoResolver = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
    };

    /// <summary>
    /// A wire object as a <see cref="System.Text.Json.JsonElement"/> that owns its memory: written to UTF-8 and parsed
    /// once, about half the cost of <see cref="JsonSerializer.SerializeToElement{TValue}(TValue, JsonTypeInfo{TValue})"/> here.
    /// </summary>
    public static JsonElement ToElement<T>(T value, JsonTypeInfo<T> typeInfo) =>
        JsonElement.Parse(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    /// <summary>
    /// Parses JSON that is also valid UTF-8 throughout, or gives <see langword="null"/>. System.Text.Json checks the
    /// UTF-8 of a name or a string only when it is read, and then throws <see cref="InvalidOperationException"/>;
    /// checking first turns such a body into malformed JSON, as any other broken body.
    /// </summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> utf8Json)
    {
        if (!Utf8.IsValid(utf8Json.Span))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(utf8Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
