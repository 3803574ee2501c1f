using System.Net;

namespace Auth0ApiKit;

/// <summary>
/// Auth0 answered 403 to a Management API call: the access token lacks a scope the call needs
/// (<c>insufficient_scope</c>; <see cref="Auth0Exception.ServiceMessage"/> names the scopes expected).
/// </summary>
public sealed class Auth0ForbiddenException : Auth0Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public Auth0ForbiddenException() : this("Auth0 answered 403 Forbidden.") { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    public Auth0ForbiddenException(string message) : base(message, Auth0ErrorDetails.ForStatus(HttpStatusCode.Forbidden), innerException: null) { }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public Auth0ForbiddenException(string message, Exception innerException) : base(message, Auth0ErrorDetails.ForStatus(HttpStatusCode.Forbidden), innerException) { }

    internal Auth0ForbiddenException(string message, Auth0ErrorDetails details) : base(message, details, innerException: null) { }
}
