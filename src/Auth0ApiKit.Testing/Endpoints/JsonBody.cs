using System.Text.Json;
using Auth0ApiKit.Wire;
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
        if (CheckEnvelope(request) is { } envelopeError)
        {
            return envelopeError;
        }

        using (var parsed = WireJson.TryParse(request.Body))
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
    /// Checks a create body against a resource's field table, through the table's memory of bodies it has checked.
    /// </summary>
    /// <returns>An error response, or <see langword="null"/> when the body is good and <paramref name="checkedCreate"/> holds its defaults.</returns>
    public static FakeResponse? ReadCreate(FakeRequest request, WireShape shape, out CheckedCreate checkedCreate)
    {
        checkedCreate = null!;
        if (CheckEnvelope(request) is { } envelopeError)
        {
            return envelopeError;
        }

        if (!shape.TryCheckCreate(request.Body, out var found))
        {
            return ManagementErrors.MalformedJson();
        }

        checkedCreate = found;
        return found.Mistake is { } mistake ? ManagementErrors.InvalidBody(mistake) : null;
    }

    /// <summary>The checks before a body is parsed: its size, its media type, that there is one.</summary>
    private static FakeResponse? CheckEnvelope(FakeRequest request)
    {
        if (request.Body.Length > MaxBytes)
        {
            return ManagementErrors.PayloadTooLarge();
        }

        if (request.Body.Length > 0 && request.MediaType is not ("application/json" or ""))
        {
            return ManagementErrors.UnsupportedMediaType();
        }

        return request.Body.Length == 0 ? ManagementErrors.InvalidBody("Expected type object but found type null") : null;
    }
}
