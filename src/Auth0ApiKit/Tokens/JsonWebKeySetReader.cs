using System.Collections.Frozen;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using F = Auth0ApiKit.Wire.JsonWebKeyFields;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// Reads a tenant's JSON Web Key Set and keeps only what can verify RS256 signatures: RSA keys of at least 2048
/// bits with a <c>kid</c>, whose <c>use</c> (if any) is <c>sig</c> and <c>alg</c> (if any) is <c>RS256</c>.
/// </summary>
internal static class JsonWebKeySetReader
{
    /// <summary>Reads the RS256 signing keys by key id; the first entry with a given <c>kid</c> wins.</summary>
    /// <param name="json">The UTF-8 body of the key set.</param>
    /// <param name="ignored">How many entries were not usable RS256 signing keys.</param>
    /// <exception cref="FormatException">The body is not a JSON Web Key Set, or holds no usable key; the message says which.</exception>
    public static FrozenDictionary<string, SecurityKey[]> Read(ReadOnlySpan<byte> json, out int ignored)
    {
        ignored = 0;
        var keys = new Dictionary<string, SecurityKey[]>(StringComparer.Ordinal);
        var sawKeys = false;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("the body is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isKeys = reader.ValueTextEquals(F.Keys);
                reader.Read();
                if (!isKeys || reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                sawKeys = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        reader.Skip();
                        ignored++;
                    }
                    else if (TryReadKey(RsaJsonWebKey.ReadStringMembers(ref reader), out var keyId, out var key) && keys.TryAdd(keyId, [key]))
                    {
                        continue;
                    }
                    else
                    {
                        ignored++;
                    }
                }
            }
        }
        catch (JsonException)
        {
            throw new FormatException("the body is not valid JSON");
        }

        if (!sawKeys)
        {
            throw new FormatException("the body has no 'keys' array");
        }

        if (keys.Count == 0)
        {
            throw new FormatException("the key set holds no RSA signing key of at least 2048 bits");
        }

        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static bool TryReadKey(Dictionary<string, string> members, out string keyId, out SecurityKey key)
    {
        keyId = members.GetValueOrDefault(F.KeyId) ?? string.Empty;
        key = null!;
        if (keyId.Length == 0 || !RsaJsonWebKey.IsRs256SigningKey(members, out _))
        {
            return false;
        }

        try
        {
            var modulus = RsaJsonWebKey.ReadUnsignedInteger(members, F.Modulus);
            var exponent = RsaJsonWebKey.ReadUnsignedInteger(members, F.Exponent);
            var bits = ((modulus.Length - 1) * 8) + (32 - BitOperations.LeadingZeroCount((uint)modulus[0]));
            if (bits < TenantSigningKey.MinimumKeySizeInBits)
            {
                return false;
            }

            key = new RsaSecurityKey(new RSAParameters { Modulus = modulus, Exponent = exponent }) { KeyId = keyId };
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
