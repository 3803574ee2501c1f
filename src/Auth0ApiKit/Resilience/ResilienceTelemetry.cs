using System.Diagnostics.Metrics;
using Auth0ApiKit.Diagnostics;

namespace Auth0ApiKit.Resilience;

/// <summary>
/// The SDK's metrics about retries, on the <see cref="Meter"/> named <c>Auth0ApiKit</c>. Every measurement carries
/// <c>error.type</c>: the status code (<c>429</c>, <c>503</c>), <c>timeout</c>, or the transport error's name.
/// </summary>
internal static class ResilienceTelemetry
{
    private static Meter Meter => Auth0ApiKitTelemetry.Meter;

    /// <summary>
    /// How many attempts the retry layer made for a request, set on the request when it is done so that the
    /// telemetry around it can report the retries.
    /// </summary>
    public static readonly HttpRequestOptionsKey<int> Attempts = new("Auth0ApiKit.Attempts");

    /// <summary>Retries of calls to Auth0.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "auth0apikit.http.client.retries", "{retry}", "Retries of calls to Auth0, by the failure that caused them.");

    /// <summary>How long the SDK waited before each retry; the 429 ones are the rate-limit waits.</summary>
    public static readonly Histogram<double> RetryDelay = Meter.CreateHistogram<double>(
        "auth0apikit.http.client.retry_delay", "s", "How long the SDK waited before retrying a call to Auth0.");

    /// <summary>Calls failed at once because Auth0 asked for a longer wait than allowed.</summary>
    public static readonly Counter<long> RateLimitRejections = Meter.CreateCounter<long>(
        "auth0apikit.http.client.rate_limit_rejections", "{call}", "Calls failed at once because Auth0 asked for a longer wait than allowed.");

    public static KeyValuePair<string, object?> ErrorType(string cause) => new("error.type", cause);
}
