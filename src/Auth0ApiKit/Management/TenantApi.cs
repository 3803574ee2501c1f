using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Management;

/// <summary>
/// An API as a tenant holds it: its generated id, whether it is the system API, and its settings as read back.
/// Read-only, compared by reference; tests build one with <see cref="Auth0ModelFactory.TenantApi"/>.
/// </summary>
public sealed class TenantApi
{
    internal TenantApi(string id, bool isSystem, ApiDefinition definition)
    {
        Id = id;
        IsSystem = isSystem;
        Definition = definition;
    }

    /// <summary>The read-only id the Management API uses (24 hex characters).</summary>
    public string Id { get; }

    /// <summary>Whether this is a system API (the Auth0 Management API): it cannot be deleted and barely changed.</summary>
    public bool IsSystem { get; }

    /// <summary>The API's settings as the tenant reports them, defaults included; values the SDK does not model are kept.</summary>
    public ApiDefinition Definition { get; }

    /// <summary>The API's identifier (the audience of its tokens).</summary>
    public string Identifier => Definition.Identifier;

    /// <summary>The identifier and the id, such as <c>API https://orders.example.com (id 5f0c...)</c>. Never a signing secret.</summary>
    public override string ToString() => $"API {Identifier} (id {Id}{(IsSystem ? ", system" : string.Empty)})";
}
