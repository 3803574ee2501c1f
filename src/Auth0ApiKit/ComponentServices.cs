using System.Diagnostics.Metrics;
using Auth0ApiKit.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth0ApiKit;

/// <summary>The clock, loggers and metrics one component runs with, resolved from its <see cref="Auth0ComponentOptions"/>.</summary>
internal sealed record ComponentServices(TimeProvider TimeProvider, ILoggerFactory LoggerFactory, Auth0ApiKitMetrics Metrics)
{
    /// <summary>The system clock, no logs and the SDK's own meter.</summary>
    public static ComponentServices Default { get; } = new(TimeProvider.System, NullLoggerFactory.Instance, Auth0ApiKitMetrics.Default);

    /// <summary>The container's clock, loggers and meter factory, the defaults for those it lacks.</summary>
    public static ComponentServices From(IServiceProvider services) =>
        new(services.GetService<TimeProvider>() ?? Default.TimeProvider,
            services.GetService<ILoggerFactory>() ?? Default.LoggerFactory,
            services.GetService<IMeterFactory>() is { } meters ? Auth0ApiKitMetrics.For(meters) : Default.Metrics);

    /// <summary>
    /// A logger for <typeparamref name="T"/>; without logging (the default) the shared no-op logger, since making a
    /// named logger costs more than the component that asks for it.
    /// </summary>
    public ILogger<T> CreateLogger<T>() =>
        ReferenceEquals(LoggerFactory, NullLoggerFactory.Instance) ? NullLogger<T>.Instance : LoggerFactory.CreateLogger<T>();

    /// <summary>The settings of <paramref name="options"/> over these; these when it is <see langword="null"/>.</summary>
    public ComponentServices With(Auth0ComponentOptions? options) => options?.Resolve(this) ?? this;
}
