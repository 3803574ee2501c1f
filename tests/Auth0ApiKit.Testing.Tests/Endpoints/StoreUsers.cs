using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

/// <summary>Seeds users straight into a tenant store (under its gate), for tests of what refers to users.</summary>
internal static class StoreUsers
{
    /// <summary>Adds a user of the database connection with an email, a name and a picture derived from <paramref name="name"/>.</summary>
    /// <returns>The user's id, <c>auth0|{name}</c>.</returns>
    public static string AddUser(this TenantStore store, string name)
    {
        var userId = "auth0|" + name;
        lock (store.Gate)
        {
            store.Users.Add(new UserDto
            {
                UserId = userId,
                Email = name + "@example.com",
                Name = name,
                Picture = $"https://example.com/{name}.png",
            });
        }

        return userId;
    }
}
