using System.Security.Cryptography;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Store;

/// <summary>
/// The tenant's users of the database connection, in creation order, and their password hashes, kept apart from the
/// rows so that no answer can carry one. Every member is called under the tenant store's <see cref="TenantStore.Gate"/>;
/// rows are replaced, never changed in place.
/// </summary>
internal sealed class UserStore
{
    private readonly OrderedTable<UserDto> _users = new(u => u.UserId!);

    /// <summary>Each user's id by email, compared without regard to case (one account per address).</summary>
    private readonly Dictionary<string, string> _idByEmail = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, PasswordHash> _passwords = new(StringComparer.Ordinal);

    /// <summary>Every user, in creation order.</summary>
    public IReadOnlyList<UserDto> Rows => _users.Rows;

    /// <summary>Whether a user with this <c>user_id</c> exists.</summary>
    public bool Contains(string userId) => _users.TryGet(userId, out _);

    /// <summary>The user with this <c>user_id</c>, or <see langword="null"/>.</summary>
    public UserDto? Find(string userId) => _users.TryGet(userId, out var user) ? user : null;

    /// <summary>The user with this email (in any letter case), or <see langword="null"/>.</summary>
    public UserDto? FindByEmail(string email) => _idByEmail.TryGetValue(email, out var userId) ? Find(userId) : null;

    /// <summary>Adds a new user (its <c>user_id</c> and email not taken).</summary>
    public void Add(UserDto user)
    {
        _users.Add(user);
        if (user.Email is { } email)
        {
            _idByEmail[email] = user.UserId!;
        }
    }

    /// <summary>Adds a new user with its password's hash (made outside the gate: it costs a millisecond).</summary>
    public void Add(UserDto user, PasswordHash password)
    {
        Add(user);
        _passwords[user.UserId!] = password;
    }

    /// <summary>Replaces a stored user's row (same <c>user_id</c>), keeping the email index in step.</summary>
    public void Replace(UserDto user)
    {
        var userId = user.UserId!;
        if (Find(userId)?.Email is { } previous)
        {
            _idByEmail.Remove(previous);
        }

        _users.Replace(user);
        if (user.Email is { } email)
        {
            _idByEmail[email] = userId;
        }
    }

    /// <summary>Sets a stored user's password hash.</summary>
    public void SetPassword(string userId, PasswordHash password) => _passwords[userId] = password;

    /// <summary>Whether <paramref name="password"/> is the password of the user with this id (false for an unknown user).</summary>
    public bool VerifyPassword(string userId, string password) =>
        _passwords.TryGetValue(userId, out var hash) && hash.Matches(password);

    /// <summary>Removes a user and its password hash; whether there was one.</summary>
    public bool Remove(string userId)
    {
        if (Find(userId)?.Email is { } email)
        {
            _idByEmail.Remove(email);
        }

        _passwords.Remove(userId);
        return _users.Remove(userId);
    }
}

/// <summary>
/// A password as the tenant keeps it: PBKDF2-HMAC-SHA256 of the password with a random 16-byte salt. Its
/// <see cref="ToString"/> shows neither salt nor hash.
/// </summary>
internal sealed class PasswordHash
{
    /// <summary>
    /// PBKDF2 iterations: chosen so that one hash costs about 1 ms (1,600 iterations took 1.0 ms on the 2-core build
    /// machine, measured once in December 2026). Enough to keep a leaked fake tenant's hashes from being free to
    /// reverse, cheap enough for tests that create many users.
    /// </summary>
    public const int Iterations = 1_600;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly byte[] _salt;
    private readonly byte[] _hash;

    private PasswordHash(byte[] salt, byte[] hash)
    {
        _salt = salt;
        _hash = hash;
    }

    /// <summary>Hashes a password with a new random salt.</summary>
    public static PasswordHash Create(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new PasswordHash(salt, Derive(password, salt));
    }

    /// <summary>Whether <paramref name="password"/> hashes to this hash, compared in constant time.</summary>
    public bool Matches(string password) =>
        password is not null && CryptographicOperations.FixedTimeEquals(Derive(password, _salt), _hash);

    /// <summary>Says what it is, never what it holds.</summary>
    public override string ToString() => "PBKDF2-HMAC-SHA256 password hash (hidden)";

    private static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
}
