using System.Net;

namespace Auth0ApiKit;

/// <summary>What an <see cref="Auth0Exception"/> carries, already redacted; built by <see cref="Auth0ExceptionFactory"/>.</summary>
internal sealed record Auth0ErrorDetails
{
    public static readonly Auth0ErrorDetails None = new();

    public HttpStatusCode? StatusCode { get; init; }

    public string? Error { get; init; }

    public string? ErrorCode { get; init; }

    public string? ServiceMessage { get; init; }

    public string? ErrorUri { get; init; }

    public string? RequestId { get; init; }

    public Auth0RateLimit? RateLimit { get; init; }

    public DateTimeOffset? RetryAt { get; init; }

    public string? ResponseExcerpt { get; init; }

    public static Auth0ErrorDetails ForStatus(HttpStatusCode statusCode) => new() { StatusCode = statusCode };
}
