using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Auth0ApiKit.Testing.Actions;

/// <summary>
/// The custom claims an Action sets on one token (<c>api.accessToken</c> or <c>api.idToken</c>). A name set again
/// replaces its value. Auth0's rules on claim names and the payload size apply when the token is issued
/// (<see cref="FakeTenantActions"/>), not here: a restricted name is accepted and then left out, as Auth0 does.
/// </summary>
public class ActionTokenClaims
{
    private readonly Dictionary<string, JsonElement> _claims = new(StringComparer.Ordinal);

    internal ActionTokenClaims()
    {
    }

    /// <summary>The claims set so far, by name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Claims => _claims;

    /// <summary>Sets a string claim (<c>setCustomClaim(name, value)</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public ActionTokenClaims SetCustomClaim(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Set(name, w => w.WriteStringValue(value));
    }

    /// <summary>Sets a boolean claim.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public ActionTokenClaims SetCustomClaim(string name, bool value) => Set(name, w => w.WriteBooleanValue(value));

    /// <summary>Sets an integer claim.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public ActionTokenClaims SetCustomClaim(string name, long value) => Set(name, w => w.WriteNumberValue(value));

    /// <summary>Sets a number claim.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="value"/> is not finite (JSON has no such number).</exception>
    public ActionTokenClaims SetCustomClaim(string name, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("A claim's number must be finite: JSON has no NaN or infinity.", nameof(value));
        }

        return Set(name, w => w.WriteNumberValue(value));
    }

    /// <summary>Sets an array-of-strings claim, such as a list of role names.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or an item is <see langword="null"/>.</exception>
    public ActionTokenClaims SetCustomClaim(string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = values.ToList();
        if (items.Contains(null!))
        {
            throw new ArgumentException("A claim's array holds no null strings.", nameof(values));
        }

        return Set(name, w =>
        {
            w.WriteStartArray();
            foreach (var item in items)
            {
                w.WriteStringValue(item);
            }

            w.WriteEndArray();
        });
    }

    /// <summary>Sets a claim to any JSON value: an object, an array, a number, a string, <c>true</c>/<c>false</c> or <c>null</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="value"/> holds no value.</exception>
    public ActionTokenClaims SetCustomClaim(string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("The claim value holds no JSON value.", nameof(value));
        }

        return Set(name, value.WriteTo);
    }

    /// <summary>
    /// Sets a claim to a JSON node built in code, such as <c>new JsonObject { ["plan"] = "gold" }</c>;
    /// <see langword="null"/> sets the JSON <c>null</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public ActionTokenClaims SetCustomClaim(string name, JsonNode? value) => Set(name, w =>
    {
        if (value is null)
        {
            w.WriteNullValue();
        }
        else
        {
            value.WriteTo(w);
        }
    });

    /// <summary>The claim names set so far.</summary>
    public override string ToString() => $"Custom claims [{string.Join(", ", _claims.Keys)}]";

    private ActionTokenClaims Set(string name, Action<Utf8JsonWriter> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        _claims[name] = JsonElement.Parse(buffer.WrittenSpan);
        return this;
    }
}

/// <summary>A post-login Action's <c>api.accessToken</c>: custom claims, and scopes added or removed.</summary>
public sealed class PostLoginAccessToken : ActionTokenClaims
{
    private readonly List<(string Scope, bool Add)> _scopeChanges = [];

    internal PostLoginAccessToken()
    {
    }

    /// <summary>The scope changes, in the order they were asked for.</summary>
    internal IReadOnlyList<(string Scope, bool Add)> ScopeChanges => _scopeChanges;

    /// <summary>Adds a scope to the access token (<c>api.accessToken.addScope(scope)</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="scope"/> is empty or holds white space.</exception>
    public PostLoginAccessToken AddScope(string scope) => Change(scope, add: true);

    /// <summary>Removes a scope from the access token (<c>api.accessToken.removeScope(scope)</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="scope"/> is empty or holds white space.</exception>
    public PostLoginAccessToken RemoveScope(string scope) => Change(scope, add: false);

    private PostLoginAccessToken Change(string scope, bool add)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        if (scope.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("A scope holds no white space (the scope claim is space-separated).", nameof(scope));
        }

        _scopeChanges.Add((scope, add));
        return this;
    }
}

/// <summary>
/// The OAuth error codes a credentials-exchange Action may deny a token with (<c>api.access.deny(code, reason)</c>);
/// Auth0 answers <c>/oauth/token</c> with that error.
/// </summary>
public enum CredentialsExchangeDenial
{
    /// <summary><c>invalid_request</c>: the token endpoint answers 400.</summary>
    InvalidRequest,

    /// <summary><c>invalid_scope</c>: the token endpoint answers 400.</summary>
    InvalidScope,

    /// <summary><c>server_error</c>: the token endpoint answers 500.</summary>
    ServerError,
}

/// <summary>The <c>api</c> object of a credentials-exchange Action.</summary>
public sealed class CredentialsExchangeApi
{
    internal CredentialsExchangeApi()
    {
    }

    /// <summary>The access token being issued (<c>api.accessToken</c>).</summary>
    public ActionTokenClaims AccessToken { get; } = new();

    /// <summary>The denial, when an Action asked for one.</summary>
    internal (CredentialsExchangeDenial Code, string Reason)? Denial { get; private set; }

    /// <summary>
    /// Denies the token (<c>api.access.deny(code, reason)</c>): the token request fails with the OAuth error
    /// <paramref name="code"/> and <paramref name="reason"/> as its description; later Actions do not run.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty, or <paramref name="code"/> is not a defined value.</exception>
    public void Deny(CredentialsExchangeDenial code, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        if (!Enum.IsDefined(code))
        {
            throw new ArgumentException($"'{code}' is not an error code a credentials-exchange Action may deny with.", nameof(code));
        }

        Denial = (code, reason);
    }

    /// <summary>Whether the Action denied the token.</summary>
    public override string ToString() => Denial is null ? "Credentials exchange API" : "Credentials exchange API (denied)";
}

/// <summary>The <c>api</c> object of a post-login Action.</summary>
public sealed class PostLoginApi
{
    internal PostLoginApi()
    {
    }

    /// <summary>The access token being issued (<c>api.accessToken</c>).</summary>
    public PostLoginAccessToken AccessToken { get; } = new();

    /// <summary>The ID token (<c>api.idToken</c>): kept for the login flows, which issue ID tokens; access tokens ignore it.</summary>
    public ActionTokenClaims IdToken { get; } = new();

    /// <summary>The reason of the denial, when an Action asked for one.</summary>
    internal string? DenialReason { get; private set; }

    /// <summary>
    /// Denies the login (<c>api.access.deny(reason)</c>): the token request fails with <c>access_denied</c> and
    /// <paramref name="reason"/> as its description; later Actions do not run.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public void Deny(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        DenialReason = reason;
    }

    /// <summary>Whether the Action denied the login.</summary>
    public override string ToString() => DenialReason is null ? "Post-login API" : "Post-login API (denied)";
}
