using Auth0ApiKit;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.DependencyInjection;
using Auth0ApiKit.Management;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers Auth0ApiKit: an <see cref="IAuth0ManagementClient"/> and an <see cref="IAccessTokenProvider"/> per tenant,
/// singletons that take their <see cref="HttpClient"/>s from IHttpClientFactory for every call.
/// </summary>
/// <remarks>
/// <para>The options are bound from configuration by generated code (no reflection, AOT-clean) and validated when the
/// host starts; a broken setting stops the start with an <see cref="OptionsValidationException"/> that names it.</para>
/// <para>Each registration owns two named <see cref="HttpClient"/>s: <c>Auth0ApiKit.Management[.name]</c> (telemetry,
/// retries, the bearer token) and <c>Auth0ApiKit.Token[.name]</c> (telemetry, retries). <b>One retry layer:</b> an app
/// that adds a resilience handler to every <see cref="HttpClient"/> (<c>ConfigureHttpClientDefaults(b =&gt;
/// b.AddStandardResilienceHandler())</c>) sets <c>Resilience:Enabled</c> to <see langword="false"/> (or
/// <see cref="Auth0ManagementClientOptions.Resilience"/> to <see langword="null"/>), and the SDK's own retry handler is
/// left out of both pipelines.</para>
/// </remarks>
public static class Auth0ApiKitServiceCollectionExtensions
{
    /// <summary>Registers the tenant configured in <paramref name="configuration"/> (by convention the section <c>Auth0</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <see cref="Auth0ManagementClientOptions"/>: <c>Domain</c>, <c>ClientId</c>, <c>ClientSecret</c>, <c>Resilience:MaxRetries</c>, ...</param>
    public static IAuth0ApiKitBuilder AddAuth0ApiKit(this IServiceCollection services, IConfiguration configuration) =>
        services.AddAuth0ApiKit(Options.Options.DefaultName, configuration);

    /// <summary>Registers the tenant that <paramref name="configure"/> sets up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    public static IAuth0ApiKitBuilder AddAuth0ApiKit(this IServiceCollection services, Action<Auth0ManagementClientOptions> configure) =>
        services.AddAuth0ApiKit(Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers a named tenant configured in <paramref name="configuration"/>: its clients are keyed services under
    /// <paramref name="name"/> (<c>[FromKeyedServices("eu")] IAuth0ManagementClient eu</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration's name and service key.</param>
    /// <param name="configuration">The section holding its <see cref="Auth0ManagementClientOptions"/>.</param>
    public static IAuth0ApiKitBuilder AddAuth0ApiKit(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<Auth0ManagementClientOptions>(name).Bind(configuration);
        return services.AddAuth0ApiKitCore(name);
    }

    /// <summary>Registers a named tenant that <paramref name="configure"/> sets up: its clients are keyed services under <paramref name="name"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration's name and service key.</param>
    /// <param name="configure">Sets the options.</param>
    public static IAuth0ApiKitBuilder AddAuth0ApiKit(this IServiceCollection services, string name, Action<Auth0ManagementClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<Auth0ManagementClientOptions>(name).Configure(configure);
        return services.AddAuth0ApiKitCore(name);
    }

    private static Auth0ApiKitBuilder AddAuth0ApiKitCore(this IServiceCollection services, string name)
    {
        var builder = new Auth0ApiKitBuilder(name, services);
        var registered = services.Select(d => d.ImplementationInstance).OfType<RegisteredNames>().FirstOrDefault();
        if (registered is null)
        {
            registered = new RegisteredNames();
            services.AddSingleton(registered);
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<Auth0ApiKitServices>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Auth0ManagementClientOptions>, Auth0ManagementClientOptionsValidator>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, NoRedirectsFilter>());
        }

        if (!registered.Add(name))
        {
            return builder; // Registered before: only the options configured above are added.
        }

        services.AddOptions<Auth0ManagementClientOptions>(name).ValidateOnStart();
        AddHttpClient(services, Auth0ApiKitServices.TokenHttpClientName(name), name,
            (_, options, components) => ManagementPipeline.TokenHandlers(options, components));
        AddHttpClient(services, Auth0ApiKitServices.ManagementHttpClientName(name), name, (sp, options, components) =>
            ManagementPipeline.ManagementHandlers(options, components, sp.GetRequiredKeyedService<IAccessTokenProvider>(name), ManagementEndpoints.From(options)));

        services.AddKeyedSingleton<IAccessTokenProvider>(name, (sp, _) => sp.GetRequiredService<Auth0ApiKitServices>().TokenProvider(name));
        services.AddKeyedSingleton(name, (sp, _) =>
            sp.GetRequiredService<Auth0ApiKitServices>().ManagementClient(name, sp.GetRequiredKeyedService<IAccessTokenProvider>(name)));
        services.AddKeyedSingleton<IAuth0ManagementClient>(name, (sp, _) => sp.GetRequiredKeyedService<Auth0ManagementClient>(name));
        if (name == Options.Options.DefaultName)
        {
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IAccessTokenProvider>(name));
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<Auth0ManagementClient>(name));
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IAuth0ManagementClient>(name));
        }

        return builder;
    }

    /// <summary>
    /// A named client with the <paramref name="handlers"/> of <see cref="ManagementPipeline"/>, over the registration's
    /// transport or else the factory's primary handler; no <see cref="HttpClient.Timeout"/> (it runs on the real clock;
    /// the retry layer times calls out on the injected one). Handlers are made when the factory builds a pipeline,
    /// from the options of that moment.
    /// </summary>
    private static void AddHttpClient(IServiceCollection services, string clientName, string name,
        Func<IServiceProvider, Auth0ManagementClientOptions, ComponentServices, IEnumerable<DelegatingHandler>> handlers) =>
        services.AddHttpClient(clientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigureAdditionalHttpMessageHandlers((pipeline, sp) =>
            {
                var auth0 = sp.GetRequiredService<Auth0ApiKitServices>();
                var options = auth0.Options(name);
                foreach (var handler in handlers(sp, options, auth0.Services(name)))
                {
                    pipeline.Add(handler);
                }

                if (options.Transport is { } transport)
                {
                    pipeline.Add(new SharedTransportHandler(transport));
                }
            });

    /// <summary>The names registered so far, kept in the service collection so that a second call with a name adds no second pipeline.</summary>
    private sealed class RegisteredNames
    {
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        public bool Add(string name) => _names.Add(name);
    }
}
