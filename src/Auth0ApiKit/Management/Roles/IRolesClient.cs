using Auth0ApiKit.Roles;

namespace Auth0ApiKit.Management;

/// <summary>
/// The roles of a tenant, their API permissions and their users. Every method is thread-safe and honours its
/// cancellation token.
/// </summary>
public interface IRolesClient
{
    /// <summary>
    /// Creates a role with its description, then grants it the definition's permissions. Never doubled: when Auth0
    /// answers 409 (after a retry, or because a role has the name) and that role has the definition's description (or
    /// the definition sets none) and no permission the definition lacks, it is adopted and given the permissions it
    /// lacks; otherwise the conflict is thrown (a role that grants more is never handed back).
    /// </summary>
    /// <exception cref="Auth0ConflictException">Another role has the name with another description or more permissions.</exception>
    /// <exception cref="Auth0ValidationException">Auth0 refuses a permission (its API does not define the scope).</exception>
    Task<TenantRole> CreateAsync(RoleDefinition role, CancellationToken cancellationToken = default);

    /// <summary>The role with this id, or <see langword="null"/>.</summary>
    Task<TenantRole?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The role with exactly this name (ordinal comparison), or <see langword="null"/>. Looked up with Auth0's
    /// <c>name_filter</c>, which matches without regard to case, and then compared exactly.
    /// </summary>
    Task<TenantRole?> FindByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Every role, fetched a page at a time as the enumeration goes.</summary>
    IAsyncEnumerable<TenantRole> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One page of roles with the total count.</summary>
    /// <param name="page">The page, from 0.</param>
    /// <param name="perPage">The page size, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<ResultPage<TenantRole>> ListPageAsync(int page, int perPage, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings the role with this id to the definition: its name and description (the description only when the
    /// definition sets one), sending them only when they differ, and exactly the definition's permissions (those it
    /// lacks are added, the others removed).
    /// </summary>
    /// <exception cref="Auth0NotFoundException">No role has this id.</exception>
    Task<TenantRole> UpdateAsync(string id, RoleDefinition desired, CancellationToken cancellationToken = default);

    /// <summary>Deletes the role (Auth0 takes it from every user who had it). Deleting one that is not there is not an error.</summary>
    /// <returns>Whether a role was deleted.</returns>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Grants the role these permissions (none: nothing is sent). Granting one it has already is not an error.</summary>
    /// <exception cref="Auth0NotFoundException">No role has this id.</exception>
    /// <exception cref="Auth0ValidationException">Auth0 refuses a permission (its API does not define the scope).</exception>
    Task AddPermissionsAsync(string id, IEnumerable<ApiPermission> permissions, CancellationToken cancellationToken = default);

    /// <summary>Takes these permissions from the role (none: nothing is sent).</summary>
    Task RemovePermissionsAsync(string id, IEnumerable<ApiPermission> permissions, CancellationToken cancellationToken = default);

    /// <summary>Every permission the role grants, fetched a page at a time as the enumeration goes.</summary>
    /// <exception cref="Auth0NotFoundException">No role has this id.</exception>
    IAsyncEnumerable<TenantPermission> ListPermissionsAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>One page of the permissions the role grants, with the total count.</summary>
    /// <param name="id">The role's id.</param>
    /// <param name="page">The page, from 0.</param>
    /// <param name="perPage">The page size, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="Auth0NotFoundException">No role has this id.</exception>
    Task<ResultPage<TenantPermission>> ListPermissionsPageAsync(string id, int page, int perPage, CancellationToken cancellationToken = default);

    /// <summary>Gives the role to these users, by user id (none: nothing is sent).</summary>
    /// <exception cref="Auth0NotFoundException">No role has this id, or one of the users does not exist.</exception>
    Task AssignUsersAsync(string id, IEnumerable<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every user who has the role, fetched a page at a time as the enumeration goes (with Auth0's checkpoint paging,
    /// which is not capped at 1,000 users as offset paging is).
    /// </summary>
    /// <exception cref="Auth0NotFoundException">No role has this id.</exception>
    IAsyncEnumerable<RoleMember> ListUsersAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>One page of the users who have the role, with the total count.</summary>
    /// <param name="id">The role's id.</param>
    /// <param name="page">The page, from 0.</param>
    /// <param name="perPage">The page size, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="Auth0NotFoundException">No role has this id.</exception>
    Task<ResultPage<RoleMember>> ListUsersPageAsync(string id, int page, int perPage, CancellationToken cancellationToken = default);
}
