namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What <c>AddAuth0ApiKit</c> returns: one tenant's registration, to configure further.</summary>
public interface IAuth0ApiKitBuilder
{
    /// <summary>
    /// The registration's name: the options name and the service key of its clients (<c>[FromKeyedServices(name)]</c>);
    /// empty for the unnamed registration, whose clients are also registered without a key.
    /// </summary>
    string Name { get; }

    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }
}

/// <summary>The one implementation of <see cref="IAuth0ApiKitBuilder"/>.</summary>
internal sealed record Auth0ApiKitBuilder(string Name, IServiceCollection Services) : IAuth0ApiKitBuilder;
