using Auth0ApiKit.Applications;

namespace Auth0ApiKit.Management;

/// <summary>
/// The applications (clients) of a tenant. Every method is thread-safe and honours its cancellation token. The tenant's
/// global client ("All Applications", which every Auth0 tenant has and no one defines) is not an application here: it is
/// never listed, and a get of it returns <see langword="null"/>.
/// </summary>
public interface IApplicationsClient
{
    /// <summary>
    /// Creates an application and returns it with its client secret. An application has no natural key, so a
    /// create is never retried after an ambiguous failure (a time-out, a 5xx): that would make two.
    /// </summary>
    /// <exception cref="Validation.DefinitionException">The definition breaks a rule; nothing was sent.</exception>
    Task<TenantApplication> CreateAsync(ApplicationDefinition application, CancellationToken cancellationToken = default);

    /// <summary>The application with this client id, or <see langword="null"/>.</summary>
    Task<TenantApplication?> GetAsync(string clientId, CancellationToken cancellationToken = default);

    /// <summary>Every application, fetched a page at a time as the enumeration goes.</summary>
    IAsyncEnumerable<TenantApplication> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One page of applications with the total count.</summary>
    /// <param name="page">The page, from 0.</param>
    /// <param name="perPage">The page size, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<ResultPage<TenantApplication>> ListPageAsync(int page, int perPage, CancellationToken cancellationToken = default);

    /// <summary>Deletes the application (and Auth0 deletes its authorizations). Deleting one that is not there is not an error.</summary>
    /// <returns>Whether an application was deleted.</returns>
    Task<bool> DeleteAsync(string clientId, CancellationToken cancellationToken = default);

    /// <summary>Gives the application a new client secret; the old one stops working at once. Needs the <c>update:client_keys</c> scope.</summary>
    /// <exception cref="Auth0NotFoundException">There is no such application.</exception>
    /// <exception cref="Auth0ForbiddenException">The management token lacks <c>update:client_keys</c> (<c>update:clients</c> is not enough).</exception>
    Task<TenantApplication> RotateSecretAsync(string clientId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The dashboard's "Machine to Machine Applications" view of an API: every application that may use the
    /// client-credentials grant, with whether and for which scopes it is authorized for the API. It joins two lists
    /// (the API's authorizations, read first, and the applications, fetched a page at a time as the enumeration goes),
    /// so it has no pages of its own.
    /// </summary>
    IAsyncEnumerable<MachineToMachineAccess> ListMachineToMachineAsync(string apiIdentifier, CancellationToken cancellationToken = default);
}
