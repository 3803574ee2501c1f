using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Management;

/// <summary>An API as a tenant holds it: its generated id, whether it is the system API, and its settings as read back.</summary>
/// <param name="Id">The read-only id the Management API uses (24 hex characters).</param>
/// <param name="IsSystem">Whether this is a system API (the Auth0 Management API): it cannot be deleted and barely changed.</param>
/// <param name="Definition">The API's settings as the tenant reports them, defaults included; values the SDK does not model are kept.</param>
public sealed record TenantApi(string Id, bool IsSystem, ApiDefinition Definition)
{
    /// <summary>The API's identifier (the audience of its tokens).</summary>
    public string Identifier => Definition.Identifier;
}
