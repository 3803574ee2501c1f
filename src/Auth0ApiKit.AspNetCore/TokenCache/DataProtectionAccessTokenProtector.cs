using Auth0ApiKit.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace Auth0ApiKit.AspNetCore;

/// <summary>
/// Protects the tokens a <see cref="DistributedAccessTokenCache"/> shares, with ASP.NET Core Data Protection. Every
/// process that shares the cache must share the key ring (<c>PersistKeysToStackExchangeRedis</c>,
/// <c>PersistKeysToFileSystem</c> on a shared volume, ...) and the application name; a process without the keys
/// cannot read an entry and fetches a token of its own instead.
/// </summary>
public sealed class DataProtectionAccessTokenProtector : IAccessTokenProtector
{
    /// <summary>The purpose string the protector is made with, which keeps these entries apart from other protected data.</summary>
    public const string Purpose = "Auth0ApiKit.AccessTokenCache.v1";

    private readonly IDataProtector _protector;

    /// <summary>Creates the protector from the application's data protection.</summary>
    public DataProtectionAccessTokenProtector(IDataProtectionProvider dataProtection)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        _protector = dataProtection.CreateProtector(Purpose);
    }

    /// <inheritdoc />
    public byte[] Protect(byte[] plaintext) => _protector.Protect(plaintext);

    /// <inheritdoc />
    public byte[] Unprotect(byte[] protectedData) => _protector.Unprotect(protectedData);
}
