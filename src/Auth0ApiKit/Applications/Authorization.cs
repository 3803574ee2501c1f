using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Applications;

/// <summary>The entry point for authorizing an application to call an API with some of its scopes.</summary>
/// <example>
/// <code>
/// var grant = Authorization.For(orders, worker).WithScope("read:orders").Build();
/// </code>
/// </example>
public static class Authorization
{
    /// <summary>Starts authorizing <paramref name="application"/> for <paramref name="api"/>.</summary>
    /// <param name="api">The API; granted scopes must be among its scopes.</param>
    /// <param name="application">The application, by definition (its grant types are checked), client id or name.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static AuthorizationDefinitionBuilder For(ApiDefinition api, ApplicationReference application)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(application);
        return new AuthorizationDefinitionBuilder(api, application);
    }
}
