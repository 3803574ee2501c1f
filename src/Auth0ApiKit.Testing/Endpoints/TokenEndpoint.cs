using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;
using T = Auth0ApiKit.Wire.TokenRequestFields;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary><c>POST /oauth/token</c>: client credentials and refresh tokens, with every error Auth0 gives.</summary>
internal sealed class TokenEndpoint
{
    private static readonly string ClientCredentials = GrantType.ClientCredentials.Value;
    private static readonly string RefreshTokenGrant = GrantType.RefreshToken.Value;

    private readonly TenantStore _store;
    private readonly TenantTokens _tokens;

    public TokenEndpoint(TenantStore store, TenantTokens tokens)
    {
        _store = store;
        _tokens = tokens;
    }

    public FakeResponse Handle(FakeRequest request)
    {
        if (request.Body.Length > JsonBody.MaxBytes)
        {
            return Error(413, "invalid_request", "Request body too large.");
        }

        if (ReadParameters(request) is not { } parameters)
        {
            return Error(400, "invalid_request", "Unsupported content type or malformed body: send application/x-www-form-urlencoded or application/json.");
        }

        if (ReadClientCredentials(request, parameters, out var clientId, out var clientSecret) is { } credentialsError)
        {
            return credentialsError;
        }

        return parameters.GetValueOrDefault(T.GrantType) switch
        {
            null or "" => Error(400, "invalid_request", "Missing required parameter: grant_type"),
            var grant when grant == ClientCredentials => HandleClientCredentials(clientId, clientSecret, parameters.GetValueOrDefault(T.Audience)),
            var grant when grant == RefreshTokenGrant => HandleRefreshToken(clientId, clientSecret, parameters.GetValueOrDefault(T.RefreshToken)),
            var other => Error(400, "unsupported_grant_type", $"Unsupported grant type: {other}"),
        };
    }

