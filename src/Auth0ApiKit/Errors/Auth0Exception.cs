using System.Net;

namespace Auth0ApiKit;

/// <summary>
/// The root of every failure Auth0 reports to the SDK: an error answer of the Management API or the token
/// endpoint, an answer that is not an Auth0 error at all (a proxy's HTML page, a truncated body), no answer in
/// time, or no answer at all (a connection that could not be opened or that broke: the transport's
/// <see cref="HttpRequestException"/> is the <see cref="Exception.InnerException"/>); and a change someone else made
/// to the tenant between the SDK's read and its write. Subclasses exist only where callers branch: <see cref="Auth0NotFoundException"/>,
/// <see cref="Auth0ConflictException"/>, <see cref="Auth0ValidationException"/>,
/// <see cref="Auth0UnauthorizedException"/>, <see cref="Auth0ForbiddenException"/>,
/// <see cref="Auth0RateLimitedException"/>, <see cref="Auth0AuthenticationException"/>,
/// <see cref="Auth0TimeoutException"/> and <see cref="Auth0ConcurrentChangeException"/>.
/// </summary>
/// <remarks>
/// The message, <see cref="ServiceMessage"/> and <see cref="ResponseExcerpt"/> are redacted: client secrets,
/// signing secrets, tokens, Basic and Bearer credentials and anything shaped like a JWT are replaced by <c>***</c>.
/// </remarks>
public class Auth0Exception : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public Auth0Exception() : this("Auth0 reported an error.") { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    public Auth0Exception(string message) : this(message, Auth0ErrorDetails.None, innerException: null) { }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public Auth0Exception(string message, Exception innerException) : this(message, Auth0ErrorDetails.None, innerException) { }

    internal Auth0Exception(string message, Auth0ErrorDetails details, Exception? innerException)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        StatusCode = details.StatusCode;
        Error = details.Error;
        ErrorCode = details.ErrorCode;
        ServiceMessage = details.ServiceMessage;
        RequestId = details.RequestId;
        RateLimit = details.RateLimit;
        ResponseExcerpt = details.ResponseExcerpt;
    }

    /// <summary>The HTTP status of Auth0's answer; <see langword="null"/> when there was no answer (a timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// Auth0's <c>error</c> field: the reason phrase in a Management API body (<c>Not Found</c>), the OAuth error
    /// code in a token endpoint body (<c>access_denied</c>); <see langword="null"/> when the body had none.
    /// </summary>
    public string? Error { get; }

    /// <summary>
    /// Auth0's machine-readable code, the one to branch on: <c>errorCode</c> of a Management API body
    /// (<c>inexistent_resource_server</c>, <c>insufficient_scope</c>), <c>error</c> of a token endpoint body
    /// (<c>access_denied</c>); <see langword="null"/> when Auth0 sent none (it sometimes omits it).
    /// </summary>
    public string? ErrorCode { get; }

    /// <summary>Auth0's own sentence (<c>message</c> or <c>error_description</c>), redacted; <see langword="null"/> when absent.</summary>
    public string? ServiceMessage { get; }

    /// <summary>Auth0's id of the request (<c>X-Auth0-RequestId</c>, else <c>X-Request-Id</c>), to quote to Auth0 support.</summary>
    public string? RequestId { get; }

    /// <summary>The rate-limit state reported with the answer; <see langword="null"/> when it carried no such header.</summary>
    public Auth0RateLimit? RateLimit { get; }

    /// <summary>The start of the answer's body, redacted and shortened to about 200 characters; <see langword="null"/> when empty.</summary>
    public string? ResponseExcerpt { get; }
}
