using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Auth0ApiKit.Validation;
using Auth0ApiKit.Wire.Schema;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>Reads a JSON request body strictly: media type, size, syntax, schema, then the typed DTO.</summary>
internal static class JsonBody
{
    /// <summary>The largest body the fake accepts, as Auth0's front end does (1 MiB).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Parses and checks the body's shape; on success <paramref name="dto"/> is set.</summary>
    /// <returns>An error response, or <see langword="null"/> when the body is good.</returns>
    public static FakeResponse? Read<T>(FakeRequest request, BodySchema schema, JsonTypeInfo<T> typeInfo, out T? dto)
        where T : class
    {
        dto = null;
        JsonElement document;
        if (request.Body.Length > MaxBytes)
        {
            return ManagementErrors.PayloadTooLarge();
        }

        if (request.Body.Length > 0 && request.MediaType is not ("application/json" or ""))
        {
            return ManagementErrors.UnsupportedMediaType();
        }

        using (var parsed = request.Body.Length == 0 ? JsonDocument.Parse("null") : TryParse(request.Body))
        {
            if (parsed is null)
            {
                return ManagementErrors.MalformedJson();
            }

            document = parsed.RootElement.Clone();
        }

        if (schema.Check(document) is { } mistake)
        {
            return ManagementErrors.InvalidBody(mistake.Detail, mistake.Path);
        }

        try
        {
            dto = document.Deserialize(typeInfo);
        }
        catch (JsonException)
        {
            return ManagementErrors.MalformedJson();
        }

        return dto is null ? ManagementErrors.InvalidBody("Expected type object but found type null") : null;
    }

    /// <summary>Parses the body and checks it against a resource's field table for <paramref name="operation"/>.</summary>
    /// <returns>An error response, or <see langword="null"/> when the body is good and <paramref name="body"/> is set.</returns>
    public static FakeResponse? Read(FakeRequest request, WireShape shape, WireOperation operation, out JsonElement body)
    {
        body = default;
        if (request.Body.Length > MaxBytes)
        {
            return ManagementErrors.PayloadTooLarge();
        }

        if (request.Body.Length > 0 && request.MediaType is not ("application/json" or ""))
        {
            return ManagementErrors.UnsupportedMediaType();
        }

        if (request.Body.Length == 0)
        {
            return ManagementErrors.InvalidBody("Expected type object but found type null");
        }

        using (var parsed = TryParse(request.Body))
        {
            if (parsed is null)
            {
                return ManagementErrors.MalformedJson();
            }

            body = parsed.RootElement.Clone();
        }

        return shape.Check(body, operation) is { } mistake ? ManagementErrors.InvalidBody(mistake) : null;
    }

    /// <summary>
    /// Parses JSON that is also valid UTF-8 throughout, or gives <see langword="null"/>. System.Text.Json checks the
    /// UTF-8 of a name or a string only when it is read, and then throws <see cref="InvalidOperationException"/>;
    /// checking first turns such a body into malformed JSON, as any other broken body.
    /// </summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> body)
    {
        if (!Utf8.IsValid(body.Span))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Parses and checks the body's shape, then its values with <paramref name="checkFields"/> (server rules).</summary>
    /// <returns>An error response for the first mistake, or <see langword="null"/> when the body is good.</returns>
    public static FakeResponse? Read<T>(FakeRequest request, BodySchema schema, JsonTypeInfo<T> typeInfo,
        Action<T, List<ValidationError>> checkFields, out T? dto)
        where T : class
    {
        if (Read(request, schema, typeInfo, out dto) is { } error)
        {
            return error;
        }

        var errors = new List<ValidationError>();
        checkFields(dto!, errors);
        return RuleResponses.FirstOrNull(errors);
    }
}
