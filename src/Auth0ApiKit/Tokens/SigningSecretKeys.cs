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
/// Every such key carries <see cref="SecretCryptoProviderFactory"/>, whose HS256 signature providers compute each MAC
/// in one shot (<see cref="HMACSHA256.HashData(byte[], byte[])"/>): no HMAC object per key, so nothing to pool, cache,
/// dispose or finalize, which matters when every test makes new keys. It also accepts the 16 to 31 character
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

        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret.Reveal())) { CryptoProviderFactory = SecretCryptoProviderFactory.Instance };
    }

    /// <summary>The crypto provider factory of signing-secret keys: one-shot HS256 signature providers, IdentityModel's defaults otherwise.</summary>
    internal sealed class SecretCryptoProviderFactory : CryptoProviderFactory
    {
        public static SecretCryptoProviderFactory Instance { get; } = new();

        public override SignatureProvider CreateForSigning(SecurityKey key, string algorithm) =>
            OneShot(key, algorithm, willCreateSignatures: true) ?? base.CreateForSigning(key, algorithm);

        public override SignatureProvider CreateForSigning(SecurityKey key, string algorithm, bool cacheProvider) =>
            OneShot(key, algorithm, willCreateSignatures: true) ?? base.CreateForSigning(key, algorithm, cacheProvider);

        public override SignatureProvider CreateForVerifying(SecurityKey key, string algorithm) =>
            OneShot(key, algorithm, willCreateSignatures: false) ?? base.CreateForVerifying(key, algorithm);

        public override SignatureProvider CreateForVerifying(SecurityKey key, string algorithm, bool cacheProvider) =>
            OneShot(key, algorithm, willCreateSignatures: false) ?? base.CreateForVerifying(key, algorithm, cacheProvider);

        public override bool IsSupportedAlgorithm(string algorithm, SecurityKey key) =>
            IsHs256(key, algorithm) || base.IsSupportedAlgorithm(algorithm, key);

        public override void ReleaseSignatureProvider(SignatureProvider signatureProvider)
        {
            if (signatureProvider is not OneShotHs256SignatureProvider)
            {
                base.ReleaseSignatureProvider(signatureProvider);
            }
        }

        private static bool IsHs256(SecurityKey key, string algorithm) =>
            key is SymmetricSecurityKey && algorithm is SecurityAlgorithms.HmacSha256 or SecurityAlgorithms.HmacSha256Signature;

        private static OneShotHs256SignatureProvider? OneShot(SecurityKey key, string algorithm, bool willCreateSignatures) =>
            IsHs256(key, algorithm) ? new OneShotHs256SignatureProvider((SymmetricSecurityKey)key, algorithm, willCreateSignatures) : null;
    }

    /// <summary>
    /// HMAC-SHA256 signatures computed in one shot from the key's bytes, compared in constant time. Thread-safe and
    /// stateless: nothing to dispose.
    /// </summary>
    private sealed class OneShotHs256SignatureProvider : SignatureProvider
    {
        private readonly byte[] _key;

        public OneShotHs256SignatureProvider(SymmetricSecurityKey key, string algorithm, bool willCreateSignatures)
            : base(key, algorithm)
        {
            _key = key.Key;
            WillCreateSignatures = willCreateSignatures;
        }

        public override byte[] Sign(byte[] input) => HMACSHA256.HashData(_key, input);

        public override byte[] Sign(byte[] input, int offset, int count) => HMACSHA256.HashData(_key, input.AsSpan(offset, count));

        public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten) =>
            HMACSHA256.TryHashData(_key, data, destination, out bytesWritten);

        public override bool Verify(byte[] input, byte[] signature) => Verify(input, signature.AsSpan());

        public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength) =>
            Verify(input.AsSpan(inputOffset, inputLength), signature.AsSpan(signatureOffset, signatureLength));

        protected override void Dispose(bool disposing)
        {
        }

        private bool Verify(ReadOnlySpan<byte> input, ReadOnlySpan<byte> signature)
        {
            Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_key, input, expected);
            return signature.Length == HMACSHA256.HashSizeInBytes && CryptographicOperations.FixedTimeEquals(expected, signature);
        }
    }
}
