using System.Net;

namespace Auth0ApiKit;

/// <summary>
/// Auth0 answered 401 to a Management API call: the access token is missing, invalid or expired.
/// </summary>
public sealed class Auth0UnauthorizedException : Auth0Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public Auth0UnauthorizedException() : this("Auth0 answered 401 Unauthorized.") { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    public Auth0UnauthorizedException(string message) : base(message, Auth0ErrorDetails.ForStatus(HttpStatusCode.Unauthorized), innerException: null) { }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public Auth0UnauthorizedException(string message, Exception innerException) : base(message, Auth0ErrorDetails.ForStatus(HttpStatusCode.Unauthorized), innerException) { }

    internal Auth0UnauthorizedException(string message, Auth0ErrorDetails details) : base(message, details, innerException: null) { }
}
