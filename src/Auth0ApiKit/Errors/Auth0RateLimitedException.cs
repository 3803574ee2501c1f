using System.Net;

namespace Auth0ApiKit;

/// <summary>
/// Auth0 answered 429 Too Many Requests: a rate limit was reached. Thrown when the SDK's retries are used up, and
/// at once, without waiting, when Auth0 asks for a wait longer than the configured maximum
/// (<c>Auth0ResilienceOptions.MaxRateLimitWait</c>). <see cref="RetryAt"/> tells when a call may succeed again.
/// </summary>
public sealed class Auth0RateLimitedException : Auth0Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public Auth0RateLimitedException() : this("Auth0 answered 429 Too Many Requests.") { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    public Auth0RateLimitedException(string message) : base(message, Auth0ErrorDetails.ForStatus(HttpStatusCode.TooManyRequests), innerException: null) { }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public Auth0RateLimitedException(string message, Exception innerException) : base(message, Auth0ErrorDetails.ForStatus(HttpStatusCode.TooManyRequests), innerException) { }

    internal Auth0RateLimitedException(string message, Auth0ErrorDetails details, Exception? innerException) : base(message, details, innerException) =>
        RetryAt = details.RetryAt;

    /// <summary>
    /// The earliest moment, on Auth0's clock, at which Auth0 said a call may succeed: the answer's time plus
    /// <c>Retry-After</c>, else <c>x-ratelimit-reset</c>; <see langword="null"/> when Auth0 said neither.
    /// </summary>
    public DateTimeOffset? RetryAt { get; }
}
