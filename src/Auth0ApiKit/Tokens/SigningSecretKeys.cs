using System.Security.Cryptography;
using System.Text;
using Auth0ApiKit.Apis;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// Turns an API's HS256 signing secret into the IdentityModel key that signs and verifies with it: the HMAC key is
/// the secret's UTF-8 bytes, as Auth0 uses it.
/// </summary>
/// <remarks>
/// Every such key carries <see cref="SecretCryptoProviderFactory"/>, whose HS256 signature providers compute a key's
/// first MAC in one shot (<see cref="HMACSHA256.HashData(byte[], byte[])"/>) and keep a reusable HMAC only once the key
/// is used again: a key used once (every fake tenant's, every test's validator) makes no HMAC object to pool, cache or
/// finalize, and a long-lived one keeps its keyed state. It also accepts the 16 to 31 character
/// secrets Auth0 accepts, which IdentityModel's own HMAC refuses (IDX10720: under 256 bits). Other algorithms
/// behave as with IdentityModel's defaults. Nothing global changes.
/// </remarks>
internal static class SigningSecretKeys
{
    /// <summary>Creates the key for <paramref name="secret"/>.</summary>
    /// <param name="secret">The API's signing secret.</param>
    /// <param name="paramName">The name of the argument that carried the secret, for the error.</param>
    /// <exception cref="ArgumentException">The secret is shorter than Auth0's 16 characters.</exception>
    public static SymmetricSecurityKey Create(Secret secret, string paramName)
    {
        if (secret.Length < ApiLimits.SigningSecretMinLength)
        {
            throw new ArgumentException(
                $"The HS256 signing secret has {secret.Length} characters; Auth0 requires at least {ApiLimits.SigningSecretMinLength}.",
                paramName);
        }

        return new SecretKey(Encoding.UTF8.GetBytes(secret.Reveal()));
    }

    /// <summary>A signing secret's key: it carries its one HS256 signature provider, shared by every signer and verifier of the key.</summary>
    private sealed class SecretKey : SymmetricSecurityKey
    {
        private Hs256SignatureProvider? _provider;

        public SecretKey(byte[] key)
            : base(key) => CryptoProviderFactory = SecretCryptoProviderFactory.Instance;

        public Hs256SignatureProvider Provider =>
            _provider ?? LazyInitializer.EnsureInitialized(ref _provider, () => new Hs256SignatureProvider(this, SecurityAlgorithms.HmacSha256));
    }

    /// <summary>The crypto provider factory of signing-secret keys: one-shot HS256 signature providers, IdentityModel's defaults otherwise.</summary>
    internal sealed class SecretCryptoProviderFactory : CryptoProviderFactory
    {
        public static SecretCryptoProviderFactory Instance { get; } = new();

        public override SignatureProvider CreateForSigning(SecurityKey key, string algorithm) =>
            OwnProvider(key, algorithm) ?? base.CreateForSigning(key, algorithm);

        public override SignatureProvider CreateForSigning(SecurityKey key, string algorithm, bool cacheProvider) =>
            OwnProvider(key, algorithm) ?? base.CreateForSigning(key, algorithm, cacheProvider);

        public override SignatureProvider CreateForVerifying(SecurityKey key, string algorithm) =>
            OwnProvider(key, algorithm) ?? base.CreateForVerifying(key, algorithm);

        public override SignatureProvider CreateForVerifying(SecurityKey key, string algorithm, bool cacheProvider) =>
            OwnProvider(key, algorithm) ?? base.CreateForVerifying(key, algorithm, cacheProvider);

        public override bool IsSupportedAlgorithm(string algorithm, SecurityKey key) =>
            IsHs256(key, algorithm) || base.IsSupportedAlgorithm(algorithm, key);

        public override void ReleaseSignatureProvider(SignatureProvider signatureProvider)
        {
            if (signatureProvider is not Hs256SignatureProvider)
            {
                base.ReleaseSignatureProvider(signatureProvider);
            }
        }

        private static bool IsHs256(SecurityKey key, string algorithm) =>
            key is SymmetricSecurityKey && algorithm is SecurityAlgorithms.HmacSha256 or SecurityAlgorithms.HmacSha256Signature;

        private static Hs256SignatureProvider? OwnProvider(SecurityKey key, string algorithm) =>
            key is SecretKey secretKey && IsHs256(key, algorithm) ? secretKey.Provider : null;
    }

    /// <summary>
    /// HMAC-SHA256 signatures from the key's bytes, compared in constant time: the first in one shot, later ones with a
    /// kept HMAC (one spare; a caller that finds it taken makes its own and drops it). Thread-safe.
    /// </summary>
    private sealed class Hs256SignatureProvider : SignatureProvider
    {
        private readonly byte[] _key;
        private IncrementalHash? _spare;
        private int _uses;

        public Hs256SignatureProvider(SymmetricSecurityKey key, string algorithm)
            : base(key, algorithm)
        {
            _key = key.Key;
            WillCreateSignatures = true;
        }

        public override byte[] Sign(byte[] input) => Sign(input.AsSpan());

        public override byte[] Sign(byte[] input, int offset, int count) => Sign(input.AsSpan(offset, count));

        public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
        {
            if (destination.Length < HMACSHA256.HashSizeInBytes)
            {
                bytesWritten = 0;
                return false;
            }

            Mac(data, destination);
            bytesWritten = HMACSHA256.HashSizeInBytes;
            return true;
        }

        public override bool Verify(byte[] input, byte[] signature) => Verify(input, signature.AsSpan());

        public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength) =>
            Verify(input.AsSpan(inputOffset, inputLength), signature.AsSpan(signatureOffset, signatureLength));

        /// <summary>
        /// Does nothing: the provider belongs to its key and is shared by every signer and verifier of it, so no single
        /// one of them may end it. Its kept HMAC goes with the key.
        /// </summary>
        protected override void Dispose(bool disposing)
        {
        }

        private byte[] Sign(ReadOnlySpan<byte> input)
        {
            var mac = new byte[HMACSHA256.HashSizeInBytes];
            Mac(input, mac);
            return mac;
        }

        private bool Verify(ReadOnlySpan<byte> input, ReadOnlySpan<byte> signature)
        {
            Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
            Mac(input, expected);
            return signature.Length == HMACSHA256.HashSizeInBytes && CryptographicOperations.FixedTimeEquals(expected, signature);
        }

        private void Mac(ReadOnlySpan<byte> input, Span<byte> destination)
        {
            if (Interlocked.Increment(ref _uses) == 1)
            {
                HMACSHA256.HashData(_key, input, destination);
                return;
            }

            var hmac = Interlocked.Exchange(ref _spare, null) ?? IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
            hmac.AppendData(input);
            hmac.GetHashAndReset(destination);
            if (Interlocked.CompareExchange(ref _spare, hmac, null) is not null)
            {
                hmac.Dispose();
            }
        }
    }
}
