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
}
