namespace Auth0ApiKit;

/// <summary>
/// The token endpoint (<c>POST /oauth/token</c>) refused to issue a token and said why in OAuth terms
/// (RFC 6749 section 5.2): <see cref="Auth0Exception.Error"/> is the OAuth code (<c>access_denied</c>,
/// <c>unauthorized_client</c>, <c>invalid_grant</c>, ...), <see cref="ErrorDescription"/> Auth0's sentence
/// (<c>Unauthorized</c>, <c>Service not found: https://orders.example.com</c>).
/// </summary>
public sealed class Auth0AuthenticationException : Auth0Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public Auth0AuthenticationException() : this("Auth0 refused to issue a token.") { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    public Auth0AuthenticationException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public Auth0AuthenticationException(string message, Exception innerException) : base(message, innerException) { }

    internal Auth0AuthenticationException(string message, Auth0ErrorDetails details) : base(message, details, innerException: null) =>
        ErrorUri = details.ErrorUri;

    /// <summary>The OAuth <c>error_description</c>, redacted; <see langword="null"/> when absent.</summary>
    public string? ErrorDescription => ServiceMessage;

    /// <summary>The OAuth <c>error_uri</c>: a page explaining the error; <see langword="null"/> when absent.</summary>
    public string? ErrorUri { get; }
}