    private FakeResponse HandleClientCredentials(string? clientId, string? clientSecret, string? audience)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            return Error(400, "invalid_request", "Missing required parameter: client_id");
        }

        ClientDto? client;
        ResourceServerDto? api;
        ClientGrantDto? grant;
        lock (_store.Gate)
        {
            client = Authenticate(clientId, clientSecret, requireSecret: true);
            api = string.IsNullOrEmpty(audience) ? null : _store.FindResourceServerByIdentifier(audience);
            grant = api is null ? null : _store.FindGrant(clientId, audience!, ClientGrantFields.ClientSubjectType);
        }

        if (client is null)
        {
            return AccessDenied(401, "Unauthorized");
        }

        if (!(client.GrantTypes ?? []).Contains(ClientCredentials, StringComparer.Ordinal))
        {
            return UnauthorizedClient(ClientCredentials);
        }

        if (string.IsNullOrEmpty(audience))
        {
            return AccessDenied(403, "No audience parameter was provided, and no default audience has been configured");
        }

        if (api is null)
        {
            return AccessDenied(403, $"Service not found: {audience}");
        }

        if (grant is null)
        {
            return AccessDenied(403,
                $"Client \"{clientId}\" is not authorized to access resource server \"{audience}\". You need to create a \"client-grant\" associated to this API.");
        }

        var token = _tokens.IssueForApplication(api, clientId, ClientGrantsEndpoint.GrantedScopes(grant, api));
        return Success(token);
    }

    private FakeResponse HandleRefreshToken(string? clientId, string? clientSecret, string? refreshToken)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            return Error(400, "invalid_request", "Missing required parameter: client_id");
        }

        if (string.IsNullOrEmpty(refreshToken))
        {
            return Error(400, "invalid_request", "Missing required parameter: refresh_token");
        }

        ClientDto? client;
        RefreshTokenGrant? stored;
        ResourceServerDto? api = null;
        IReadOnlyList<string> permissions = [];
        lock (_store.Gate)
        {
            client = Authenticate(clientId, clientSecret, requireSecret: false);
            stored = _store.RefreshTokens.GetValueOrDefault(refreshToken);
            if (stored is not null)
            {
                api = _store.FindResourceServerByIdentifier(stored.Audience);
                permissions = UserScopes.PermissionsOf(_store, stored.UserId, stored.Audience);
            }
        }

        if (client is null)
        {
            return AccessDenied(401, "Unauthorized");
        }

        if (!(client.GrantTypes ?? []).Contains(RefreshTokenGrant, StringComparer.Ordinal))
        {
            return UnauthorizedClient(RefreshTokenGrant);
        }

        if (stored is null || api is null || stored.ClientId != clientId || api.AllowOfflineAccess != true)
        {
            return Error(403, "invalid_grant", "Unknown or invalid refresh token.");
        }

        var token = _tokens.IssueForUser(api, clientId, stored.UserId, stored.Scopes, permissions, customClaims: null);
        return Success(token);
    }

    /// <summary>The client, when the id is known and the secret matches (compared in constant time); public clients need none.</summary>
    private ClientDto? Authenticate(string clientId, string? clientSecret, bool requireSecret)
    {
        if (!_store.Clients.TryGet(clientId, out var client))
        {
            return null;
        }

        // Only token_endpoint_auth_method "none" makes a public client, as in Auth0: a client without it (whatever its
        // app_type, a SPA created without one included) is confidential and authenticates with its secret.
        if (!requireSecret && client.TokenEndpointAuthMethod == ClientFields.AuthMethodNone && clientSecret is null)
        {
            return client;
        }

        return clientSecret is not null && client.ClientSecret is not null && SecretsMatch(clientSecret, client.ClientSecret) ? client : null;
    }

    private static bool SecretsMatch(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static FakeResponse Success(TenantTokens.Minted token)
    {
        var response = FakeResponse.Json(200, new TokenResponseDto
        {
            AccessToken = token.AccessToken,
            Scope = token.Scopes.Count == 0 ? null : string.Join(' ', token.Scopes),
            ExpiresIn = token.ExpiresIn,
            TokenType = "Bearer",
        }, WireJson.Context.TokenResponseDto);
        response.Headers["Cache-Control"] = "no-store";
        response.Headers["Pragma"] = "no-cache";
        return response;
    }

    private static Dictionary<string, string>? ReadParameters(FakeRequest request)
    {
        switch (request.MediaType)
        {
            case "application/x-www-form-urlencoded":
                // The first value of a repeated parameter counts.
                return FakeRequest.ParseFormFirstValues(request.BodyText);
            case "application/json":
                try
                {
                    using var document = WireJson.TryParse(request.Body);
                    var dto = document?.Deserialize(WireJson.Context.TokenRequestDto);
                    if (dto is null)
                    {
                        return null;
                    }

                    return new Dictionary<string, string?>
                    {
                        [T.GrantType] = dto.GrantType,
                        [T.ClientId] = dto.ClientId,
                        [T.ClientSecret] = dto.ClientSecret,
                        [T.Audience] = dto.Audience,
                        [T.Scope] = dto.Scope,
                        [T.RefreshToken] = dto.RefreshToken,
                    }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
                }
                catch (JsonException)
                {
                    return null;
                }

            default:
                return null;
        }
    }

    /// <summary>Reads the client's id and secret from HTTP Basic (<c>client_secret_basic</c>) or the body (<c>client_secret_post</c>).</summary>
    private static FakeResponse? ReadClientCredentials(FakeRequest request, Dictionary<string, string> parameters, out string? clientId, out string? clientSecret)
    {
        clientId = parameters.GetValueOrDefault(T.ClientId);
        clientSecret = parameters.GetValueOrDefault(T.ClientSecret);
        var authorization = request.Header("Authorization");
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
        }
        catch (FormatException)
        {
            return AccessDenied(401, "Unauthorized");
        }

        var separator = decoded.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0)
        {
            return AccessDenied(401, "Unauthorized");
        }

        var basicId = FakeRequest.Decode(decoded[..separator]);
        if (clientId is not null && clientId != basicId)
        {
            return Error(400, "invalid_request", "The client id in the Authorization header and in the body differ.");
        }

        if (clientSecret is not null)
        {
            return Error(400, "invalid_request", "Use one client authentication method: HTTP Basic or client_secret in the body, not both.");
        }

        clientId = basicId;
        clientSecret = FakeRequest.Decode(decoded[(separator + 1)..]);
        return null;
    }

    private static FakeResponse AccessDenied(int status, string description) => Error(status, "access_denied", description);

    private static FakeResponse UnauthorizedClient(string grantType) =>
        FakeResponse.Json(403, new OAuthErrorDto
        {
            Error = "unauthorized_client",
            ErrorDescription = $"Grant type '{grantType}' not allowed for the client.",
            ErrorUri = "https://auth0.com/docs/clients/client-grant-types",
        }, WireJson.Context.OAuthErrorDto);

    private static FakeResponse Error(int status, string error, string description) =>
        FakeResponse.Json(status, new OAuthErrorDto { Error = error, ErrorDescription = description }, WireJson.Context.OAuthErrorDto);
}
