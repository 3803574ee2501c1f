using Auth0ApiKit.Diagnostics;

namespace Auth0ApiKit.Resilience;

/// <summary>
/// What the retry layer tells the telemetry: the attempts of a request, and the <c>error.type</c> tag that every retry
/// metric of <see cref="Auth0ApiKitMetrics"/> carries: the status code (<c>429</c>, <c>503</c>), <c>timeout</c>, or the
/// transport error's name.
/// </summary>
internal static class ResilienceTelemetry
{
    /// <summary>
    /// How many attempts the retry layer made for a request, set on the request when it is done so that the
    /// telemetry around it can report the retries.
    /// </summary>
    public static readonly HttpRequestOptionsKey<int> Attempts = new("Auth0ApiKit.Attempts");

    /// <summary>The <c>error.type</c> tag of a retry metric.</summary>
    public static KeyValuePair<string, object?> ErrorType(string cause) => new("error.type", cause);
}
