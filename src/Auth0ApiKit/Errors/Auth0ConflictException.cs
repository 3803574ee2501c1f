using System.Net;

namespace Auth0ApiKit;

/// <summary>
/// Auth0 answered 409: the thing to create exists already (an API with the same identifier, an authorization
/// between the same application and API). A change someone else made between the SDK's read and its write is an
/// <see cref="Auth0ConcurrentChangeException"/>.
/// </summary>
public sealed class Auth0ConflictException : Auth0Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public Auth0ConflictException() : this("Auth0 answered 409 Conflict.") { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    public Auth0ConflictException(string message) : base(message, Auth0ErrorDetails.ForStatus(HttpStatusCode.Conflict), innerException: null) { }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public Auth0ConflictException(string message, Exception innerException) : base(message, Auth0ErrorDetails.ForStatus(HttpStatusCode.Conflict), innerException) { }

    internal Auth0ConflictException(string message, Auth0ErrorDetails details) : base(message, details, innerException: null) { }
}
