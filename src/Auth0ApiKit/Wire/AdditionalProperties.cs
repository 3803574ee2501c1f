using System.Text.Json;

namespace Auth0ApiKit.Wire;

/// <summary>Reads properties the SDK does not model out of a DTO's extension data.</summary>
internal static class AdditionalProperties
{
    /// <summary>The property's value, or <see langword="null"/> when it is absent.</summary>
    public static JsonElement? Find(Dictionary<string, JsonElement>? properties, string name) =>
        properties is not null && properties.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether the property is the JSON literal <c>true</c>.</summary>
    public static bool IsTrue(Dictionary<string, JsonElement>? properties, string name) =>
        properties is not null && properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>The property's text when it is a JSON string, otherwise <see langword="null"/>.</summary>
    public static string? StringOf(Dictionary<string, JsonElement>? properties, string name) =>
        properties is not null && properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
