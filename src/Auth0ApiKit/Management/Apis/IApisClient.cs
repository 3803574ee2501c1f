using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Management;

/// <summary>The APIs (resource servers) of a tenant. Every method is thread-safe and honours its cancellation token.</summary>
public interface IApisClient
{
    /// <summary>
    /// Creates an API. The dashboard's and Auth0's rules are checked first (nothing is sent if one breaks). A create is
    /// never doubled: when Auth0 answers 409 (after a retry, or because the API exists) and the existing API has
    /// every setting the definition sets, it is returned; otherwise the conflict is thrown.
    /// </summary>
    /// <exception cref="Validation.DefinitionException">A rule breaks; nothing was sent.</exception>
    /// <exception cref="Auth0ConflictException">Another API has this identifier with other settings.</exception>
    Task<TenantApi> CreateAsync(ApiDefinition api, CancellationToken cancellationToken = default);

    /// <summary>
    /// The API with this identifier, or <see langword="null"/>. Looked up with the <c>identifiers</c> filter, so an
    /// identifier that looks like an id, or holds characters a path mangles, is found all the same.
    /// </summary>
    Task<TenantApi?> GetAsync(string identifier, CancellationToken cancellationToken = default);

    /// <summary>The API with this id (24 hex characters), or <see langword="null"/>.</summary>
    Task<TenantApi?> GetByIdAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every API, the system API included, fetched a page at a time as the enumeration goes.</summary>
    IAsyncEnumerable<TenantApi> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One page of APIs with the total count.</summary>
    /// <param name="page">The page, from 0.</param>
    /// <param name="perPage">The page size, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<ResultPage<TenantApi>> ListPageAsync(int page, int perPage, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings the API with the definition's identifier to the settings the definition sets, sending only what
    /// changes (nothing when nothing does). The signing algorithm cannot change (the dashboard fixes it): such a definition is
    /// refused before anything is sent.
    /// </summary>
    /// <exception cref="Validation.DefinitionException">A rule breaks (the algorithm changes, the web lifetime would exceed the token lifetime).</exception>
    /// <exception cref="Auth0NotFoundException">No API has this identifier.</exception>
    Task<TenantApi> UpdateAsync(ApiDefinition desired, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings the API with this id to the settings the definition sets, as <see cref="UpdateAsync"/> does. The
    /// identifier can never change: a definition with another identifier than the API's is refused before anything
    /// is sent, as is a change of signing algorithm.
    /// </summary>
    /// <param name="id">The API's id (24 hex characters).</param>
    /// <param name="desired">The settings to apply.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="Validation.DefinitionException">A rule breaks (the identifier or the algorithm changes, the web lifetime would exceed the token lifetime).</exception>
    /// <exception cref="Auth0NotFoundException">No API has this id.</exception>
    Task<TenantApi> UpdateByIdAsync(string id, ApiDefinition desired, CancellationToken cancellationToken = default);

    /// <summary>Deletes the API (and Auth0 deletes its authorizations). Deleting one that is not there is not an error.</summary>
    /// <returns>Whether an API was deleted.</returns>
    Task<bool> DeleteAsync(string identifier, CancellationToken cancellationToken = default);

    /// <summary>Adds scopes (replacing the description of a value already there). See <see cref="ReplaceScopesAsync"/> for how.</summary>
    Task<TenantApi> AddScopesAsync(string identifier, IEnumerable<Scope> scopes, CancellationToken cancellationToken = default);

    /// <summary>Removes the scopes with these values. See <see cref="ReplaceScopesAsync"/> for how.</summary>
    Task<TenantApi> RemoveScopesAsync(string identifier, IEnumerable<string> values, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the API's scopes. Auth0 has no per-scope endpoint and no ETags: scope changes read, modify and write
    /// the whole list, one at a time per API within this client, then read it back; if another writer changed the
    /// list meanwhile, the lost update is reported as an <see cref="Auth0ConcurrentChangeException"/>.
    /// </summary>
    /// <exception cref="Validation.DefinitionException">The resulting scopes break a rule; nothing was sent.</exception>
    Task<TenantApi> ReplaceScopesAsync(string identifier, IEnumerable<Scope> scopes, CancellationToken cancellationToken = default);

    /// <summary>
    /// The dashboard's "Test" tab: fetches a token for the API with the application's client credentials and
    /// validates it as the API would (for an HS256 API with the secret read from the tenant, never shown). It
    /// reports rather than throws when the token is refused or invalid.
    /// </summary>
    /// <exception cref="Auth0NotFoundException">No API has this identifier.</exception>
    Task<ApiTestReport> TestAsync(string identifier, string clientId, Secret clientSecret, CancellationToken cancellationToken = default);
}
