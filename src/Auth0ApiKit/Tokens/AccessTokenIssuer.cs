using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Auth0ApiKit.Apis;
using Microsoft.IdentityModel.Tokens;
using T = Auth0ApiKit.Wire.AccessTokenFields;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// Issues the access tokens a tenant would: the header fields and claims Auth0 writes, with the same values, for
/// all four token dialects, signed with the tenant's current key (RS256) or the API's secret (HS256).
/// </summary>
/// <remarks>
/// Tokens carry <c>iss</c>, <c>sub</c>, <c>aud</c>, <c>iat</c>, <c>exp = iat + token lifetime</c> and never
/// <c>nbf</c>; Auth0's dialects add <c>azp</c> (and <c>gty</c> for applications), RFC 9068 dialects
/// <c>typ: at+jwt</c>, <c>client_id</c> and <c>jti</c>, and <c>*_authz</c> dialects <c>permissions</c>.
/// The issuer is thread-safe and meant to be reused: it builds the signing state of a key or a secret once and
/// reads the time from its <see cref="TimeProvider"/>.
/// </remarks>
internal sealed class AccessTokenIssuer
{
    private const string OpenIdScope = "openid";
    private const int JwtIdBytes = 16;

    [ThreadStatic]
    private static PayloadBuffer? t_payload;

    private readonly Lock _gate = new();

    /// <summary>The HS256 signer of each API, by identifier, with the secret it signs with (replaced when the secret changes).</summary>
    private readonly Dictionary<string, (Secret Secret, JwtSigner Signer)> _secretSigners = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an issuer for a tenant.</summary>
    /// <param name="tenant">The tenant's URLs; its issuer is every token's <c>iss</c>.</param>
    /// <param name="signingKeys">The tenant's RS256 keys; the current one signs. May be empty when only HS256 APIs get tokens.</param>
    /// <param name="timeProvider">The clock for <c>iat</c> and <c>exp</c>; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tenant"/> or <paramref name="signingKeys"/> is <see langword="null"/>.</exception>
    public AccessTokenIssuer(TenantUrls tenant, SigningKeySet signingKeys, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(signingKeys);
        Tenant = tenant;
        SigningKeys = signingKeys;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The tenant whose tokens this issuer makes.</summary>
    public TenantUrls Tenant { get; }

    /// <summary>The tenant's RS256 signing keys.</summary>
    public SigningKeySet SigningKeys { get; }

    /// <summary>Issues an access token for <paramref name="api"/> as Auth0 would for <paramref name="request"/>.</summary>
    /// <param name="api">The API: its identifier is the audience; its algorithm, secret, lifetimes and dialect shape the token.</param>
    /// <param name="request">Who the token is for and what it grants.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The API has no identifier, or its HS256 secret is shorter than 16 characters.</exception>
    /// <exception cref="InvalidOperationException">An RS256 API while the key set is empty, or an HS256 API without a signing secret.</exception>
    /// <exception cref="NotSupportedException">The API's signing algorithm is not RS256 or HS256, or its token dialect is unknown.</exception>
    /// <exception cref="ObjectDisposedException">The current signing key was disposed.</exception>
    public IssuedAccessToken Issue(ApiDefinition api, AccessTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(api.Identifier))
        {
            throw new ArgumentException("The API has no identifier, so a token for it would have no audience.", nameof(api));
        }

        var dialect = api.EffectiveTokenDialect;
        if (!dialect.IsKnown)
        {
            throw new NotSupportedException($"The token dialect '{dialect}' is not one the SDK can issue.");
        }

        var signer = SignerFor(api);
        var lifetime = request.IsThroughBrowserFlow ? api.EffectiveWebTokenLifetime : api.EffectiveTokenLifetime;
        var issuedAt = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var expiresAt = issuedAt + (long)lifetime.TotalSeconds;

        var payload = t_payload ??= new PayloadBuffer();
        var writer = payload.Start();
        WriteClaims(writer, api, request, dialect, issuedAt, expiresAt);
        writer.Flush();
        var token = signer.CreateToken(payload.Written, dialect.IsRfc9068);

        return new IssuedAccessToken(token, api.Identifier, request.Subject,
            DateTimeOffset.FromUnixTimeSeconds(issuedAt), DateTimeOffset.FromUnixTimeSeconds(expiresAt), request.Scopes);
    }

