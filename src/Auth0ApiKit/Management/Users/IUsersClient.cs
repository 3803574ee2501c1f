using Auth0ApiKit.Roles;
using Auth0ApiKit.Users;

namespace Auth0ApiKit.Management;

/// <summary>
/// The users of a tenant's database connection (<c>Username-Password-Authentication</c>), their roles and their
/// direct permissions. Every method is thread-safe and honours its cancellation token. Passwords go out only in the
/// body of the request that sets them and never come back.
/// </summary>
public interface IUsersClient
{
    /// <summary>
    /// Creates the user in the database connection. Not retried after a failure that leaves unknown whether Auth0
    /// created it, and never adopted on a conflict (a user's password cannot be compared): a 409 is thrown.
    /// </summary>
    /// <exception cref="Auth0ConflictException">A user of the connection has the email address.</exception>
    /// <exception cref="Auth0ValidationException">Auth0 refuses the user (a stricter password policy than the default, say).</exception>
    Task<TenantUser> CreateAsync(UserDefinition user, CancellationToken cancellationToken = default);

    /// <summary>The user with this id, or <see langword="null"/>.</summary>
    Task<TenantUser?> GetAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The users with exactly this email address (<c>/users-by-email</c>, which Auth0 documents as case-sensitive), one
    /// per connection that has it; empty when none has.
    /// </summary>
    Task<IReadOnlyList<TenantUser>> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>
    /// The users <paramref name="query"/> matches (every user when it is <see langword="null"/>), fetched a page at a time
    /// as the enumeration goes, up to the first 1,000 (Auth0's search pages no further).
    /// </summary>
    /// <param name="query">A search in Auth0's query syntax (Lucene), such as <c>email:"ann@example.com"</c>.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    IAsyncEnumerable<TenantUser> ListAsync(string? query = null, CancellationToken cancellationToken = default);

    /// <summary>One page of the users <paramref name="query"/> matches, with the total count.</summary>
    /// <param name="page">The page, from 0.</param>
    /// <param name="perPage">The page size, 1 to 100.</param>
    /// <param name="query">A search in Auth0's query syntax (Lucene); every user when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<ResultPage<TenantUser>> ListPageAsync(int page, int perPage, string? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the properties the update sets (checked first: nothing is sent if a rule breaks). A new password goes in
    /// a request of its own, after the other changes, as Auth0 refuses it beside <c>email_verified</c>.
    /// </summary>
    /// <exception cref="Validation.DefinitionException">A value breaks a rule (a weak password); nothing was sent.</exception>
    /// <exception cref="Auth0NotFoundException">No user has this id.</exception>
    Task<TenantUser> UpdateAsync(string userId, UserUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the user (Auth0 also drops its roles and direct permissions). Deleting one that is not there is not an
    /// error; as Auth0 answers 204 either way, the user is looked up first.
    /// </summary>
    /// <returns>Whether a user was deleted.</returns>
    Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Every role the user has, fetched a page at a time as the enumeration goes.</summary>
    /// <exception cref="Auth0NotFoundException">No user has this id.</exception>
    IAsyncEnumerable<TenantRole> ListRolesAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Gives the user these roles, by role id (none: nothing is sent). Giving one it has already is not an error.</summary>
    /// <exception cref="Auth0NotFoundException">No user has this id, or one of the roles does not exist.</exception>
    Task AssignRolesAsync(string userId, IEnumerable<string> roleIds, CancellationToken cancellationToken = default);

    /// <summary>Takes these roles from the user, by role id (none: nothing is sent).</summary>
    /// <exception cref="Auth0NotFoundException">No user has this id.</exception>
    Task RemoveRolesAsync(string userId, IEnumerable<string> roleIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every permission the user holds, directly or through roles, each once with its sources, fetched a page at a time
    /// as the enumeration goes.
    /// </summary>
    /// <exception cref="Auth0NotFoundException">No user has this id.</exception>
    IAsyncEnumerable<UserPermission> ListPermissionsAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Assigns these permissions to the user directly (none: nothing is sent).</summary>
    /// <exception cref="Auth0NotFoundException">No user has this id.</exception>
    /// <exception cref="Auth0ValidationException">Auth0 refuses a permission (its API does not define the scope), or the user's limit is reached.</exception>
    Task AddPermissionsAsync(string userId, IEnumerable<ApiPermission> permissions, CancellationToken cancellationToken = default);

    /// <summary>Takes these direct permissions from the user (none: nothing is sent); those it holds through roles stay.</summary>
    /// <exception cref="Auth0NotFoundException">No user has this id.</exception>
    Task RemovePermissionsAsync(string userId, IEnumerable<ApiPermission> permissions, CancellationToken cancellationToken = default);
}
