using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using F = Auth0ApiKit.Wire.JsonWebKeyFields;

namespace Auth0ApiKit.Tokens;

/// <summary>Reads and writes RSA JSON Web Keys (RFC 7517, 7518) without reflection.</summary>
internal static class RsaJsonWebKey
{
    /// <summary>Writes the public JWK of a signing key in the field order Auth0 uses.</summary>
    public static string WritePublic(string keyId, string modulus, string exponent, string certificateThumbprint, string certificate)
    {
        var json = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(json, TokenJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(F.Algorithm, "RS256");
            writer.WriteString(F.KeyType, F.RsaKeyType);
            writer.WriteString(F.Use, F.SignatureUse);
            writer.WriteString(F.Modulus, modulus);
            writer.WriteString(F.Exponent, exponent);
            writer.WriteString(F.KeyId, keyId);
            writer.WriteString(F.CertificateThumbprint, certificateThumbprint);
            writer.WriteStartArray(F.CertificateChain);
            writer.WriteStringValue(certificate);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(json.WrittenSpan);
    }

    /// <summary>
    /// Reads the members of the JSON object the reader is on whose values are strings (other members, such as
    /// <c>x5c</c>, are skipped), leaving the reader on the object's end.
    /// </summary>
    /// <exception cref="JsonException">The reader is not on an object, or the JSON is not valid.</exception>
    public static Dictionary<string, string> ReadStringMembers(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A JSON Web Key must be a JSON object.");
        }

        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                members.TryAdd(name, reader.GetString()!);
            }
            else
            {
                reader.Skip();
            }
        }

        return members;
    }

    /// <summary>
    /// Whether the members describe a key usable for RS256 signatures: <c>kty</c> <c>RSA</c>, <c>use</c> absent or
    /// <c>sig</c>, <c>alg</c> absent or <c>RS256</c>. Gives the reason when not.
    /// </summary>
    public static bool IsRs256SigningKey(Dictionary<string, string> members, out string? reason)
    {
        reason = !members.TryGetValue(F.KeyType, out var type) || type != F.RsaKeyType ? "it is not an RSA key"
            : members.TryGetValue(F.Use, out var use) && use != F.SignatureUse ? "it is not a signing key (use)"
            : members.TryGetValue(F.Algorithm, out var algorithm) && algorithm != "RS256" ? "it is not for RS256 (alg)"
            : null;
        return reason is null;
    }

    /// <summary>Decodes a required base64url member into bytes, without leading zero bytes.</summary>
    /// <exception cref="FormatException">The member is missing, empty or not base64url.</exception>
    public static byte[] ReadUnsignedInteger(Dictionary<string, string> members, string name)
    {
        if (!members.TryGetValue(name, out var text) || text.Length == 0)
        {
            throw new FormatException($"'{name}' is missing.");
        }

        var bytes = Base64Url.DecodeFromChars(text);
        var start = 0;
        while (start < bytes.Length - 1 && bytes[start] == 0)
        {
            start++;
        }

        if (bytes.Length == 0 || (start == bytes.Length - 1 && bytes[start] == 0))
        {
            throw new FormatException($"'{name}' is zero.");
        }

        return start == 0 ? bytes : bytes[start..];
    }

    /// <summary>Reads an RSA private JWK into RSA parameters (padded as <see cref="RSA.ImportParameters"/> requires) and its <c>kid</c>.</summary>
    /// <exception cref="ArgumentException">The JSON is not an RSA private JWK for RS256 signatures.</exception>
    public static (RSAParameters Parameters, string? KeyId) ReadPrivate(string json, string paramName)
    {
        Dictionary<string, string> members;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            members = ReadStringMembers(ref reader);
        }
        catch (JsonException e)
        {
            throw new ArgumentException("The JWK is not a valid JSON object.", paramName, e);
        }

        if (!IsRs256SigningKey(members, out var reason))
        {
            throw new ArgumentException($"The JWK cannot sign RS256 tokens: {reason}.", paramName);
        }

        try
        {
            var modulus = ReadUnsignedInteger(members, F.Modulus);
            var half = (modulus.Length + 1) / 2;
            var parameters = new RSAParameters
            {
                Modulus = modulus,
                Exponent = ReadUnsignedInteger(members, F.Exponent),
                D = LeftPad(ReadUnsignedInteger(members, F.PrivateExponent), modulus.Length, F.PrivateExponent),
                P = LeftPad(ReadUnsignedInteger(members, F.FirstPrime), half, F.FirstPrime),
                Q = LeftPad(ReadUnsignedInteger(members, F.SecondPrime), half, F.SecondPrime),
                DP = LeftPad(ReadUnsignedInteger(members, F.FirstFactorExponent), half, F.FirstFactorExponent),
                DQ = LeftPad(ReadUnsignedInteger(members, F.SecondFactorExponent), half, F.SecondFactorExponent),
                InverseQ = LeftPad(ReadUnsignedInteger(members, F.Coefficient), half, F.Coefficient),
            };
            return (parameters, members.GetValueOrDefault(F.KeyId));
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"The JWK is not an RSA private key: {e.Message}", paramName);
        }
    }

    /// <summary>Zeroes the private parameters.</summary>
    public static void Clear(RSAParameters parameters)
    {
        foreach (var value in new[] { parameters.D, parameters.P, parameters.Q, parameters.DP, parameters.DQ, parameters.InverseQ })
        {
            CryptographicOperations.ZeroMemory(value);
        }
    }

    private static byte[] LeftPad(byte[] value, int length, string name)
    {
        if (value.Length > length)
        {
            throw new FormatException($"'{name}' is longer than the key allows.");
        }

        if (value.Length == length)
        {
            return value;
        }

        var padded = new byte[length];
        value.CopyTo(padded, length - value.Length);
        CryptographicOperations.ZeroMemory(value);
        return padded;
    }
}
