using System.Security.Cryptography;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Tests.Tokens;

/// <summary>
/// RSA keys shared by every token test: generating a 2048-bit key costs about 100 ms, so each is made once, lazily,
/// and never disposed.
/// </summary>
internal static class TestKeys
{
    private static readonly Lazy<TenantSigningKey> LazyFirst = new(() => TenantSigningKey.Generate("first-key"));
    private static readonly Lazy<TenantSigningKey> LazySecond = new(() => TenantSigningKey.Generate("second-key"));
    private static readonly Lazy<TenantSigningKey> LazyAttacker = new(() => TenantSigningKey.Generate("attacker-key"));

    /// <summary>The tenant's key in most tests.</summary>
    public static TenantSigningKey First => LazyFirst.Value;

    /// <summary>The key a rotation brings in.</summary>
    public static TenantSigningKey Second => LazySecond.Value;

    /// <summary>A key the tenant never publishes.</summary>
    public static TenantSigningKey Attacker => LazyAttacker.Value;

    /// <summary>A separate RSA instance holding <paramref name="key"/>'s private key, to forge tokens with.</summary>
    public static RSA RsaOf(TenantSigningKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(key.ExportPrivateKeyPem());
        return rsa;
    }
}
