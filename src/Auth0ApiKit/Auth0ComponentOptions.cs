using System.Diagnostics.Metrics;
using Auth0ApiKit.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Auth0ApiKit;

/// <summary>
/// What the options of every SDK component carry besides their own settings, all set in code: the clock, where logs
/// go and where metrics go, so that a component made with <see langword="new"/> logs and is measured like one from
/// the container.
/// </summary>
/// <remarks>
/// A setting left <see langword="null"/> comes from the options around these ones (a management client's for its
/// <c>TokenCache</c> and <c>Resilience</c>, a JwtBearer scheme's for its <c>Validation</c> and <c>SigningKeys</c>),
/// then from the container under <c>AddAuth0ApiKit</c> and <c>AddAuth0JwtBearer</c> (its <see cref="System.TimeProvider"/>,
/// <see cref="ILoggerFactory"/> and <see cref="IMeterFactory"/>), else from the defaults: the system clock, no logs, and
/// the SDK's own <c>Auth0ApiKit</c> meter. A component that neither logs nor measures ignores those settings.
/// </remarks>
public abstract class Auth0ComponentOptions
{
    /// <summary>Only the SDK's own options derive from this class.</summary>
    private protected Auth0ComponentOptions()
    {
    }

    /// <summary>The clock for expiry, refreshes, retries and time-outs; <see langword="null"/> takes it from around (see the remarks).</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Where the component logs (never a secret or a token); <see langword="null"/> takes it from around (see the remarks).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Where the component's <c>Auth0ApiKit</c> meter comes from; <see langword="null"/> takes it from around (see the
    /// remarks). See <see cref="Auth0ApiKitTelemetry"/> for the instruments.
    /// </summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>These settings, with <paramref name="around"/>'s where they are not set.</summary>
    internal ComponentServices Resolve(ComponentServices around) =>
        new(TimeProvider ?? around.TimeProvider, LoggerFactory ?? around.LoggerFactory,
            MeterFactory is { } meters ? Auth0ApiKitMetrics.For(meters) : around.Metrics);
}
