using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Tokens;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// The tenant's token machinery: its RS256 key set (made on first use, never on construction), the issuer of
/// Auth0-shaped access tokens, and the JWKS. Thread-safe.
/// </summary>
internal sealed class TenantTokens
{
    /// <summary>
    /// One RSA key per process, made on first use (about 100 ms, once) and shared by every tenant without a key of its
    /// own, each under its own key id: sharing costs no RSA work and no import.
    /// </summary>
    private static readonly Lazy<TenantSigningKey> SharedKey = new(() => TenantSigningKey.Generate());

    private readonly TenantUrls _urls;
    private readonly TimeProvider _time;
    private readonly TenantSigningKey? _configuredKey;
    private readonly Lazy<AccessTokenIssuer> _issuer;
    private readonly Lock _gate = new();

    // Plain tables, not ConditionalWeakTables: those are finalizable and hold a GC handle per entry, which every new tenant
    // paid for. Both stay small: one entry per API identifier, one per signing key the tenant was given or made.
    private readonly Dictionary<string, (ResourceServerDto Row, ApiDefinition Definition)> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<TenantSigningKey, FakeSigningKey> _publicKeys = [];
    private long _keySetVersion;

    public TenantTokens(TenantUrls urls, TimeProvider time, FakeSigningKey? signingKey)
    {
        _urls = urls;
        _time = time;
        _configuredKey = signingKey is null ? null : Remember(signingKey);
        _issuer = new Lazy<AccessTokenIssuer>(() => new AccessTokenIssuer(_urls, new SigningKeySet(() => _configuredKey ?? NewSharedKey()), _time));
    }

    /// <summary>What the token endpoint needs of a new token.</summary>
    public sealed record Minted(IssuedAccessToken Token)
    {
        public string AccessToken => Token.Value;

        public long ExpiresIn => (long)Token.ExpiresIn.TotalSeconds;

        public IReadOnlyList<string> Scopes => Token.Scopes;
    }

    /// <summary>The tenant's key set; its first key is taken when an RS256 token or the JWKS first needs it.</summary>
    public SigningKeySet SigningKeys => _issuer.Value.SigningKeys;

    /// <summary>The key that signs RS256 tokens now, as test code sees it (the same instance each time).</summary>
    public FakeSigningKey CurrentSigningKey
    {
        get
        {
            var current = SigningKeys.Current!;
            lock (_gate)
            {
                if (!_publicKeys.TryGetValue(current, out var key))
                {
                    key = new FakeSigningKey(current);
                    _publicKeys.Add(current, key);
                }

                return key;
            }
        }
    }

    /// <summary>The issuer of this tenant's tokens.</summary>
    public AccessTokenIssuer Issuer => _issuer.Value;

    public Minted IssueForApplication(ResourceServerDto api, string clientId, IReadOnlyList<string> scopes) =>
        new(Issuer.Issue(DefinitionOf(api), AccessTokenRequest.ForApplication(clientId, scopes)));

    /// <summary>
    /// A user's token: of the requested <paramref name="scopes"/>, those <see cref="UserScopes"/> grants, and the user's
    /// <paramref name="permissions"/> for the API (<see cref="UserScopes.PermissionsOf"/>) as the <c>permissions</c> claim.
    /// </summary>
    public Minted IssueForUser(ResourceServerDto api, string clientId, string userId, IReadOnlyList<string> scopes,
        IReadOnlyList<string> permissions, IReadOnlyDictionary<string, string>? customClaims)
    {
        var request = AccessTokenRequest.ForUser(clientId, userId, UserScopes.Granted(api, scopes, permissions)).WithPermissions(permissions);
        foreach (var (name, value) in customClaims ?? new Dictionary<string, string>())
        {
            request = request.WithClaim(name, value);
        }

        return new(Issuer.Issue(DefinitionOf(api), request));
    }

    /// <summary>The public keys of the current and previous signing keys, as Auth0 publishes them.</summary>
    public string JwksJson() => SigningKeys.ToJwksJson();

    /// <summary>
    /// Makes <paramref name="next"/> (or a newly generated key: new key material, as Auth0 rotates) current; the old
    /// one stays published. Generating costs about 100 ms, and only here, when a test asks for a rotation.
    /// </summary>
    public FakeSigningKey RotateSigningKey(FakeSigningKey? next)
    {
        var key = next ?? FakeSigningKey.Generate(NewKeyId());
        SigningKeys.Rotate(Remember(key));
        Interlocked.Increment(ref _keySetVersion);
        return key;
    }

    /// <summary>Stops publishing the previous key: tokens it signed no longer validate.</summary>
    public void RevokePreviousSigningKey()
    {
        SigningKeys.Revoke();
        Interlocked.Increment(ref _keySetVersion);
    }

    /// <summary>Changes whenever the published keys change, so that validators built on them are rebuilt.</summary>
    public long KeySetVersion => Interlocked.Read(ref _keySetVersion);

    /// <summary>The API's definition, mapped once per stored row (rows are immutable); the latest row of each identifier is kept.</summary>
    private ApiDefinition DefinitionOf(ResourceServerDto row)
    {
        lock (_gate)
        {
            if (_definitions.TryGetValue(row.Identifier!, out var cached) && ReferenceEquals(cached.Row, row))
            {
                return cached.Definition;
            }
        }

        var definition = ResourceServerMapping.ToDefinition(row);
        lock (_gate)
        {
            _definitions[row.Identifier!] = (row, definition);
        }

        return definition;
    }

    /// <summary>Records the key test code gave, so that <see cref="CurrentSigningKey"/> hands back that same instance.</summary>
    private TenantSigningKey Remember(FakeSigningKey key)
    {
        lock (_gate)
        {
            _publicKeys[key.Key] = key;
        }

        return key.Key;
    }

    private static TenantSigningKey NewSharedKey() => SharedKey.Value.ShareUnderKeyId(NewKeyId());

    private static string NewKeyId() => "fake-" + SecureRandom.GetString("0123456789abcdef", 16);
}
