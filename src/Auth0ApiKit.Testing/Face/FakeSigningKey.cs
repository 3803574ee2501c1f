using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Testing;

/// <summary>
/// An RS256 signing key for a fake tenant: an RSA private key (at least 2048 bits) and its key id (<c>kid</c>).
/// Give one to <see cref="FakeTenantOptions.SigningKey"/> to bring key material of your own, rotate to one with
/// <see cref="FakeTenantTokens.RotateSigningKey"/>, or read <see cref="FakeTenantTokens.CurrentSigningKey"/> to sign
/// a token of your own in a test or to compare a key id.
/// </summary>
/// <remarks>
/// The tenant publishes the public half in its JWKS as Auth0 does (<c>n</c>, <c>e</c>, <c>kid</c>, <c>x5t</c>,
/// <c>x5c</c>). The private key never shows in <see cref="ToString"/> or exception messages; only
/// <see cref="ExportPrivateKeyPem"/> reveals it. Thread-safe; dispose a key when no tenant signs with it any more.
/// </remarks>
public sealed class FakeSigningKey : IDisposable
{
    internal FakeSigningKey(TenantSigningKey key) => Key = key;

    /// <summary>The key id, the <c>kid</c> of the tokens it signs and of its JWKS entry.</summary>
    public string KeyId => Key.KeyId;

    /// <summary>The RSA key size in bits.</summary>
    public int KeySize => Key.KeySize;

    /// <summary>The key the tenant's issuer signs with.</summary>
    internal TenantSigningKey Key { get; }

    /// <summary>
    /// Generates a new 2048-bit RSA key. This is slow (about 100 ms): keep the key (in a static field, say), never make
    /// one per test.
    /// </summary>
    /// <param name="keyId">The key id; by default the key's RFC 7638 thumbprint.</param>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is empty, longer than 256 characters or holds control characters.</exception>
    public static FakeSigningKey Generate(string? keyId = null) => new(TenantSigningKey.Generate(keyId));

    /// <summary>Loads a key from a PEM-encoded RSA private key (<c>PRIVATE KEY</c> or <c>RSA PRIVATE KEY</c>); other PEM blocks are skipped.</summary>
    /// <param name="privateKeyPem">The PEM text.</param>
    /// <param name="keyId">The key id; by default the key's RFC 7638 thumbprint.</param>
    /// <exception cref="ArgumentException">
    /// The text holds no unencrypted RSA private key, the key is under 2048 bits, or <paramref name="keyId"/> is not valid.
    /// </exception>
    public static FakeSigningKey FromPem(string privateKeyPem, string? keyId = null) => new(TenantSigningKey.FromPem(privateKeyPem, keyId));

    /// <summary>
    /// Loads a key from a JSON Web Key holding an RSA private key (<c>kty</c> <c>RSA</c> with <c>n</c>, <c>e</c>,
    /// <c>d</c>, <c>p</c>, <c>q</c>, <c>dp</c>, <c>dq</c>, <c>qi</c>). Its <c>kid</c> is kept; without one the
    /// RFC 7638 thumbprint is the key id.
    /// </summary>
    /// <param name="jwkJson">The JWK as JSON.</param>
    /// <exception cref="ArgumentException">The JSON is not an RSA private JWK for signing with RS256, or the key is under 2048 bits.</exception>
    public static FakeSigningKey FromJwk(string jwkJson) => new(TenantSigningKey.FromJwk(jwkJson));

    /// <summary>The public half as the tenant's JWKS publishes it: <c>{"alg":"RS256","kty":"RSA","use":"sig","n":..,"e":..,"kid":..,"x5t":..,"x5c":[..]}</c>.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public string ToPublicJwkJson() => Key.ToPublicJwkJson();

    /// <summary>
    /// Exports the private key as PKCS#8 PEM (<c>PRIVATE KEY</c>): to sign a token of your own in a test
    /// (<c>RSA.ImportFromPem</c>), or to keep the key for the next run. Never log the result.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public string ExportPrivateKeyPem() => Key.ExportPrivateKeyPem();

    /// <summary>Frees the RSA key: a tenant can no longer sign with it.</summary>
    public void Dispose() => Key.Dispose();

    /// <summary>Describes the key without any key material: <c>RS256 signing key {kid} (2048 bits)</c>.</summary>
    public override string ToString() => Key.ToString();
}
