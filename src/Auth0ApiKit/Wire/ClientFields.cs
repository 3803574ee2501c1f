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

    // Fields the SDK does not model but the fake tenant accepts (they round-trip as additional properties).
    public const string Description = "description";
    public const string AllowedLogoutUrls = "allowed_logout_urls";
    public const string WebOrigins = "web_origins";
    public const string AllowedOrigins = "allowed_origins";
    public const string ClientMetadata = "client_metadata";
    public const string LogoUri = "logo_uri";
}
