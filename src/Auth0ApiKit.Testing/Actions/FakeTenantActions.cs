using System.Collections.Immutable;
using Auth0ApiKit.Testing.Actions;

namespace Auth0ApiKit.Testing;

/// <summary>
/// The tenant's Actions, as C# delegates: a credentials-exchange Action runs whenever a client-credentials token is
/// issued, a post-login Action whenever a user's access token is. Actions of one trigger run in the order they were
/// added. Custom claims follow Auth0's rules: a restricted name (<c>sub</c>, <c>roles</c>, <c>permissions</c>…) and a
/// name without a namespace on a token for the Management API are left out, and more than 100 KB of custom claims
/// fail the token request. Thread-safe: Actions may be added and removed while tokens are issued.
/// </summary>
/// <example>
/// <code>
/// tenant.Actions.OnCredentialsExchange((e, api) =&gt; api.AccessToken.SetCustomClaim("https://acme.example/tenant", "acme"));
/// tenant.Actions.OnPostLogin((e, api) =&gt; api.AccessToken.SetCustomClaim("https://acme.example/roles", e.Authorization.Roles));
/// </code>
/// </example>
public sealed class FakeTenantActions
{
    private ImmutableArray<Action<CredentialsExchangeEvent, CredentialsExchangeApi>> _credentialsExchange = [];
    private ImmutableArray<Action<PostLoginEvent, PostLoginApi>> _postLogin = [];

    internal FakeTenantActions()
    {
    }

    /// <summary>The credentials-exchange Actions, in order.</summary>
    internal ImmutableArray<Action<CredentialsExchangeEvent, CredentialsExchangeApi>> CredentialsExchange => _credentialsExchange;

    /// <summary>The post-login Actions, in order.</summary>
    internal ImmutableArray<Action<PostLoginEvent, PostLoginApi>> PostLogin => _postLogin;

    /// <summary>
    /// Adds a credentials-exchange Action (<c>exports.onExecuteCredentialsExchange</c>); disposing the answer removes it.
    /// </summary>
    public IDisposable OnCredentialsExchange(Action<CredentialsExchangeEvent, CredentialsExchangeApi> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ImmutableInterlocked.Update(ref _credentialsExchange, (list, a) => list.Add(a), action);
        return new Registration(() => ImmutableInterlocked.Update(ref _credentialsExchange, (list, a) => list.Remove(a), action));
    }

    /// <summary>Adds a post-login Action (<c>exports.onExecutePostLogin</c>); disposing the answer removes it.</summary>
    public IDisposable OnPostLogin(Action<PostLoginEvent, PostLoginApi> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ImmutableInterlocked.Update(ref _postLogin, (list, a) => list.Add(a), action);
        return new Registration(() => ImmutableInterlocked.Update(ref _postLogin, (list, a) => list.Remove(a), action));
    }

    /// <summary>How many Actions each trigger has.</summary>
    public override string ToString() => $"Actions: {_credentialsExchange.Length} credentials-exchange, {_postLogin.Length} post-login";

    /// <summary>Removes one Action once, however often it is disposed.</summary>
    private sealed class Registration(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
    }
}
