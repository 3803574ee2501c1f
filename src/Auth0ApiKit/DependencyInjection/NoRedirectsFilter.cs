using Auth0ApiKit.Management;
using Microsoft.Extensions.Http;

namespace Auth0ApiKit.DependencyInjection;

/// <summary>
/// Turns automatic redirects off on the primary handler of every <see cref="HttpClient"/> that carries Auth0
/// credentials (<c>Auth0ApiKit.Management[.name]</c> and <c>Auth0ApiKit.Token[.name]</c>), after every other
/// configuration has run: also when the app sets a primary handler for all its clients
/// (<c>ConfigureHttpClientDefaults</c>). The app's own API clients (<c>AddAuth0AccessToken</c>) are left as .NET has them.
/// </summary>
internal sealed class NoRedirectsFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (Auth0ApiKitServices.CarriesCredentials(builder.Name))
        {
            Redirects.TurnOff(builder.PrimaryHandler);
        }
    };
}
