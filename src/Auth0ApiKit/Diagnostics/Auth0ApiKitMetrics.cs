using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Auth0ApiKit.Diagnostics;

/// <summary>
/// The SDK's instruments on one <c>Auth0ApiKit</c> meter: a meter from the <see cref="IMeterFactory"/> a component is
/// given, else one of the SDK's own. Names and units are those listed on <see cref="Auth0ApiKitTelemetry"/>.
/// </summary>
internal sealed class Auth0ApiKitMetrics
{
    private static readonly ConditionalWeakTable<IMeterFactory, Auth0ApiKitMetrics> ByFactory = [];

    private Auth0ApiKitMetrics(Meter meter)
    {
        Requests = meter.CreateCounter<long>(
            "auth0apikit.http.client.requests", "{request}", "Requests the SDK sent to Auth0, by route template and outcome; retries count once.");
        Duration = meter.CreateHistogram<double>(
            "auth0apikit.http.client.request.duration", "s", "How long requests to Auth0 took, retries and their waits included.");
        TokenFetches = meter.CreateCounter<long>(
            "auth0apikit.token.fetches", "{fetch}", "Tokens the SDK requested from the token endpoint, by outcome.");
        Retries = meter.CreateCounter<long>(
            "auth0apikit.http.client.retries", "{retry}", "Retries of calls to Auth0, by the failure that caused them.");
        RetryDelay = meter.CreateHistogram<double>(
            "auth0apikit.http.client.retry_delay", "s", "How long the SDK waited before retrying a call to Auth0.");
        RateLimitRejections = meter.CreateCounter<long>(
            "auth0apikit.http.client.rate_limit_rejections", "{call}", "Calls failed at once because Auth0 asked for a longer wait than allowed.");
    }

    /// <summary>The instruments on the SDK's own meter, for components given no meter factory.</summary>
    public static Auth0ApiKitMetrics Default { get; } = new(new Meter(Auth0ApiKitTelemetry.Name, Auth0ApiKitTelemetry.Version));

    /// <summary>Requests to Auth0, retries counting once.</summary>
    public Counter<long> Requests { get; }

    /// <summary>How long requests to Auth0 took, retries included.</summary>
    public Histogram<double> Duration { get; }

    /// <summary>Requests to the token endpoint.</summary>
    public Counter<long> TokenFetches { get; }

    /// <summary>Retries of calls to Auth0.</summary>
    public Counter<long> Retries { get; }

    /// <summary>How long the SDK waited before each retry; the 429 ones are the rate-limit waits.</summary>
    public Histogram<double> RetryDelay { get; }

    /// <summary>Calls failed at once because Auth0 asked for a longer wait than allowed.</summary>
    public Counter<long> RateLimitRejections { get; }

    /// <summary>The instruments on the <c>Auth0ApiKit</c> meter of <paramref name="meterFactory"/>, made once per factory.</summary>
    public static Auth0ApiKitMetrics For(IMeterFactory meterFactory) =>
        ByFactory.GetValue(meterFactory, static factory =>
            new Auth0ApiKitMetrics(factory.Create(new MeterOptions(Auth0ApiKitTelemetry.Name) { Version = Auth0ApiKitTelemetry.Version })));
}
