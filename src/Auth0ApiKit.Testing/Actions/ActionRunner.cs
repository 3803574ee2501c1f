using System.Text.Json;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Tokens;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Actions;

/// <summary>
/// Runs the tenant's Actions on a token about to be issued: builds the event from the tenant's state, runs each Action
/// in order (the first denial stops the rest, as in Auth0), and applies what they asked for under Auth0's claim rules.
/// Costs nothing when the trigger has no Actions.
/// </summary>
internal sealed class ActionRunner
{
    private static readonly JsonElement EmptyObject = JsonElement.Parse("{}");
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    private readonly TenantStore _store;
    private readonly FakeTenantActions _actions;
    private readonly string _managementAudience;

    public ActionRunner(TenantStore store, FakeTenantActions actions, TenantUrls urls)
    {
        _store = store;
        _actions = actions;
        _managementAudience = urls.ManagementApiAudience;
    }

    /// <summary>What the post-login Actions made of a user's tokens: the access token's request and the ID token's custom claims.</summary>
    public sealed record PostLoginResult(AccessTokenRequest Request, IReadOnlyList<KeyValuePair<string, JsonElement>> IdTokenClaims);

    /// <summary>Runs the credentials-exchange Actions on an application's token request.</summary>
    /// <param name="api">The API the token is for.</param>
    /// <param name="request">The token as it would be issued without Actions.</param>
    /// <param name="requestedScope">The request's <c>scope</c> parameter, or <see langword="null"/>.</param>
    /// <exception cref="ActionDeniedException">An Action denied the token, or its claims are too large.</exception>
    public AccessTokenRequest CredentialsExchange(ResourceServerDto api, AccessTokenRequest request, string? requestedScope)
    {
        var actions = _actions.CredentialsExchange;
        if (actions.IsEmpty)
        {
            return request;
        }

        var @event = new CredentialsExchangeEvent(ClientOf(request.ClientId), new ActionResourceServer(api.Identifier!),
            new ActionRequest(requestedScope), request.Scopes);
        var exchange = new CredentialsExchangeApi();
        foreach (var action in actions)
        {
            action(@event, exchange);
            if (exchange.Denial is { } denial)
            {
                throw denial.Code switch
                {
                    CredentialsExchangeDenial.InvalidScope => new ActionDeniedException(400, "invalid_scope", denial.Reason),
                    CredentialsExchangeDenial.ServerError => new ActionDeniedException(500, "server_error", denial.Reason),
                    _ => new ActionDeniedException(400, "invalid_request", denial.Reason),
                };
            }
        }

        return WithClaims(request, exchange.AccessToken, api);
    }

    /// <summary>Runs the post-login Actions on a user's token request.</summary>
    /// <param name="api">The API the access token is for.</param>
    /// <param name="request">The access token as it would be issued without Actions.</param>
    /// <param name="requestedScopes">The scopes the application asked for.</param>
    /// <exception cref="ActionDeniedException">An Action denied the login, or its claims are too large.</exception>
    public PostLoginResult PostLogin(ResourceServerDto api, AccessTokenRequest request, IReadOnlyList<string> requestedScopes)
    {
        var actions = _actions.PostLogin;
        if (actions.IsEmpty)
        {
            return new PostLoginResult(request, []);
        }

        var @event = new PostLoginEvent(ClientOf(request.ClientId), new ActionResourceServer(api.Identifier!),
            new ActionRequest(requestedScopes.Count == 0 ? null : string.Join(' ', requestedScopes)), UserOf(request.Subject),
            new ActionAuthorization(RoleNamesOf(request.Subject)));
        var login = new PostLoginApi();
        foreach (var action in actions)
        {
            action(@event, login);
            if (login.DenialReason is { } reason)
            {
                throw new ActionDeniedException(403, "access_denied", reason);
            }
        }

        var scopes = request.Scopes.ToList();
        foreach (var (scope, add) in login.AccessToken.ScopeChanges)
        {
            scopes.Remove(scope);
            if (add)
            {
                scopes.Add(scope);
            }
        }

        var changed = scopes.SequenceEqual(request.Scopes, StringComparer.Ordinal) ? request : request.WithScopes(scopes);
        return new PostLoginResult(WithClaims(changed, login.AccessToken, api), CustomClaimRules.Keep(login.IdToken.Claims, forAuth0Api: false));
    }

    private AccessTokenRequest WithClaims(AccessTokenRequest request, ActionTokenClaims claims, ResourceServerDto api)
    {
        foreach (var (name, value) in CustomClaimRules.Keep(claims.Claims, forAuth0Api: api.Identifier == _managementAudience))
        {
            request = request.WithClaim(name, value);
        }

        return request;
    }

    private ActionClient ClientOf(string clientId)
    {
        ClientDto? client;
        lock (_store.Gate)
        {
            _store.Clients.TryGet(clientId, out client);
        }

        return new ActionClient(clientId, client?.Name ?? string.Empty, MetadataOf(client));
    }

    /// <summary>The client's <c>client_metadata</c>: Auth0 keeps string values only.</summary>
    private static IReadOnlyDictionary<string, string> MetadataOf(ClientDto? client) =>
        client?.AdditionalProperties?.GetValueOrDefault(ClientFields.ClientMetadata) is { ValueKind: JsonValueKind.Object } metadata
            ? metadata.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : NoMetadata;

    /// <summary>The user as the tenant holds it, or only its id when the tenant holds no such user.</summary>
    private ActionUser UserOf(string userId)
    {
        UserDto? user;
        lock (_store.Gate)
        {
            user = _store.Users.Find(userId);
        }

        return new ActionUser(userId, user?.Email, ObjectOrEmpty(user?.AppMetadata), ObjectOrEmpty(user?.UserMetadata), isStored: user is not null);
    }

    /// <summary>The names of the user's roles, as Auth0's <c>event.authorization.roles</c> lists them.</summary>
    private IReadOnlyList<string> RoleNamesOf(string userId)
    {
        lock (_store.Gate)
        {
            return [.. _store.Roles.RolesOf(userId).Select(role => role.Name!)];
        }
    }

    private static JsonElement ObjectOrEmpty(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } element ? element.Clone() : EmptyObject;
}
