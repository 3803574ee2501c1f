using Auth0ApiKit.Testing.Journal;

namespace Auth0ApiKit.Testing;

/// <summary>
/// Builds the fake tenant's read models for tests of code that consumes them (a helper that reads the request
/// journal). The SDK's own read models come from <see cref="Auth0ModelFactory"/>.
/// </summary>
public static class FakeTenantModelFactory
{
    /// <summary>One entry of the request journal. Its values are taken as they are: redact them yourself.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">The path and query.</param>
    /// <param name="status">The answer's status, or 0 for no answer.</param>
    /// <param name="sequence">The request's number, from 1.</param>
    /// <param name="timestamp">When the tenant received it; <see cref="DateTimeOffset.UnixEpoch"/> when left out.</param>
    /// <param name="requestHeaders">The request headers; none when left out.</param>
    /// <param name="requestBody">The request body; empty when left out.</param>
    /// <param name="responseBody">The answer's body; empty when left out.</param>
    /// <param name="fault">The fault that struck, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> or <paramref name="pathAndQuery"/> is <see langword="null"/>.</exception>
    public static JournalEntry JournalEntry(string method, string pathAndQuery, int status = 200, long sequence = 1,
        DateTimeOffset? timestamp = null, IReadOnlyDictionary<string, string>? requestHeaders = null, string requestBody = "",
        string responseBody = "", string? fault = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        return new(sequence, timestamp ?? DateTimeOffset.UnixEpoch, method, pathAndQuery,
            requestHeaders ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), requestBody, status, responseBody, fault);
    }
}
