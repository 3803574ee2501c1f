using Auth0ApiKit.Applications;

namespace Auth0ApiKit.Management;

/// <summary>
/// The authorizations of applications for APIs (client grants) of a tenant. Every method is thread-safe and honours
/// its cancellation token.
/// </summary>
public interface IAuthorizationsClient
{
    /// <summary>
    /// Authorizes an application for an API with a subset of the API's scopes (checked first: the dashboard allows only
    /// defined scopes). Never doubled: when Auth0 answers 409 and the existing authorization has the same scopes, it
    /// is returned; otherwise the conflict is thrown.
    /// </summary>
    /// <exception cref="Validation.DefinitionException">A scope is not defined by the API; nothing was sent.</exception>
    /// <exception cref="Auth0NotFoundException">The API or the application does not exist.</exception>
    /// <exception cref="Auth0ConflictException">The application is already authorized with other scopes.</exception>
    Task<TenantAuthorization> AuthorizeAsync(string clientId, string apiIdentifier, IEnumerable<string> scopes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies an authorization definition: its application by client id, or by name when exactly one application
    /// has that name.
    /// </summary>
    /// <exception cref="InvalidOperationException">No application, or several, have the name.</exception>
    Task<TenantAuthorization> ApplyAsync(AuthorizationDefinition authorization, CancellationToken cancellationToken = default);

    /// <summary>The application's authorization for the API, or <see langword="null"/>.</summary>
    Task<TenantAuthorization?> GetAsync(string clientId, string apiIdentifier, CancellationToken cancellationToken = default);

    /// <summary>
    /// Authorizations, optionally of one application and/or for one API, fetched a page at a time as the enumeration
    /// goes (with Auth0's checkpoint paging, which neither skips nor repeats an authorization when others are added meanwhile).
    /// </summary>
    IAsyncEnumerable<TenantAuthorization> ListAsync(string? clientId = null, string? apiIdentifier = null, CancellationToken cancellationToken = default);

    /// <summary>One page of authorizations, optionally of one application and/or for one API, with the total count.</summary>
    /// <param name="page">The page, from 0.</param>
    /// <param name="perPage">The page size, 1 to 100.</param>
    /// <param name="clientId">Only the authorizations of this application.</param>
    /// <param name="apiIdentifier">Only the authorizations for this API.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<ResultPage<TenantAuthorization>> ListPageAsync(int page, int perPage, string? clientId = null, string? apiIdentifier = null,
        CancellationToken cancellationToken = default);

    /// <summary>Changes the scopes of an existing authorization (checked against the API's scopes first).</summary>
    /// <exception cref="Auth0NotFoundException">The application is not authorized for the API.</exception>
    Task<TenantAuthorization> ChangeScopesAsync(string clientId, string apiIdentifier, IEnumerable<string> scopes, CancellationToken cancellationToken = default);

    /// <summary>Revokes the application's authorization for the API; one that is not there is not an error.</summary>
    /// <returns>Whether an authorization was revoked.</returns>
    Task<bool> RevokeAsync(string clientId, string apiIdentifier, CancellationToken cancellationToken = default);
}
