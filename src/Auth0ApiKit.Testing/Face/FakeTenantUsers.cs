using System.Buffers;
using System.Text.Json;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;
using F = Auth0ApiKit.Wire.UserFields;

namespace Auth0ApiKit.Testing;

/// <summary>
/// The users of a fake tenant's database connection (<c>Username-Password-Authentication</c>), for seeding and
/// inspecting. Seeding goes through the same endpoint as <c>POST /api/v2/users</c>: Auth0's rules, defaults and
/// password policy apply, and the password is kept only as a hash.
/// </summary>
public sealed class FakeTenantUsers
{
    private static readonly IReadOnlyDictionary<string, string> JsonHeaders =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };

    private readonly TenantStore _store;
    private readonly UsersEndpoint _endpoint;

    internal FakeTenantUsers(TenantStore store, TimeProvider time)
    {
        _store = store;
        _endpoint = new UsersEndpoint(store, time);
    }

    /// <summary>Every user, in creation order.</summary>
    public IReadOnlyList<FakeUser> All
    {
        get
        {
            lock (_store.Gate)
            {
                return [.. _store.Users.Rows.Select(ToFakeUser)];
            }
        }
    }

    /// <summary>Creates a user as <c>POST /api/v2/users</c> would.</summary>
    /// <param name="email">The email the user signs in with.</param>
    /// <param name="password">The password; Auth0's "good" policy applies (8 characters, 3 of lower, upper, digit, other).</param>
    /// <param name="name">The name; Auth0's default is the email.</param>
    /// <param name="emailVerified">Whether the email is verified (Auth0's default: false).</param>
    /// <exception cref="FakeTenantException">The tenant refuses it (a taken email, a weak password, a broken rule); the message never holds the password.</exception>
    public FakeUser Add(string email, string password, string? name = null, bool emailVerified = false)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var body = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString(F.Connection, F.DatabaseConnection);
            writer.WriteString(F.Email, email);
            writer.WriteString(F.Password, password);
            if (name is not null)
            {
                writer.WriteString(F.Name, name);
            }

            if (emailVerified)
            {
                writer.WriteBoolean(F.EmailVerified, true);
            }

            writer.WriteEndObject();
        }

        return Add(body.WrittenSpan.ToArray());
    }

    /// <summary>
    /// Creates a user from a whole <c>POST /api/v2/users</c> body (the emulator's seeding: metadata, a fixed
    /// <c>user_id</c>), checked as that request is.
    /// </summary>
    /// <exception cref="FakeTenantException">The tenant refuses the body; the message never holds the password.</exception>
    internal FakeUser Add(byte[] createBody)
    {
        var response = _endpoint.Create(new FakeRequest("POST", "/api/v2/users", string.Empty, JsonHeaders, createBody));
        FaceErrors.ThrowUnless(response, 201);
        return ToFakeUser((UserDto)response.Value!);
    }

    /// <summary>Every user as <c>GET /api/v2/users</c> answers it (never a password), in creation order.</summary>
    internal IReadOnlyList<UserDto> Bodies
    {
        get
        {
            lock (_store.Gate)
            {
                return [.. _store.Users.Rows];
            }
        }
    }

    /// <summary>The user with this user id or email (in any letter case), or <see langword="null"/>.</summary>
    public FakeUser? Find(string userIdOrEmail)
    {
        ArgumentNullException.ThrowIfNull(userIdOrEmail);
        lock (_store.Gate)
        {
            return (_store.Users.Find(userIdOrEmail) ?? _store.Users.FindByEmail(userIdOrEmail)) is { } user ? ToFakeUser(user) : null;
        }
    }

    /// <summary>Deletes a user with its roles and permissions; deleting one that is not there does nothing.</summary>
    /// <returns>Whether a user was deleted.</returns>
    public bool Remove(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        lock (_store.Gate)
        {
            var existed = _store.Users.Contains(userId);
            FaceErrors.ThrowUnless(_endpoint.Delete(userId), 204);
            return existed;
        }
    }

    private static FakeUser ToFakeUser(UserDto user) => new(user.UserId!, user.Email!, user.Name ?? user.Email!, user.EmailVerified ?? false);
}
