namespace Auth0ApiKit.Emulator;

/// <summary>
/// The emulator cannot start as configured: a bad flag, a seed file that breaks a rule, a port already in use. The
/// message is one line that says what is wrong and where; the command prints it and exits non-zero.
/// </summary>
internal sealed class EmulatorConfigurationException : Exception
{
    public EmulatorConfigurationException()
    {
    }

    public EmulatorConfigurationException(string message) : base(message)
    {
    }

    public EmulatorConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Whether the configuration was fine but the machine refused it (a busy port): exit code 1 rather than 2.</summary>
    public bool CannotStart { get; init; }
}
