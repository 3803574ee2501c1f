namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>Thrown by the pipeline when a fault drops the connection; each transport turns it into its own failure.</summary>
internal sealed class FakeConnectionDroppedException : Exception
{
    public FakeConnectionDroppedException(bool committed)
        : base(committed ? "The fake tenant dropped the connection after committing the change." : "The fake tenant dropped the connection.") =>
        Committed = committed;

    public FakeConnectionDroppedException()
    {
    }

    public FakeConnectionDroppedException(string message) : base(message)
    {
    }

    public FakeConnectionDroppedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public bool Committed { get; }
}
