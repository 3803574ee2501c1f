namespace Auth0ApiKit.Wire;

/// <summary>The JSON names of an application's (a client's) fields.</summary>
internal static class ClientFields
{
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
    public const string TokenEndpointAuthMethod = "token_endpoint_auth_method";
    public const string Name = "name";
    public const string AppType = "app_type";
    public const string GrantTypes = "grant_types";
    public const string Callbacks = "callbacks";
    public const string IsFirstParty = "is_first_party";
}
