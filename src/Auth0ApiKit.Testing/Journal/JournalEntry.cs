using Auth0ApiKit.Testing.Endpoints;

namespace Auth0ApiKit.Testing.Journal;

/// <summary>
/// One request the fake tenant received and what it answered, with every secret redacted. Read-only, compared by
/// reference; tests build one with <see cref="FakeTenantModelFactory.JournalEntry"/>.
/// </summary>
/// <remarks>
/// An entry the tenant records keeps the request and answer it saw (the tenant holds those secrets anyway) and redacts
/// them when one of the redacted members is first read, once: a test that never reads its journal pays nothing for it.
/// </remarks>
public sealed class JournalEntry
{
    private readonly Lazy<Redacted> _redacted;

    internal JournalEntry(long sequence, DateTimeOffset timestamp, string method, string pathAndQuery,
        IReadOnlyDictionary<string, string> requestHeaders, string requestBody, int status, string responseBody, string? fault)
        : this(sequence, timestamp, method, status, fault, new Lazy<Redacted>(new Redacted(pathAndQuery, requestHeaders, requestBody, responseBody)))
    {
    }

    /// <summary>An entry of a request the tenant answered (<paramref name="response"/> is <see langword="null"/> when it gave no answer), redacted when first read.</summary>
    internal JournalEntry(long sequence, DateTimeOffset timestamp, FakeRequest request, FakeResponse? response, string? fault)
        : this(sequence, timestamp, request.Method, response?.Status ?? 0, fault, new Lazy<Redacted>(() => Redact(request, response)))
    {
    }

    private JournalEntry(long sequence, DateTimeOffset timestamp, string method, int status, string? fault, Lazy<Redacted> redacted)
    {
        Sequence = sequence;
        Timestamp = timestamp;
        Method = method;
        Status = status;
        Fault = fault;
        _redacted = redacted;
    }

    /// <summary>The request's number, from 1, in the order the tenant received them.</summary>
    public long Sequence { get; }

    /// <summary>When the tenant received it, on the tenant's clock.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path and query, with secret parameters redacted.</summary>
    public string PathAndQuery => _redacted.Value.PathAndQuery;

    /// <summary>The request headers; credentials keep only their scheme (<c>Bearer ***</c>).</summary>
    public IReadOnlyDictionary<string, string> RequestHeaders => _redacted.Value.RequestHeaders;

    /// <summary>The request body, with secret fields and tokens redacted.</summary>
    public string RequestBody => _redacted.Value.RequestBody;

    /// <summary>The answer's status, or 0 when no answer was given (a dropped connection, a cancelled time-out).</summary>
    public int Status { get; }

    /// <summary>The answer's body, with secret fields and tokens redacted.</summary>
    public string ResponseBody => _redacted.Value.ResponseBody;

    /// <summary>The fault that struck, if any.</summary>
    public string? Fault { get; }

    /// <summary>The request on one line, such as <c>#3 GET /api/v2/clients -> 200</c> (with the fault, if one struck).</summary>
    public override string ToString() =>
        $"#{Sequence} {Method} {PathAndQuery} -> {Status}{(Fault is null ? string.Empty : $" ({Fault})")}";

    private static Redacted Redact(FakeRequest request, FakeResponse? response) => new(
        JournalRedaction.PathAndQuery(request),
        JournalRedaction.Headers(request),
        JournalRedaction.RequestBody(request),
        JournalRedaction.ResponseBody(response));

    /// <summary>What the entry shows of the request and answer, secrets taken out.</summary>
    private sealed record Redacted(string PathAndQuery, IReadOnlyDictionary<string, string> RequestHeaders, string RequestBody, string ResponseBody);
}
