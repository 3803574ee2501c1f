namespace Auth0ApiKit.Authentication;

/// <summary>
/// Encrypts tokens before a <see cref="DistributedAccessTokenCache"/> stores them, so that whoever can read the cache
/// (a Redis server, its backups) cannot use them. ASP.NET Core Data Protection fits it: <c>Auth0ApiKit.AspNetCore</c>
/// has <c>DataProtectionAccessTokenProtector</c>; every process that shares the cache must share the keys.
/// </summary>
public interface IAccessTokenProtector
{
    /// <summary>Encrypts and authenticates <paramref name="plaintext"/>.</summary>
    byte[] Protect(byte[] plaintext);

    /// <summary>Decrypts what <see cref="Protect"/> made; throws when it was not made with this protector's keys or was altered.</summary>
    byte[] Unprotect(byte[] protectedData);
}
