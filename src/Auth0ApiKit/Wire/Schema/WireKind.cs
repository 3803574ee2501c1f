using System.Text.Json;

namespace Auth0ApiKit.Wire.Schema;

/// <summary>The JSON type of a property, named as Auth0's schema validation (z-schema) names it.</summary>
internal enum WireKind : byte
{
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array,
}

/// <summary>What a write may do with a property.</summary>
internal enum WireAccess : byte
{
    /// <summary>Create and update may set it.</summary>
    ReadWrite,

    /// <summary>Only a create may set it (a resource server's <c>identifier</c>).</summary>
    CreateOnly,

    /// <summary>Only an update may set it (a client's <c>client_secret</c>).</summary>
    UpdateOnly,

    /// <summary>Auth0 sets it; a write naming it is refused as an unknown property.</summary>
    ReadOnly,
}

/// <summary>How a PATCH changes a stored value.</summary>
internal enum WirePatch : byte
{
    /// <summary>The sent value replaces the stored one; <c>null</c> removes it.</summary>
    Replace,

    /// <summary>Objects merge key by key, recursively; a nested <c>null</c> removes that key.</summary>
    DeepMerge,

    /// <summary>As <see cref="Replace"/>, and an empty string removes the property too.</summary>
    EmptyRemoves,

    /// <summary>
    /// Objects merge key by key at their first level only (a user's metadata): a sent key replaces the stored one
    /// whole, <c>null</c> removes it.
    /// </summary>
    RootMerge,
}

/// <summary>The write a body is checked for.</summary>
internal enum WireOperation : byte
{
    Create,
    Update,

    /// <summary>An update of a system object (the Management API), which may change only a few properties.</summary>
    SystemUpdate,
}

/// <summary>The first mistake in a body: z-schema's detail, the property path (null for the root), Auth0's description.</summary>
internal readonly record struct WireMistake(string Detail, string? Path, string? Description = null);

/// <summary>z-schema's names of JSON types.</summary>
internal static class WireKinds
{
    public static string NameOf(WireKind kind) => kind switch
    {
        WireKind.String => "string",
        WireKind.Integer => "integer",
        WireKind.Number => "number",
        WireKind.Boolean => "boolean",
        WireKind.Object => "object",
        _ => "array",
    };

    public static string NameOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    public static bool Fits(WireKind kind, JsonElement value) => kind switch
    {
        WireKind.String => value.ValueKind == JsonValueKind.String,
        WireKind.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        WireKind.Number => value.ValueKind == JsonValueKind.Number,
        WireKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        WireKind.Object => value.ValueKind == JsonValueKind.Object,
        _ => value.ValueKind == JsonValueKind.Array,
    };
}
