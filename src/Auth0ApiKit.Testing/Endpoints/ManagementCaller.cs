namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>Who called the Management API, as its bearer token says: the application and its scopes.</summary>
internal sealed class ManagementCaller
{
    private readonly HashSet<string> _scopes;

    public ManagementCaller(string? clientId, IEnumerable<string> scopes)
    {
        ClientId = clientId;
        _scopes = new HashSet<string>(scopes, StringComparer.Ordinal);
    }

    public string? ClientId { get; }

    public bool Has(string scope) => _scopes.Contains(scope);

    /// <summary>Whether the token holds at least one of <paramref name="scopes"/>, as Auth0 checks an endpoint's scopes.</summary>
    public bool HasAny(IEnumerable<string> scopes) => scopes.Any(_scopes.Contains);
}
