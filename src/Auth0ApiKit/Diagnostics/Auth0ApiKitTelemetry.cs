using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Auth0ApiKit.Diagnostics;

/// <summary>
/// The name of the SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both <c>Auth0ApiKit</c>: pass it to
/// OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>.
/// </summary>
/// <remarks>
/// <para>Activities: one per request to Auth0, named <c>{method} {route template}</c> (such as
/// <c>GET /api/v2/resource-servers/{id}</c>, never the raw path), with <c>http.request.method</c>,
/// <c>url.template</c>, <c>server.address</c>, <c>http.response.status_code</c>, <c>http.request.resend_count</c>
/// (the SDK's retries) and <c>error.type</c>. Token fetches (<c>POST /oauth/token</c>) have the operation name
/// <c>Auth0ApiKit.TokenFetch</c>, other requests <c>Auth0ApiKit.Request</c>.</para>
/// <para>Metrics: <c>auth0apikit.http.client.requests</c> and <c>auth0apikit.http.client.request.duration</c> (every
/// request), <c>auth0apikit.token.fetches</c> (token endpoint requests), <c>auth0apikit.http.client.retries</c>,
/// <c>auth0apikit.http.client.retry_delay</c> (the 429 ones are the rate-limit waits) and
/// <c>auth0apikit.http.client.rate_limit_rejections</c>.</para>
/// <para>The meter comes from the <see cref="IMeterFactory"/> of the component's options
/// (<see cref="Auth0ComponentOptions.MeterFactory"/>), else from the container's under <c>AddAuth0ApiKit</c>, else it is
/// one of the SDK's own; its name and the instruments' are the same either way. Logs go to the
/// <see cref="ILoggerFactory"/> found the same way, each message with its own event id.</para>
/// <para>No tag, log or activity carries a secret, a token or an identifier taken from a path.</para>
/// </remarks>
public static class Auth0ApiKitTelemetry
{
    /// <summary>The name of the SDK's activity source and meter.</summary>
    public const string Name = "Auth0ApiKit";

    /// <summary>The version of the activity source and meter: the assembly's.</summary>
    internal static readonly string? Version = typeof(Auth0ApiKitTelemetry).Assembly.GetName().Version?.ToString();

    /// <summary>The SDK's one activity source.</summary>
    internal static ActivitySource ActivitySource { get; } = new(Name, Version);
}
