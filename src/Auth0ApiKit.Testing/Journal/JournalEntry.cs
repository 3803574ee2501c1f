namespace Auth0ApiKit.Testing.Journal;

/// <summary>One request the fake tenant received and what it answered, with every secret redacted.</summary>
/// <param name="Sequence">The request's number, from 1, in the order the tenant received them.</param>
/// <param name="Timestamp">When the tenant received it, on the tenant's clock.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query, with secret parameters redacted.</param>
/// <param name="RequestHeaders">The request headers; credentials keep only their scheme (<c>Bearer ***</c>).</param>
/// <param name="RequestBody">The request body, with secret fields and tokens redacted.</param>
/// <param name="Status">The answer's status, or 0 when no answer was given (a dropped connection, a cancelled time-out).</param>
/// <param name="ResponseBody">The answer's body, with secret fields and tokens redacted.</param>
/// <param name="Fault">The fault that struck, if any.</param>
public sealed record JournalEntry(
    long Sequence,
    DateTimeOffset Timestamp,
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string RequestBody,
    int Status,
    string ResponseBody,
    string? Fault);
