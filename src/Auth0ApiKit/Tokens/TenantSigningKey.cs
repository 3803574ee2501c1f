using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Auth0ApiKit.Wire;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// A tenant's RS256 signing key: an RSA private key (at least 2048 bits) with its key id (<c>kid</c>). It signs
/// the access tokens of RS256 APIs and publishes its public half as a JSON Web Key with <c>n</c>, <c>e</c>,
/// <c>kid</c>, <c>x5t</c> and <c>x5c</c>, as Auth0's JWKS does.
/// </summary>
/// <remarks>
/// Keys are made only where asked for: <see cref="Generate(string?)"/> (about 100 ms for 2048 bits), or loaded with
/// <see cref="FromPem(string, string?)"/> and <see cref="FromJwk(string)"/>. The private key never shows in
/// <see cref="ToString"/> or exception messages; only <see cref="ExportPrivateKeyPem"/> reveals it. The
/// certificate in <c>x5c</c> is self-signed and derived from the public key alone, so the same key always
/// publishes the same JWK. <see cref="ShareUnderKeyId(string)"/> makes another key id for the same key material
/// without any RSA work (the fake tenants of a process share one key this way). Instances are thread-safe: one RSA
/// object signs from many threads at once (tested); dispose them when no token will be signed with them again.
/// </remarks>
internal sealed class TenantSigningKey : IDisposable
{
    /// <summary>The smallest RSA key accepted, in bits.</summary>
    public const int MinimumKeySizeInBits = 2048;

    private const int MaximumKeyIdLength = 256;
    private static readonly DateTimeOffset CertificateNotBefore = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CertificateNotAfter = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly RSA _rsa;
    private readonly JwtSigner _signer;
    private readonly Lazy<byte[]> _certificate;
    private readonly Lazy<string> _publicJwk;
    private readonly TenantSigningKey? _owner;
    private int _disposed;

