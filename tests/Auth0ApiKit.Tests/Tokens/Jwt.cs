using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Auth0ApiKit.Tests.Tokens;

/// <summary>Reads tokens as raw JSON and forges tokens with any header, payload and signature, for tests.</summary>
internal static class Jwt
{
    public static JsonObject Header(string token) => Part(token, 0);

    /// <summary>The header's JSON text exactly as encoded in the token.</summary>
    public static string HeaderText(string token) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[0]));

    /// <summary>The payload's JSON text exactly as encoded in the token.</summary>
    public static string PayloadText(string token) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1]));

    public static JsonObject Payload(string token) => Part(token, 1);

    /// <summary>The names of the payload's members, in the order they were written.</summary>
    public static IReadOnlyList<string> ClaimNames(string token) => [.. Payload(token).Select(p => p.Key)];

    /// <summary>A token with this header and payload, signed over <c>header.payload</c> by <paramref name="sign"/>.</summary>
    public static string Forge(string headerJson, string payloadJson, Func<byte[], byte[]> sign)
    {
        var input = Encode(headerJson) + "." + Encode(payloadJson);
        return input + "." + Base64Url.EncodeToString(sign(Encoding.ASCII.GetBytes(input)));
    }

    public static Func<byte[], byte[]> Hs256(byte[] key) => input => HMACSHA256.HashData(key, input);

    public static Func<byte[], byte[]> Hs256(string secret) => Hs256(Encoding.UTF8.GetBytes(secret));

    public static Func<byte[], byte[]> Rs256(RSA rsa) => input => rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>Replaces the payload of a signed token, keeping its header and signature.</summary>
    public static string WithPayload(string token, string payloadJson)
    {
        var parts = token.Split('.');
        return parts[0] + "." + Encode(payloadJson) + "." + parts[2];
    }

    public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static JsonObject Part(string token, int index) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[index]))!.AsObject();
}
