namespace Auth0ApiKit.Testing;

/// <summary>
/// Thrown when a test seeds or changes a fake tenant in a way the tenant refuses, exactly as Auth0 would refuse it
/// through the Management API: the message is Auth0's own.
/// </summary>
public sealed class FakeTenantException : InvalidOperationException
{
    /// <summary>Creates the exception with Auth0's status and message.</summary>
    public FakeTenantException(int statusCode, string message) : base($"The fake tenant refused ({statusCode}): {message}") =>
        StatusCode = statusCode;

    /// <summary>Creates the exception.</summary>
    public FakeTenantException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public FakeTenantException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public FakeTenantException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the Management API would have answered.</summary>
    public int StatusCode { get; }
}
