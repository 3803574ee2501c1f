using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// Who an access token is for and what it grants: an application through the client-credentials grant
/// (<see cref="ForApplication"/>) or a user signed in through an application (<see cref="ForUser"/>), with its
/// scopes, optional permissions and custom claims. Immutable; the <c>With…</c> methods return changed copies.
/// </summary>
internal sealed class AccessTokenRequest
{
    private readonly ImmutableArray<string> _scopes;
    private readonly ImmutableArray<string>? _permissions;
    private readonly ImmutableSortedDictionary<string, JsonElement> _customClaims;

    private AccessTokenRequest(
        string subject,
        string clientId,
        bool isForUser,
        ImmutableArray<string> scopes,
        ImmutableArray<string>? permissions,
        ImmutableSortedDictionary<string, JsonElement> customClaims,
        bool throughBrowserFlow)
    {
        Subject = subject;
        ClientId = clientId;
        IsForUser = isForUser;
        _scopes = scopes;
        ScopeClaim = scopes.IsEmpty ? null : string.Join(' ', scopes);
        _permissions = permissions;
        _customClaims = customClaims;
        IsThroughBrowserFlow = throughBrowserFlow;
    }

    /// <summary>The token's <c>sub</c>: <c>{client_id}@clients</c> for an application, the user id for a user.</summary>
    public string Subject { get; }

    /// <summary>The application the token is issued to (<c>azp</c>, or <c>client_id</c> in RFC 9068 tokens).</summary>
    public string ClientId { get; }

    /// <summary>Whether the token is for a user rather than for an application itself.</summary>
    public bool IsForUser { get; }

    /// <summary>The granted scopes, in order, without duplicates. Empty when none (the token then has no <c>scope</c>).</summary>
    public IReadOnlyList<string> Scopes => _scopes;

    /// <summary>
    /// The <c>permissions</c> of <c>*_authz</c> dialects, or <see langword="null"/> when not set: an application's
    /// permissions are then its scopes, a user's are empty (Auth0 takes them from the user's roles).
    /// </summary>
    public IReadOnlyList<string>? Permissions => _permissions;

    /// <summary>Extra claims, written after the standard ones in ordinal order of their names.</summary>
    public IReadOnlyDictionary<string, JsonElement> CustomClaims => _customClaims;

    /// <summary>Whether the token is issued through a browser flow, so that the API's web token lifetime applies.</summary>
    public bool IsThroughBrowserFlow { get; }

    /// <summary>The space-separated <c>scope</c> claim, or <see langword="null"/> when no scope is granted.</summary>
    internal string? ScopeClaim { get; }

    /// <summary>A client-credentials token for an application: <c>sub</c> <c>{client_id}@clients</c>, <c>gty</c> <c>client-credentials</c>.</summary>
    /// <param name="clientId">The application's client id.</param>
    /// <param name="scopes">The scopes granted to the application for the API (all of them: Auth0 does not narrow them to a requested subset).</param>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> is empty or a scope is empty or holds white space.</exception>
    public static AccessTokenRequest ForApplication(string clientId, IEnumerable<string>? scopes = null)
    {
        CheckIdentifier(clientId, nameof(clientId));
        return new(clientId + AccessTokenFields.ApplicationSubjectSuffix, clientId, isForUser: false, ReadScopes(scopes, nameof(scopes)),
            permissions: null, ImmutableSortedDictionary.Create<string, JsonElement>(StringComparer.Ordinal), throughBrowserFlow: false);
    }

    /// <summary>
    /// A token for a user signed in through an application: <c>sub</c> the user id, <c>azp</c> the client id, no
    /// <c>gty</c>; when <c>openid</c> is granted and the API signs with RS256, <c>aud</c> also names the tenant's <c>/userinfo</c>.
    /// </summary>
    /// <param name="clientId">The application the user signed in through.</param>
    /// <param name="userId">The user id, such as <c>auth0|64f1…</c>.</param>
    /// <param name="scopes">The granted scopes, OpenID Connect scopes included.</param>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> or <paramref name="userId"/> is empty, or a scope is empty or holds white space.</exception>
    public static AccessTokenRequest ForUser(string clientId, string userId, IEnumerable<string>? scopes = null)
    {
        CheckIdentifier(clientId, nameof(clientId));
        CheckIdentifier(userId, nameof(userId));
        return new(userId, clientId, isForUser: true, ReadScopes(scopes, nameof(scopes)),
            permissions: null, ImmutableSortedDictionary.Create<string, JsonElement>(StringComparer.Ordinal), throughBrowserFlow: false);
    }

    /// <summary>Sets the <c>permissions</c> claim of <c>*_authz</c> dialects (other dialects ignore it).</summary>
    /// <exception cref="ArgumentException">A permission is empty or holds white space.</exception>
    public AccessTokenRequest WithPermissions(IEnumerable<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return new(Subject, ClientId, IsForUser, _scopes, ReadScopes(permissions, nameof(permissions)), _customClaims, IsThroughBrowserFlow);
    }

    /// <summary>Adds (or replaces) a custom string claim, as an Auth0 Action would.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or one of the claims the SDK writes itself.</exception>
    public AccessTokenRequest WithClaim(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStringValue(value);
        }

        using var document = JsonDocument.Parse(json.WrittenMemory);
        return WithClaim(name, document.RootElement);
    }

    /// <summary>Adds (or replaces) a custom claim with any JSON value (an object, an array, a number…), as an Auth0 Action would.</summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="name"/> is empty or one of the claims the SDK writes itself, or <paramref name="value"/> holds no value.
    /// </exception>
    public AccessTokenRequest WithClaim(string name, JsonElement value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (AccessTokenFields.Reserved.Contains(name))
        {
            throw new ArgumentException($"'{name}' is written by the SDK itself and cannot be a custom claim.", nameof(name));
        }

        if (value.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("The claim value holds no JSON value.", nameof(value));
        }

        return new(Subject, ClientId, IsForUser, _scopes, _permissions, _customClaims.SetItem(name, value.Clone()), IsThroughBrowserFlow);
    }

    /// <summary>Marks the token as issued through a browser flow (implicit, single-page application), so that the API's web token lifetime applies.</summary>
    public AccessTokenRequest ThroughBrowserFlow() =>
        new(Subject, ClientId, IsForUser, _scopes, _permissions, _customClaims, throughBrowserFlow: true);

    /// <summary>Whether <paramref name="scope"/> is granted.</summary>
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>Describes the request: subject, client and scopes.</summary>
    public override string ToString() =>
        $"Access token for {(IsForUser ? "user " + Subject + " through " : "application ")}{ClientId}, scopes [{string.Join(' ', Scopes)}]";

    private static void CheckIdentifier(string value, string paramName) => ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);

    private static ImmutableArray<string> ReadScopes(IEnumerable<string>? values, string paramName)
    {
        if (values is null)
        {
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var value in values)
        {
            if (string.IsNullOrEmpty(value) || value.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException("Scopes and permissions must be non-empty and hold no white space (the scope claim is space-separated).", paramName);
            }

            if (seen.Add(value))
            {
                result.Add(value);
            }
        }

        return result.ToImmutable();
    }
}