    /// <summary>Describes the issuer: its tenant and keys.</summary>
    public override string ToString() => $"Access token issuer for {Tenant.Issuer} ({SigningKeys})";

    /// <summary>The signer for the API: the current key's, or the one built once per secret (cached for as long as the secret lives).</summary>
    internal JwtSigner SignerFor(ApiDefinition api)
    {
        var algorithm = api.EffectiveSigningAlgorithm;
        if (algorithm == SigningAlgorithm.RS256)
        {
            var key = SigningKeys.Current
                ?? throw new InvalidOperationException("The tenant has no RS256 signing key yet: add one with SigningKeySet.Rotate(TenantSigningKey.Generate()).");
            return key.Signer;
        }

        if (algorithm == SigningAlgorithm.HS256)
        {
            var secret = api.SigningSecret
                ?? throw new InvalidOperationException($"The HS256 API {api.Identifier} has no signing secret to sign its tokens with.");
            lock (_gate)
            {
                if (_secretSigners.TryGetValue(api.Identifier!, out var cached) && (ReferenceEquals(cached.Secret, secret) || cached.Secret.Equals(secret)))
                {
                    return cached.Signer;
                }

                var signer = new JwtSigner(SigningSecretKeys.Create(secret, nameof(api)), SecurityAlgorithms.HmacSha256, keyId: null, SHA256.HashSizeInBytes);
                _secretSigners[api.Identifier!] = (secret, signer);
                return signer;
            }
        }

        throw new NotSupportedException($"The SDK issues RS256 and HS256 tokens only; the API {api.Identifier} uses {algorithm}.");
    }

    private void WriteClaims(Utf8JsonWriter writer, ApiDefinition api, AccessTokenRequest request, TokenDialect dialect, long issuedAt, long expiresAt)
    {
        writer.WriteStartObject();
        writer.WriteString(T.Issuer, Tenant.Issuer);
        writer.WriteString(T.Subject, request.Subject);
        if (request.IsForUser && request.HasScope(OpenIdScope) && api.EffectiveSigningAlgorithm == SigningAlgorithm.RS256)
        {
            writer.WriteStartArray(T.Audience);
            writer.WriteStringValue(api.Identifier);
            writer.WriteStringValue(Tenant.UserInfoAudience);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString(T.Audience, api.Identifier);
        }

        writer.WriteNumber(T.IssuedAt, issuedAt);
        writer.WriteNumber(T.Expires, expiresAt);
        writer.WriteString(dialect.IsRfc9068 ? T.ClientId : T.AuthorizedParty, request.ClientId);
        if (request.ScopeClaim is { } scope)
        {
            writer.WriteString(T.Scope, scope);
        }

        if (dialect.IsRfc9068)
        {
            Span<byte> random = stackalloc byte[JwtIdBytes];
            Span<char> jwtId = stackalloc char[JwtIdBytes * 2];
            RandomNumberGenerator.Fill(random);
            Convert.TryToHexStringLower(random, jwtId, out _);
            writer.WriteString(T.JwtId, jwtId);
        }
        else if (!request.IsForUser)
        {
            writer.WriteString(T.GrantType, T.ClientCredentialsGrantType);
        }

        if (dialect.IncludesPermissions)
        {
            writer.WriteStartArray(T.Permissions);
            foreach (var permission in request.Permissions ?? (request.IsForUser ? [] : request.Scopes))
            {
                writer.WriteStringValue(permission);
            }

            writer.WriteEndArray();
        }

        if (request.CustomClaims.Count > 0)
        {
            foreach (var (name, value) in request.CustomClaims)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>A per-thread buffer and JSON writer for payloads, so that issuing allocates only the token.</summary>
    private sealed class PayloadBuffer : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1024);
        private readonly Utf8JsonWriter _writer;

        public PayloadBuffer() => _writer = new Utf8JsonWriter(_buffer, TokenJson.WriterOptions);

        public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

        public Utf8JsonWriter Start()
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            return _writer;
        }

        public void Dispose() => _writer.Dispose();
    }
}
