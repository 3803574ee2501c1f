using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Store;

/// <summary>
/// The tenant's users of the database connection, in creation order. Every member is called under the tenant store's
/// <see cref="TenantStore.Gate"/>; rows are replaced, never changed in place.
/// </summary>
internal sealed class UserStore
{
    private readonly OrderedTable<UserDto> _users = new(u => u.UserId!);

    /// <summary>Every user, in creation order.</summary>
    public IReadOnlyList<UserDto> Rows => _users.Rows;

    /// <summary>Whether a user with this <c>user_id</c> exists.</summary>
    public bool Contains(string userId) => _users.TryGet(userId, out _);

    /// <summary>The user with this <c>user_id</c>, or <see langword="null"/>.</summary>
    public UserDto? Find(string userId) => _users.TryGet(userId, out var user) ? user : null;

    /// <summary>Adds a new user (its <c>user_id</c> not taken).</summary>
    public void Add(UserDto user) => _users.Add(user);

    /// <summary>Removes a user; whether there was one.</summary>
    public bool Remove(string userId) => _users.Remove(userId);
}
