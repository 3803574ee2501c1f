namespace Auth0ApiKit.Resilience;

/// <summary>
/// Per-request settings read by <see cref="Auth0ResilienceHandler"/>, set through
/// <see cref="HttpRequestMessage.Options"/>:
/// <c>request.Options.Set(Auth0RequestOptions.RetryAfterAmbiguousFailure, false)</c>.
/// </summary>
public static class Auth0RequestOptions
{
    /// <summary>
    /// Whether the request may be retried after a failure that leaves unknown whether Auth0 carried it out: an
    /// attempt that timed out, a connection dropped after the request was sent, or a 5xx answer. Without it, requests
    /// whose method is idempotent (<c>GET</c>, <c>HEAD</c>, <c>OPTIONS</c>, <c>TRACE</c>, <c>PUT</c>, <c>DELETE</c>) may,
    /// others (<c>POST</c>, <c>PATCH</c>) may not, so that a retry never turns one create into two. Set it to
    /// <see langword="true"/> for a request that is safe to repeat (a create whose duplicate Auth0 refuses with 409),
    /// to <see langword="false"/> for one that is not. Failures after which Auth0 certainly did not act (429, 408, a
    /// connection that could not be opened) are retried either way.
    /// </summary>
    public static HttpRequestOptionsKey<bool> RetryAfterAmbiguousFailure { get; } = new("Auth0ApiKit.RetryAfterAmbiguousFailure");

    /// <summary>
    /// Set by <see cref="Auth0ResilienceHandler"/> on a request whose failure it did not retry, with why (Auth0 may
    /// have carried it out; Auth0 asked for too long a wait), so that the exception that reports the failure can say so.
    /// </summary>
    internal static HttpRequestOptionsKey<string> StopReason { get; } = new("Auth0ApiKit.StopReason");
}
