using System.Net;

namespace Auth0ApiKit;

/// <summary>
/// Auth0 answered 404 with its error body: the API, application or authorization does not exist
/// (<c>inexistent_resource_server</c>, <c>inexistent_client</c>, <c>inexistent_client_grant</c>). A 404 that is
/// not an Auth0 error body (a proxy's page for a wrong base address) is a plain <see cref="Auth0Exception"/>.
/// </summary>
public sealed class Auth0NotFoundException : Auth0Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public Auth0NotFoundException() : this("Auth0 answered 404 Not Found.") { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    public Auth0NotFoundException(string message) : base(message, Auth0ErrorDetails.ForStatus(HttpStatusCode.NotFound), innerException: null) { }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public Auth0NotFoundException(string message, Exception innerException) : base(message, Auth0ErrorDetails.ForStatus(HttpStatusCode.NotFound), innerException) { }

    internal Auth0NotFoundException(string message, Auth0ErrorDetails details) : base(message, details, innerException: null) { }
}
