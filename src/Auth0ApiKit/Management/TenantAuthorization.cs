namespace Auth0ApiKit.Management;

/// <summary>
/// An application's authorization for an API (a client grant) as a tenant holds it. Read-only, compared by reference;
/// tests build one with <see cref="Auth0ModelFactory.TenantAuthorization"/>.
/// </summary>
public sealed class TenantAuthorization
{
    internal TenantAuthorization(string id, string clientId, string apiIdentifier, IReadOnlyList<string> scopes)
    {
        Id = id;
        ClientId = clientId;
        ApiIdentifier = apiIdentifier;
        Scopes = scopes;
    }

    /// <summary>The grant's id (<c>cgr_</c> and 16 letters and digits).</summary>
    public string Id { get; }

    /// <summary>The authorized application.</summary>
    public string ClientId { get; }

    /// <summary>The API's identifier (the audience).</summary>
    public string ApiIdentifier { get; }

    /// <summary>The granted scopes.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The authorization on one line, such as <c>client id abc -> https://orders.example.com [read:orders]</c>.</summary>
    public override string ToString() => $"client id {ClientId} -> {ApiIdentifier} [{string.Join(' ', Scopes)}]";
}
