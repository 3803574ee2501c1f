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

    /// <summary>The <c>token_endpoint_auth_method</c> of a public client, which holds no secret.</summary>
    public const string AuthMethodNone = "none";

    /// <summary>The <c>token_endpoint_auth_method</c> that sends the secret in the request body.</summary>
    public const string AuthMethodSecretPost = "client_secret_post";

    /// <summary>The <c>token_endpoint_auth_method</c> that sends the id and secret as HTTP Basic credentials.</summary>
    public const string AuthMethodSecretBasic = "client_secret_basic";

    // Fields the SDK does not model but the fake tenant accepts (they round-trip as additional properties).
    public const string Description = "description";
    public const string AllowedLogoutUrls = "allowed_logout_urls";
    public const string WebOrigins = "web_origins";
    public const string AllowedOrigins = "allowed_origins";
    public const string ClientMetadata = "client_metadata";
    public const string LogoUri = "logo_uri";

    /// <summary><c>true</c> on the tenant's global client ("All Applications") only: it is no application anyone defines.</summary>
    public const string Global = "global";
    public const string ClientAuthenticationMethods = "client_authentication_methods";
    public const string EncryptionKey = "encryption_key";
    public const string SigningKeys = "signing_keys";

    /// <summary>The tenant's name, which Auth0 adds to every client it returns.</summary>
    public const string Tenant = "tenant";

    /// <summary>The <c>app_type</c> of a client that represents an API; Auth0 gives it no grant types and RS256 tokens.</summary>
    public const string ResourceServerAppType = "resource_server";

    /// <summary>The <c>app_type</c> of an Okta Express configuration client; Auth0 gives it no secret.</summary>
    public const string ExpressConfigurationAppType = "express_configuration";
}
