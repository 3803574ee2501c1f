using Auth0ApiKit.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Gives a named <see cref="HttpClient"/> the access tokens of an <c>AddAuth0ApiKit</c> registration.</summary>
public static class Auth0AccessTokenHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds an <see cref="Auth0BearerTokenHandler"/> for <paramref name="audience"/> to the client: every request
    /// carries a client-credentials token of the registered application (cached, refreshed before expiry and after a
    /// 401), for calling your own Auth0-protected API. Redirects are left as the client's handler has them: .NET's
    /// handlers follow them but drop the <c>Authorization</c> header, so the token never reaches the redirect's target.
    /// </summary>
    /// <param name="builder">The client, from <c>services.AddHttpClient("orders", ...)</c>.</param>
    /// <param name="audience">The identifier of the API the client calls, such as <c>https://orders.example.com</c>.</param>
    /// <param name="registrationName">The <c>AddAuth0ApiKit</c> registration whose application and token provider to use; the unnamed one by default.</param>
    /// <example>
    /// <code>
    /// services.AddAuth0ApiKit(configuration.GetSection("Auth0"));
    /// services.AddHttpClient("orders", c => c.BaseAddress = new Uri("https://orders.example.com/"))
    ///     .AddAuth0AccessToken("https://orders.example.com");
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddAuth0AccessToken(this IHttpClientBuilder builder, string audience, string? registrationName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        var key = registrationName ?? Options.Options.DefaultName;
        return builder.AddHttpMessageHandler(services =>
            new Auth0BearerTokenHandler(services.GetRequiredKeyedService<IAccessTokenProvider>(key), audience));
    }
}
