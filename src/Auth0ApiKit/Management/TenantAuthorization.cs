namespace Auth0ApiKit.Management;

/// <summary>An application's authorization for an API (a client grant) as a tenant holds it.</summary>
/// <param name="Id">The grant's id (<c>cgr_</c> and 16 letters and digits).</param>
/// <param name="ClientId">The authorized application.</param>
/// <param name="ApiIdentifier">The API's identifier (the audience).</param>
/// <param name="Scopes">The granted scopes.</param>
public sealed record TenantAuthorization(string Id, string ClientId, string ApiIdentifier, IReadOnlyList<string> Scopes);
