using System.Text.Json;
using System.Text.Unicode;
using Auth0ApiKit.Wire.Schema;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>Reads a JSON request body strictly: size, media type, syntax, then the resource's field table.</summary>
internal static class JsonBody
{
    /// <summary>The largest body the fake accepts, as Auth0's front end does (1 MiB).</summary>
    public const int MaxBytes = 1024 * 1024;

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
}
