using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Auth0ApiKit.Wire;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// Signs compact JWS tokens with one key and one algorithm. Built once per key: it owns its IdentityModel
/// signature provider (thread-safe, never rebuilt per token) and the encoded headers of both token types.
/// </summary>
internal sealed class JwtSigner : IDisposable
{
    private const byte Dot = (byte)'.';
    private readonly SignatureProvider _provider;
    private readonly bool _ownsProvider;
    private readonly byte[] _jwtHeader;
    private readonly byte[] _accessTokenJwtHeader;

    /// <summary>Creates the signer.</summary>
    /// <param name="key">The signing key; its crypto provider factory creates the signature provider.</param>
    /// <param name="algorithm">The JWS algorithm, <c>RS256</c> or <c>HS256</c>.</param>
    /// <param name="keyId">The <c>kid</c> to put in the header, or <see langword="null"/> for none.</param>
    /// <param name="signatureLength">The length of a signature in bytes.</param>
    public JwtSigner(SecurityKey key, string algorithm, string? keyId, int signatureLength)
        : this(key.CryptoProviderFactory.CreateForSigning(key, algorithm, cacheProvider: false), ownsProvider: true, algorithm, keyId, signatureLength)
    {
    }

    private JwtSigner(SignatureProvider provider, bool ownsProvider, string algorithm, string? keyId, int signatureLength)
    {
        _provider = provider;
        _ownsProvider = ownsProvider;
        Algorithm = algorithm;
        SignatureLength = signatureLength;
        _jwtHeader = EncodeHeader(algorithm, AccessTokenFields.JwtType, keyId);
        _accessTokenJwtHeader = EncodeHeader(algorithm, AccessTokenFields.AccessTokenJwtType, keyId);
    }

    /// <summary>The JWS algorithm.</summary>
    public string Algorithm { get; }

    /// <summary>The length of a signature in bytes.</summary>
    public int SignatureLength { get; }

    /// <summary>Signs <paramref name="payloadJson"/> into a compact token <c>header.payload.signature</c>.</summary>
    /// <param name="payloadJson">The UTF-8 JSON of the claims.</param>
    /// <param name="accessTokenJwtType">Whether the header says <c>typ: at+jwt</c> (RFC 9068) rather than <c>JWT</c>.</param>
    public string CreateToken(ReadOnlySpan<byte> payloadJson, bool accessTokenJwtType)
    {
        ReadOnlySpan<byte> header = accessTokenJwtType ? _accessTokenJwtHeader : _jwtHeader;
        var signingInputLength = header.Length + 1 + Base64Url.GetEncodedLength(payloadJson.Length);
        var tokenLength = signingInputLength + 1 + Base64Url.GetEncodedLength(SignatureLength);
        var rented = ArrayPool<byte>.Shared.Rent(tokenLength + SignatureLength);
        try
        {
            var token = rented.AsSpan(0, tokenLength);
            var signature = rented.AsSpan(tokenLength, SignatureLength);
            header.CopyTo(token);
            token[header.Length] = Dot;
            Base64Url.EncodeToUtf8(payloadJson, token[(header.Length + 1)..]);
            if (!_provider.Sign(token[..signingInputLength], signature, out var written) || written != SignatureLength)
            {
                throw new InvalidOperationException($"The {Algorithm} signature provider did not produce a {SignatureLength}-byte signature.");
            }

            token[signingInputLength] = Dot;
            Base64Url.EncodeToUtf8(signature, token[(signingInputLength + 1)..]);
            return Encoding.ASCII.GetString(token);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// A signer with the same key and signature provider under another key id: only the encoded headers are new, so it
    /// costs microseconds. It does not own the provider; this signer does.
    /// </summary>
    public JwtSigner WithKeyId(string keyId) => new(_provider, ownsProvider: false, Algorithm, keyId, SignatureLength);

    /// <summary>Disposes the signature provider, when this signer made it.</summary>
    public void Dispose()
    {
        if (_ownsProvider)
        {
            _provider.Dispose();
        }
    }

    private static byte[] EncodeHeader(string algorithm, string type, string? keyId)
    {
        var json = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(json, TokenJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(AccessTokenFields.Algorithm, algorithm);
            writer.WriteString(AccessTokenFields.Type, type);
            if (keyId is not null)
            {
                writer.WriteString(AccessTokenFields.KeyId, keyId);
            }

            writer.WriteEndObject();
        }

        return Encoding.ASCII.GetBytes(Base64Url.EncodeToString(json.WrittenSpan));
    }
}
