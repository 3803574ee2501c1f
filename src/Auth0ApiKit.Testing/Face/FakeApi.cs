using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Testing;

/// <summary>An API as a fake tenant holds it: its generated id and the definition it reads back as.</summary>
/// <param name="Id">The read-only id the Management API uses (24 hex characters).</param>
/// <param name="IsSystem">Whether this is the system API (the Auth0 Management API).</param>
/// <param name="Definition">The API's settings as the tenant reports them, defaults included.</param>
public sealed record FakeApi(string Id, bool IsSystem, ApiDefinition Definition)
{
    /// <summary>The API's identifier (the audience of its tokens).</summary>
    public string Identifier => Definition.Identifier;
}
