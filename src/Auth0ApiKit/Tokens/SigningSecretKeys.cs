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
/// IdentityModel refuses HMAC-SHA256 keys under 256 bits (IDX10720), while Auth0 accepts secrets of 16 to 31
/// characters. For exactly those keys the key carries <see cref="ShortSecretCryptoProviderFactory"/>, which
/// creates the HMAC without that minimum; every other key keeps IdentityModel's defaults. Nothing global changes.
/// </remarks>
internal static class SigningSecretKeys
{
    private const int FullStrengthKeyBytes = 32;

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

        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret.Reveal()));
        if (key.Key.Length < FullStrengthKeyBytes)
        {
            key.CryptoProviderFactory = ShortSecretCryptoProviderFactory.Instance;
        }

        return key;
    }

    /// <summary>
    /// The crypto provider factory of keys made from 16 to 31 byte secrets: it creates their HMAC-SHA256 without
    /// IdentityModel's 256-bit minimum and behaves as the default factory otherwise (caching included).
    /// </summary>
    internal sealed class ShortSecretCryptoProviderFactory : CryptoProviderFactory
    {
        public static ShortSecretCryptoProviderFactory Instance { get; } = new();

        public override KeyedHashAlgorithm CreateKeyedHashAlgorithm(byte[] keyBytes, string algorithm)
        {
            ArgumentNullException.ThrowIfNull(keyBytes);
            var isHs256 = algorithm is SecurityAlgorithms.HmacSha256 or SecurityAlgorithms.HmacSha256Signature;
            return isHs256 && keyBytes.Length is >= ApiLimits.SigningSecretMinLength and < FullStrengthKeyBytes
                ? new HMACSHA256(keyBytes)
                : base.CreateKeyedHashAlgorithm(keyBytes, algorithm);
        }
    }
}
