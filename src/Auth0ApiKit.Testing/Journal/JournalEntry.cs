namespace Auth0ApiKit.Testing.Journal;

/// <summary>
/// One request the fake tenant received and what it answered, with every secret redacted. Read-only, compared by
/// reference; tests build one with <see cref="FakeTenantModelFactory.JournalEntry"/>.
/// </summary>
public sealed class JournalEntry
{
    internal JournalEntry(long sequence, DateTimeOffset timestamp, string method, string pathAndQuery,
        IReadOnlyDictionary<string, string> requestHeaders, string requestBody, int status, string responseBody, string? fault)
    {
        Sequence = sequence;
        Timestamp = timestamp;
        Method = method;
        PathAndQuery = pathAndQuery;
        RequestHeaders = requestHeaders;
        RequestBody = requestBody;
        Status = status;
        ResponseBody = responseBody;
        Fault = fault;
    }

    /// <summary>The request's number, from 1, in the order the tenant received them.</summary>
    public long Sequence { get; }

    /// <summary>When the tenant received it, on the tenant's clock.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path and query, with secret parameters redacted.</summary>
    public string PathAndQuery { get; }

    /// <summary>The request headers; credentials keep only their scheme (<c>Bearer ***</c>).</summary>
    public IReadOnlyDictionary<string, string> RequestHeaders { get; }

    /// <summary>The request body, with secret fields and tokens redacted.</summary>
    public string RequestBody { get; }

    /// <summary>The answer's status, or 0 when no answer was given (a dropped connection, a cancelled time-out).</summary>
    public int Status { get; }

    /// <summary>The answer's body, with secret fields and tokens redacted.</summary>
    public string ResponseBody { get; }

    /// <summary>The fault that struck, if any.</summary>
    public string? Fault { get; }

    /// <summary>The request on one line, such as <c>#3 GET /api/v2/clients -> 200</c> (with the fault, if one struck).</summary>
    public override string ToString() =>
        $"#{Sequence} {Method} {PathAndQuery} -> {Status}{(Fault is null ? string.Empty : $" ({Fault})")}";
}
