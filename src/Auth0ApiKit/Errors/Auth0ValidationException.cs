using System.Net;

namespace Auth0ApiKit;

/// <summary>
/// Auth0 answered 400 with its error body: it refused the request's content (<c>invalid_body</c>,
/// <c>invalid_query_string</c>, "Payload validation error: ..."). <see cref="Auth0Exception.ServiceMessage"/> names
/// the property and the rule.
/// </summary>
public sealed class Auth0ValidationException : Auth0Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public Auth0ValidationException() : this("Auth0 answered 400 Bad Request.") { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    public Auth0ValidationException(string message) : base(message, Auth0ErrorDetails.ForStatus(HttpStatusCode.BadRequest), innerException: null) { }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public Auth0ValidationException(string message, Exception innerException) : base(message, Auth0ErrorDetails.ForStatus(HttpStatusCode.BadRequest), innerException) { }

    internal Auth0ValidationException(string message, Auth0ErrorDetails details) : base(message, details, innerException: null) { }
}
