using System.Text.Json;

namespace Auth0ApiKit.Testing.Actions;

/// <summary>The application a token is issued to, as an Action's <c>event.client</c> describes it.</summary>
public sealed class ActionClient
{
    internal ActionClient(string clientId, string name, IReadOnlyDictionary<string, string> metadata)
    {
        ClientId = clientId;
        Name = name;
        Metadata = metadata;
    }

    /// <summary>The client id (<c>event.client.client_id</c>).</summary>
    public string ClientId { get; }

    /// <summary>The application's name (<c>event.client.name</c>).</summary>
    public string Name { get; }

    /// <summary>The application's <c>client_metadata</c> (<c>event.client.metadata</c>): string values, empty when none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The client id and name.</summary>
    public override string ToString() => $"{Name} ({ClientId})";
}

/// <summary>The API a token is issued for, as an Action's <c>event.resource_server</c> describes it.</summary>
public sealed class ActionResourceServer
{
    internal ActionResourceServer(string identifier) => Identifier = identifier;

    /// <summary>The API's identifier, the token's audience (<c>event.resource_server.identifier</c>).</summary>
    public string Identifier { get; }

    /// <summary>The identifier.</summary>
    public override string ToString() => Identifier;
}

/// <summary>The token request, as an Action's <c>event.request</c> describes it.</summary>
public sealed class ActionRequest
{
    internal ActionRequest(string? scope) => Scope = scope;

    /// <summary>The <c>scope</c> parameter the request sent (space-separated), or <see langword="null"/> when it sent none.</summary>
    public string? Scope { get; }

    /// <summary>The requested scope.</summary>
    public override string ToString() => $"Request (scope {Scope ?? "none"})";
}

/// <summary>The signed-in user, as a post-login Action's <c>event.user</c> describes it.</summary>
public sealed class ActionUser
{
    internal ActionUser(string userId, string? email, JsonElement appMetadata, JsonElement userMetadata, bool isStored)
    {
        UserId = userId;
        Email = email;
        AppMetadata = appMetadata;
        UserMetadata = userMetadata;
        IsStored = isStored;
    }

    /// <summary>The user id, such as <c>auth0|64f1…</c> (<c>event.user.user_id</c>).</summary>
    public string UserId { get; }

    /// <summary>The user's email (<c>event.user.email</c>), or <see langword="null"/>.</summary>
    public string? Email { get; }

    /// <summary>The user's <c>app_metadata</c> (<c>event.user.app_metadata</c>): a JSON object, <c>{}</c> when none.</summary>
    public JsonElement AppMetadata { get; }

    /// <summary>The user's <c>user_metadata</c> (<c>event.user.user_metadata</c>): a JSON object, <c>{}</c> when none.</summary>
    public JsonElement UserMetadata { get; }

    /// <summary>
    /// Whether the tenant holds this user. Tokens minted directly for a user id the tenant does not know still run the
    /// post-login Actions, with only <see cref="UserId"/> known.
    /// </summary>
    public bool IsStored { get; }

    /// <summary>The user id.</summary>
    public override string ToString() => UserId;
}

/// <summary>What the user is authorized as, as a post-login Action's <c>event.authorization</c> describes it.</summary>
public sealed class ActionAuthorization
{
    internal ActionAuthorization(IReadOnlyList<string> roles) => Roles = roles;

    /// <summary>The names of the user's roles (<c>event.authorization.roles</c>), empty when none.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The roles.</summary>
    public override string ToString() => $"Roles [{string.Join(", ", Roles)}]";
}

/// <summary>What every Action's event tells: the application, the API and the request.</summary>
public abstract class ActionEvent
{
    private protected ActionEvent(ActionClient client, ActionResourceServer resourceServer, ActionRequest request)
    {
        Client = client;
        ResourceServer = resourceServer;
        Request = request;
    }

    /// <summary>The application the token is issued to (<c>event.client</c>).</summary>
    public ActionClient Client { get; }

    /// <summary>The API the access token is for (<c>event.resource_server</c>).</summary>
    public ActionResourceServer ResourceServer { get; }

    /// <summary>The token request (<c>event.request</c>): its scope is the one the application asked for.</summary>
    public ActionRequest Request { get; }
}

/// <summary>
/// The event of a credentials-exchange Action: an application asks <c>/oauth/token</c> for a client-credentials token
/// (or a test mints one with <see cref="FakeTenantTokens.ForApplication"/>).
/// </summary>
public sealed class CredentialsExchangeEvent : ActionEvent
{
    internal CredentialsExchangeEvent(ActionClient client, ActionResourceServer resourceServer, ActionRequest request, IReadOnlyList<string> scopes)
        : base(client, resourceServer, request) => Scopes = scopes;

    /// <summary>The scopes the token is about to grant (<c>event.accessToken.scope</c>).</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The application and the API.</summary>
    public override string ToString() => $"Credentials exchange: {Client} for {ResourceServer}";
}

/// <summary>
/// The event of a post-login Action: a user's access token is issued (by a refresh, or minted directly with
/// <see cref="FakeTenantTokens.ForUser"/>; by the login flows when they land).
/// </summary>
public sealed class PostLoginEvent : ActionEvent
{
    internal PostLoginEvent(ActionClient client, ActionResourceServer resourceServer, ActionRequest request, ActionUser user,
        ActionAuthorization authorization)
        : base(client, resourceServer, request)
    {
        User = user;
        Authorization = authorization;
    }

    /// <summary>The user (<c>event.user</c>).</summary>
    public ActionUser User { get; }

    /// <summary>The user's roles (<c>event.authorization</c>).</summary>
    public ActionAuthorization Authorization { get; }

    /// <summary>The user, the application and the API.</summary>
    public override string ToString() => $"Post-login: {User} through {Client} for {ResourceServer}";
}
