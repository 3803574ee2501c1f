namespace Auth0ApiKit.Testing.Faults;

/// <summary>A fault that strikes a request with a given probability.</summary>
/// <param name="Probability">From 0 to 1; the probabilities of one set add up to at most 1.</param>
/// <param name="Fault">The fault.</param>
public sealed record RandomFault(double Probability, Fault Fault);