    private TenantSigningKey(RSA rsa, string? keyId)
    {
        _rsa = rsa;
        KeySize = rsa.KeySize;
        if (KeySize < MinimumKeySizeInBits)
        {
            throw new ArgumentException($"The RSA key has {KeySize} bits; signing keys need at least {MinimumKeySizeInBits}.");
        }

        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        Modulus = Base64Url.EncodeToString(parameters.Modulus);
        Exponent = Base64Url.EncodeToString(parameters.Exponent);
        KeyId = keyId ?? ComputeThumbprint(Modulus, Exponent);
        CheckKeyId(KeyId);
        _signer = new JwtSigner(new RsaSecurityKey(rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256, KeyId, KeySize / 8);
        _certificate = new Lazy<byte[]>(CreateCertificate);
        _publicJwk = new Lazy<string>(WritePublicJwk);
    }

    private TenantSigningKey(TenantSigningKey owner, string keyId)
    {
        CheckKeyId(keyId);
        _owner = owner;
        _rsa = owner._rsa;
        KeySize = owner.KeySize;
        Modulus = owner.Modulus;
        Exponent = owner.Exponent;
        KeyId = keyId;
        _signer = owner._signer.WithKeyId(keyId);
        _certificate = owner._certificate;
        _publicJwk = new Lazy<string>(WritePublicJwk);
    }

    /// <summary>The key id, the <c>kid</c> of the tokens it signs and of its JWKS entry.</summary>
    public string KeyId { get; }

    /// <summary>The RSA key size in bits.</summary>
    public int KeySize { get; }

    /// <summary>The public modulus, base64url-encoded (the JWK's <c>n</c>).</summary>
    internal string Modulus { get; }

    /// <summary>The public exponent, base64url-encoded (the JWK's <c>e</c>).</summary>
    internal string Exponent { get; }

    /// <summary>The signer of tokens with this key, built once.</summary>
    internal JwtSigner Signer
    {
        get
        {
            ThrowIfDisposed();
            return _signer;
        }
    }

    /// <summary>
    /// The same key material under another key id, made without any RSA work: it signs with this key's RSA object and
    /// signature provider and publishes this key's certificate under its own <c>kid</c>. The original key (this one, or the
    /// one this was shared from) owns the material: disposing a shared key frees nothing, disposing the original ends all.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is empty, longer than 256 characters or holds control characters.</exception>
    /// <exception cref="ObjectDisposedException">This key was disposed.</exception>
    internal TenantSigningKey ShareUnderKeyId(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ThrowIfDisposed();
        return new TenantSigningKey(_owner ?? this, keyId);
    }

    /// <summary>Generates a new 2048-bit RSA key. This is slow (about 100 ms): keep the key, never make one per token or per test.</summary>
    /// <param name="keyId">The key id; by default the key's RFC 7638 thumbprint.</param>
    /// <exception cref="ArgumentException"><paramref name="keyId"/> is empty, longer than 256 characters or holds control characters.</exception>
    public static TenantSigningKey Generate(string? keyId = null) => Create(RSA.Create(MinimumKeySizeInBits), keyId);

    /// <summary>Loads a key from a PEM-encoded RSA private key (<c>PRIVATE KEY</c> or <c>RSA PRIVATE KEY</c>); other PEM blocks are skipped.</summary>
    /// <param name="privateKeyPem">The PEM text.</param>
    /// <param name="keyId">The key id; by default the key's RFC 7638 thumbprint.</param>
    /// <exception cref="ArgumentException">
    /// The text holds no unencrypted RSA private key, the key is under 2048 bits, or <paramref name="keyId"/> is not valid.
    /// </exception>
    public static TenantSigningKey FromPem(string privateKeyPem, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        var rsa = RSA.Create();
        try
        {
            ImportPrivateKeyPem(rsa, privateKeyPem);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }

        return Create(rsa, keyId);
    }

    /// <summary>
    /// Loads a key from a JSON Web Key holding an RSA private key (<c>kty</c> <c>RSA</c> with <c>n</c>, <c>e</c>,
    /// <c>d</c>, <c>p</c>, <c>q</c>, <c>dp</c>, <c>dq</c>, <c>qi</c>). Its <c>kid</c> is kept; without one the
    /// RFC 7638 thumbprint is the key id.
    /// </summary>
    /// <param name="jwkJson">The JWK as JSON.</param>
    /// <exception cref="ArgumentException">The JSON is not an RSA private JWK for signing with RS256, or the key is under 2048 bits.</exception>
    public static TenantSigningKey FromJwk(string jwkJson)
    {
        ArgumentNullException.ThrowIfNull(jwkJson);
        var (parameters, keyId) = RsaJsonWebKey.ReadPrivate(jwkJson, nameof(jwkJson));
        var rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(parameters);
        }
        catch (CryptographicException e)
        {
            rsa.Dispose();
            throw new ArgumentException("The JWK's RSA parameters do not form a valid private key.", nameof(jwkJson), e);
        }
        finally
        {
            RsaJsonWebKey.Clear(parameters);
        }

        return Create(rsa, keyId);
    }

    /// <summary>
    /// The public half as a JSON Web Key, as Auth0 publishes it:
    /// <c>{"alg":"RS256","kty":"RSA","use":"sig","n":..,"e":..,"kid":..,"x5t":..,"x5c":[..]}</c>.
    /// </summary>
    public string ToPublicJwkJson()
    {
        ThrowIfDisposed();
        return _publicJwk.Value;
    }

    /// <summary>Exports the private key as PKCS#8 PEM (<c>PRIVATE KEY</c>), to store it where secrets are kept. Never log the result.</summary>
    public string ExportPrivateKeyPem()
    {
        ThrowIfDisposed();
        return _rsa.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>A public security key for this key's signatures, for validating tokens in the same process.</summary>
    internal RsaSecurityKey CreatePublicSecurityKey()
    {
        ThrowIfDisposed();
        return new RsaSecurityKey(_rsa.ExportParameters(includePrivateParameters: false)) { KeyId = KeyId };
    }

    /// <summary>Frees the RSA key (a key made by <see cref="ShareUnderKeyId(string)"/> frees nothing). Tokens can no longer be signed with it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _owner is null)
        {
            _signer.Dispose();
            _rsa.Dispose();
        }
    }

