using Auth0ApiKit.Wire;
using Auth0ApiKit.Wire.Schema;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>The Management API's error responses, in Auth0's body shape.</summary>
internal static class ManagementErrors
{
    public static FakeResponse Error(int status, string message, string? errorCode = null) =>
        FakeResponse.Json(status, new ManagementErrorDto
        {
            StatusCode = status,
            Error = ReasonPhrase(status),
            Message = message,
            ErrorCode = errorCode,
        }, WireJson.Context.ManagementErrorDto);

    /// <summary>400 <c>invalid_body</c> with the schema-validation message template.</summary>
    public static FakeResponse InvalidBody(string detail, string? property = null) =>
        Error(400, PayloadValidationMessage(detail, property), "invalid_body");

    /// <summary>400 <c>invalid_body</c> for a body that breaks a field table's rule, with Auth0's description of the property when known.</summary>
    public static FakeResponse InvalidBody(WireMistake mistake) =>
        Error(400, mistake.Description is null
            ? PayloadValidationMessage(mistake.Detail, mistake.Path)
            : $"Payload validation error: '{mistake.Detail}' on property {mistake.Path} ({mistake.Description}).", "invalid_body");

    /// <summary>400 <c>invalid_query_string</c> for a query parameter out of its range or of the wrong type.</summary>
    /// <param name="detail">What is wrong, in the schema validator's words.</param>
    /// <param name="property">The parameter.</param>
    /// <param name="description">Auth0's description of the parameter, where known: it follows the name in brackets.</param>
    public static FakeResponse InvalidQuery(string detail, string property, string? description = null) =>
        Error(400, description is null
            ? $"Query validation error: '{detail}' on property {property}."
            : $"Query validation error: '{detail}' on property {property} ({description}).", "invalid_query_string");

    public static string PayloadValidationMessage(string detail, string? property) =>
        property is null
            ? $"Payload validation error: '{detail}'."
            : $"Payload validation error: '{detail}' on property {property}.";

    public static FakeResponse InvalidToken() =>
        FakeResponse.RawJson(401, """{"statusCode":401,"error":"Unauthorized","message":"Invalid token","attributes":{"error":"Invalid token"}}""");

    /// <summary>403 <c>insufficient_scope</c> naming every scope that would have been enough.</summary>
    public static FakeResponse InsufficientScope(params IEnumerable<string> anyOf) => InsufficientScope(string.Join(", ", anyOf));

    /// <summary>403 <c>insufficient_scope</c> naming the scopes that would have been enough, already joined with <c>", "</c>.</summary>
    public static FakeResponse InsufficientScope(string anyOf) =>
        Error(403, $"Insufficient scope, expected any of: {anyOf}", "insufficient_scope");

    /// <summary>The response header that marks an answer to an Auth0 operation the fake does not model.</summary>
    public const string UnmodelledHeader = "x-auth0apikit-unmodelled";

    /// <summary>
    /// An operation Auth0 has but the fake does not model: what Auth0 answers a token without its scopes (403
    /// <c>insufficient_scope</c>), so that tools warn and carry on, with <see cref="UnmodelledHeader"/> naming it.
    /// </summary>
    public static FakeResponse Unmodelled(Auth0ApiOperation operation)
    {
        var response = InsufficientScope(operation.Scopes);
        response.Headers[UnmodelledHeader] = operation.Name;
        return response;
    }

    public static FakeResponse RouteNotFound() => Error(404, "Not Found");

    public static FakeResponse MalformedJson() => Error(400, "Invalid request payload JSON format");

    public static FakeResponse UnsupportedMediaType() => Error(415, "Unsupported Media Type");

    public static FakeResponse PayloadTooLarge() => Error(413, "Payload content length greater than maximum allowed: 1048576");

    public static FakeResponse TooManyRequests() => Error(429, "Global limit has been reached", "too_many_requests");

    public static string ReasonPhrase(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Request Entity Too Large",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };
}
