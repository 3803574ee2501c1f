using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Store;

/// <summary>
/// The credentials (public keys, certificates) of every application, in creation order per application. A row keeps
/// the PEM it was created from; answers leave it out. Not thread-safe by itself: <see cref="TenantStore"/> guards it.
/// </summary>
internal sealed class ClientCredentialStore
{
    private readonly Dictionary<string, OrderedTable<ClientCredentialDto>> _byClient = new(StringComparer.Ordinal);

    /// <summary>The credentials of one application, oldest first (none for an unknown one).</summary>
    public IReadOnlyList<ClientCredentialDto> Of(string clientId) =>
        _byClient.TryGetValue(clientId, out var table) ? table.Rows : [];

    public bool TryGet(string clientId, string credentialId, out ClientCredentialDto row)
    {
        row = null!;
        return _byClient.TryGetValue(clientId, out var table) && table.TryGet(credentialId, out row);
    }

    public void Add(string clientId, ClientCredentialDto row)
    {
        if (!_byClient.TryGetValue(clientId, out var table))
        {
            _byClient.Add(clientId, table = new OrderedTable<ClientCredentialDto>(c => c.Id!));
        }

        table.Add(row);
    }

    public void Replace(string clientId, ClientCredentialDto row) => _byClient[clientId].Replace(row);

    /// <summary>Removes one credential; whether there was one.</summary>
    public bool Remove(string clientId, string credentialId) =>
        _byClient.TryGetValue(clientId, out var table) && table.Remove(credentialId);

    /// <summary>Removes every credential of an application.</summary>
    public void RemoveClient(string clientId) => _byClient.Remove(clientId);
}