    /// <summary>Describes the key without any key material: <c>RS256 signing key {kid} (2048 bits)</c>.</summary>
    public override string ToString() => $"RS256 signing key {KeyId} ({KeySize} bits)";

    private void ThrowIfDisposed() =>
        ObjectDisposedException.ThrowIf(_disposed != 0 || (_owner is not null && _owner._disposed != 0), this);

    private static TenantSigningKey Create(RSA rsa, string? keyId)
    {
        try
        {
            return new TenantSigningKey(rsa, keyId);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static void ImportPrivateKeyPem(RSA rsa, string privateKeyPem)
    {
        var rest = privateKeyPem.AsSpan();
        var sawEncrypted = false;
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label];
            var base64 = rest[fields.Base64Data];
            var next = rest[fields.Location.End..];
            var isPkcs8 = label.SequenceEqual("PRIVATE KEY");
            if (!isPkcs8 && !label.SequenceEqual("RSA PRIVATE KEY"))
            {
                sawEncrypted |= label.SequenceEqual("ENCRYPTED PRIVATE KEY");
                rest = next;
                continue;
            }

            try
            {
                var der = Convert.FromBase64String(base64.ToString());
                try
                {
                    if (isPkcs8)
                    {
                        rsa.ImportPkcs8PrivateKey(der, out _);
                    }
                    else
                    {
                        rsa.ImportRSAPrivateKey(der, out _);
                    }
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(der);
                }
            }
            catch (Exception e) when (e is CryptographicException or FormatException)
            {
                throw new ArgumentException("The PEM private key is not an RSA private key.", nameof(privateKeyPem), e);
            }

            return;
        }

        throw new ArgumentException(
            sawEncrypted
                ? "The PEM private key is encrypted; decrypt it before loading it."
                : "The text holds no PEM-encoded RSA private key ('PRIVATE KEY' or 'RSA PRIVATE KEY').",
            nameof(privateKeyPem));
    }

    private static void CheckKeyId(string keyId)
    {
        if (keyId.Length is 0 or > MaximumKeyIdLength || keyId.Any(char.IsControl))
        {
            throw new ArgumentException(
                $"A key id must have 1 to {MaximumKeyIdLength} characters and no control characters.", nameof(keyId));
        }
    }

    /// <summary>The RFC 7638 thumbprint of an RSA public key: base64url SHA-256 of <c>{"e":..,"kty":"RSA","n":..}</c>.</summary>
    internal static string ComputeThumbprint(string modulus, string exponent)
    {
        var canonical = $"{{\"{JsonWebKeyFields.Exponent}\":\"{exponent}\",\"{JsonWebKeyFields.KeyType}\":\"{JsonWebKeyFields.RsaKeyType}\",\"{JsonWebKeyFields.Modulus}\":\"{modulus}\"}}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private string WritePublicJwk()
    {
        var certificate = _certificate.Value;
#pragma warning disable CA5350 // x5t is defined as the SHA-1 thumbprint of the certificate (RFC 7517 section 4.8).
        var thumbprint = Base64Url.EncodeToString(SHA1.HashData(certificate));
#pragma warning restore CA5350
        return RsaJsonWebKey.WritePublic(KeyId, Modulus, Exponent, thumbprint, Convert.ToBase64String(certificate));
    }

    /// <summary>The self-signed certificate of <c>x5c</c>: a function of the public key alone, made once per key material (one RSA signature).</summary>
    private byte[] CreateCertificate()
    {
        var thumbprint = ComputeThumbprint(Modulus, Exponent);
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName("Auth0ApiKit tenant signing key " + thumbprint);
        var subject = name.Build();
        var request = new CertificateRequest(subject, _rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var generator = X509SignatureGenerator.CreateForRSA(_rsa, RSASignaturePadding.Pkcs1);

        // A positive serial number derived from the key's thumbprint keeps the certificate a function of the key alone.
        var serial = SHA256.HashData(Encoding.UTF8.GetBytes(thumbprint)).AsSpan(0, 16).ToArray();
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        using var certificate = request.Create(subject, generator, CertificateNotBefore, CertificateNotAfter, serial);
        return certificate.RawData;
    }
}
