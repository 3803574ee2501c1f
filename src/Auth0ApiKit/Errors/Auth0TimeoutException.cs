namespace Auth0ApiKit;

/// <summary>
/// Auth0 did not answer in time: an attempt ran past the per-attempt timeout and no retry was allowed or left,
/// or the whole call ran past the overall timeout. Whether Auth0 carried out the request is unknown: after a
/// timed-out create, look the resource up before creating it again.
/// </summary>
public sealed class Auth0TimeoutException : Auth0Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public Auth0TimeoutException() : this("Auth0 did not answer in time.") { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    public Auth0TimeoutException(string message) : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong; it must not contain secrets.</param>
    /// <param name="innerException">The cause.</param>
    public Auth0TimeoutException(string message, Exception innerException) : base(message, innerException) { }

    internal Auth0TimeoutException(string message, TimeSpan timeout, int attempts, Exception innerException)
        : base(message, innerException)
    {
        Timeout = timeout;
        Attempts = attempts;
    }

    /// <summary>The timeout that ran out; <see langword="null"/> when not known.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>How many attempts were made before giving up; 0 when not known.</summary>
    public int Attempts { get; }
}
