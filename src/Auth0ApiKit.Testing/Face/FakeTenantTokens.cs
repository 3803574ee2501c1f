using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;

namespace Auth0ApiKit.Testing;

/// <summary>
/// Mints a fake tenant's tokens directly (no HTTP), exactly as its token endpoint would, and manages its signing
/// keys: rotation (both keys published) and revocation.
/// </summary>
public sealed class FakeTenantTokens
{
    private const string OfflineAccessScope = "offline_access";

    private readonly TenantStore _store;
    private readonly TenantTokens _tokens;

    internal FakeTenantTokens(TenantStore store, TenantTokens tokens)
    {
        _store = store;
        _tokens = tokens;
    }

    /// <summary>The tenant's JWKS as served at <c>/.well-known/jwks.json</c>.</summary>
    public string JwksJson => _tokens.JwksJson();

    /// <summary>
    /// The key that signs RS256 tokens now (the very instance given to <see cref="FakeTenantOptions.SigningKey"/> or
    /// <see cref="RotateSigningKey"/>): its <see cref="FakeSigningKey.KeyId"/> is the tokens' <c>kid</c>, and its private
    /// key signs a token of the test's own.
    /// </summary>
    public FakeSigningKey CurrentSigningKey => _tokens.CurrentSigningKey;

    /// <summary>
    /// A client-credentials token for an application: with the scopes it is granted for the API, or with
    /// <paramref name="scopes"/> when given (no grant needed then).
    /// </summary>
    /// <exception cref="FakeTenantException">The API is unknown, or no scopes were given and the application is not authorized.</exception>
    public FakeAccessToken ForApplication(string clientId, string apiIdentifier, IEnumerable<string>? scopes = null)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(apiIdentifier);
        var (api, granted) = Lookup(clientId, apiIdentifier);
        var chosen = scopes?.ToList() ?? granted
            ?? throw new FakeTenantException(403, $"Client \"{clientId}\" is not authorized to access resource server \"{apiIdentifier}\".");
        return new FakeAccessToken(_tokens.IssueForApplication(api, clientId, chosen).Token);
    }

    /// <summary>
    /// A user's access token (as after a login through <paramref name="clientId"/>), with custom claims, and a
    /// refresh token when the API allows offline access and <c>offline_access</c> is among the scopes. The token
    /// carries the requested OpenID Connect scopes and, of the requested API scopes, those the API defines; with the
    /// API's RBAC on (<c>enforce_policies</c>), only those the user holds as permissions, directly or through roles.
    /// Its <c>*_authz</c> dialects list all the user's permissions for the API. A user id the tenant does not know
    /// holds no permissions.
    /// </summary>
    /// <exception cref="FakeTenantException">The API is unknown.</exception>
    public UserTokens ForUser(string clientId, string apiIdentifier, string userId, IEnumerable<string> scopes,
        IReadOnlyDictionary<string, string>? claims = null)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(apiIdentifier);
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(scopes);
        var list = scopes.ToList();
        var (api, _) = Lookup(clientId, apiIdentifier);
        IReadOnlyList<string> permissions;
        lock (_store.Gate)
        {
            permissions = UserScopes.PermissionsOf(_store, userId, apiIdentifier);
        }

        var accessToken = new FakeAccessToken(_tokens.IssueForUser(api, clientId, userId, list, permissions, claims).Token);
        string? refreshToken = null;
        if (api.AllowOfflineAccess == true && list.Contains(OfflineAccessScope, StringComparer.Ordinal))
        {
            refreshToken = IdGenerator.RefreshToken();
            lock (_store.Gate)
            {
                _store.AddRefreshToken(refreshToken, new RefreshTokenGrant(userId, clientId, apiIdentifier, list));
            }
        }

        return new UserTokens(accessToken, refreshToken is null ? null : new Secret(refreshToken));
    }

    /// <summary>Revokes a refresh token: the token endpoint refuses it from now on.</summary>
    public void RevokeRefreshToken(Secret refreshToken)
    {
        ArgumentNullException.ThrowIfNull(refreshToken);
        lock (_store.Gate)
        {
            _store.RevokeRefreshToken(refreshToken.Reveal());
        }
    }

    /// <summary>
    /// Makes a new signing key current; the previous one stays published so that tokens it signed still validate.
    /// Without <paramref name="next"/> a new RSA key is generated (new key material, as Auth0 rotates; about 100 ms),
    /// so that after <see cref="RevokePreviousSigningKey"/> old tokens fail even for validators that try every key.
    /// </summary>
    public FakeSigningKey RotateSigningKey(FakeSigningKey? next = null) => _tokens.RotateSigningKey(next);

    /// <summary>Stops publishing the previous signing key: tokens it signed stop validating.</summary>
    public void RevokePreviousSigningKey() => _tokens.RevokePreviousSigningKey();

    private (Wire.ResourceServerDto Api, IReadOnlyList<string>? Granted) Lookup(string clientId, string apiIdentifier)
    {
        lock (_store.Gate)
        {
            var api = _store.FindResourceServerByIdentifier(apiIdentifier)
                ?? throw new FakeTenantException(404, $"Service not found: {apiIdentifier}");
            var grant = _store.FindGrant(clientId, apiIdentifier, Wire.ClientGrantFields.ClientSubjectType);
            return (api, grant is null ? null : ClientGrantsEndpoint.GrantedScopes(grant, api));
        }
    }
}
