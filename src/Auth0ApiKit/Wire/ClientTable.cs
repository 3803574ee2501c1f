using System.Buffers;
using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.ClientFields;

namespace Auth0ApiKit.Wire;

/// <summary>
/// Every property of a client (an application) that Auth0's Management API accepts or returns, with Auth0's rule,
/// PATCH behaviour and the default a real tenant returns (AUTH0-SCHEMAS.md section 3). The fake tenant's checks,
/// create defaults and merge come from here; a property the SDK does not model is one row and nothing else.
/// </summary>
/// <remarks>
/// Defaults are parsed once, here; the ones that depend on the body (grant types by <c>token_endpoint_auth_method</c>,
/// the refresh-token policy, third-party settings) pick one of those parsed values. Per-tenant values (<c>client_id</c>,
/// <c>client_secret</c>, <c>tenant</c>) are the store's to set.
/// </remarks>
internal static class ClientTable
{
    private const string ThirdPartySecurityMode = "third_party_security_mode";

    private static readonly JsonElement True = JsonElement.Parse("true");
    private static readonly JsonElement False = JsonElement.Parse("false");
    private static readonly JsonElement Permissive = JsonElement.Parse("\"permissive\"");

    private static readonly JsonElement AllGrantTypes = JsonElement.Parse("""["authorization_code","implicit","refresh_token","client_credentials"]""");
    private static readonly JsonElement PublicGrantTypes = JsonElement.Parse("""["authorization_code","implicit","refresh_token"]""");
    private static readonly JsonElement NoGrantTypes = JsonElement.Parse("[]");
    private static readonly JsonElement ExpressGrantTypes = JsonElement.Parse("""["authorization_code","client_credentials"]""");
    private static readonly JsonElement StrictThirdPartyGrantTypes = JsonElement.Parse("""["authorization_code"]""");
    private static readonly JsonElement ExpressCallbacks = JsonElement.Parse("""["https://system-admin.okta.com/admin/app/generic/oauth20redirect"]""");

    private static readonly JsonElement DefaultJwt = JsonElement.Parse("""{"secret_encoded":false,"lifetime_in_seconds":36000}""");
    private static readonly JsonElement Rs256Jwt = JsonElement.Parse("""{"secret_encoded":false,"alg":"RS256"}""");
    private static readonly JsonElement ThirdPartyJwt = JsonElement.Parse("""{"secret_encoded":false,"alg":"RS256","lifetime_in_seconds":3600}""");

    /// <summary>The refresh-token policies, by third party (1), third-party SPA (2) and <c>client_secret_post</c> at create (4).</summary>
    private static readonly JsonElement[] RefreshTokens = [.. Enumerable.Range(0, 8).Select(RefreshToken)];

    private static readonly WireShape JwtConfigurationShape = new(
        WireField.Integer("lifetime_in_seconds"),
        WireField.Boolean("secret_encoded").DefaultsTo(False),
        WireField.AnyObject("scopes"),
        WireField.String("alg").OneOf("HS256", "RS256", "RS512", "PS256")) { Open = true };

    private static readonly WireShape RefreshTokenShape = new(
        WireField.String("rotation_type").OneOf("rotating", "non-rotating").IsRequired(),
        WireField.String("expiration_type").OneOf("expiring", "non-expiring").IsRequired(),
        WireField.Integer("leeway").Range(0),
        WireField.Integer("token_lifetime").Range(1, 157_788_000),
        WireField.Boolean("infinite_token_lifetime"),
        WireField.Integer("idle_token_lifetime").Range(1),
        WireField.Boolean("infinite_idle_token_lifetime"),
        WireField.ObjectArray("policies", new WireShape(
            WireField.String("audience").Length(1, 600).IsRequired(),
            WireField.Array("scope", WireField.String("items").Length(1, 280)).IsRequired())).MinCount(1).IsNullable());

    private static readonly WireShape MobileShape = new(
        WireField.Object("android", new WireShape(
            WireField.String("app_package_name"),
            WireField.Array("sha256_cert_fingerprints", WireField.String("items").Length(1)).MinCount(1)) { Open = true }),
        WireField.Object("ios", new WireShape(
            WireField.String("app_bundle_identifier"),
            WireField.String("team_id")) { Open = true })) { Open = true };

    private static readonly WireShape NativeSocialLoginShape = new(
        Enabled("apple"), Enabled("facebook"), Enabled("google")) { MinProperties = 1 };

    private static readonly string[] AddonNames =
    [
        "aws", "azure_blob", "azure_sb", "box", "cloudbees", "concur", "dropbox", "echosign", "egnyte", "firebase", "layer",
        "mscrm", "newrelic", "office365", "rms", "salesforce", "salesforce_api", "salesforce_sandbox_api", "samlp", "sap_api",
        "sentry", "sharepoint", "slack", "springcm", "sso_integration", "wams", "wsfed", "zendesk", "zoom",
    ];

    /// <summary>The closed map of add-ons; each add-on's own settings are kept as sent.</summary>
    private static readonly WireShape AddonsShape = new(
        [.. AddonNames.Select(WireField.AnyObject), WireField.AnyObject("oag").IsNullable()]);

    private static readonly WireShape LogoutShape = new(
        WireField.Array("backchannel_logout_urls", WireField.String("items").Formatted("absolute-https-uri-with-placeholders-or-empty", IsHttpsUrlOrEmpty)),
        WireField.Object("backchannel_logout_initiators", new WireShape(
            WireField.String("mode").OneOf("custom", "all"),
            WireField.Array("selected_initiators", WireField.String("items").OneOf(
                "rp-logout", "idp-logout", "password-changed", "session-expired", "session-revoked", "account-deleted",
                "email-identifier-changed", "mfa-phone-unenrolled", "account-deactivated"))) { Open = true }),
        WireField.Object("backchannel_logout_session_metadata", new WireShape(WireField.Boolean("include")) { Open = true }).IsNullable())
    { Open = true };

    private static readonly WireShape SessionTransferShape = new(
        WireField.Boolean("can_create_session_transfer_token"),
        WireField.Array("allowed_authentication_methods", WireField.String("items").OneOf("cookie", "query")).IsNullable(),
        WireField.String("enforce_device_binding").OneOf("ip", "asn", "none"),
        WireField.Boolean("allow_refresh_token"),
        WireField.Boolean("enforce_cascade_revocation"),
        WireField.Boolean("enforce_online_refresh_tokens"),
        WireField.Object("delegation", new WireShape(
            WireField.Boolean("allow_delegated_access"),
            WireField.String("enforce_device_binding").OneOf("ip", "asn"))).IsNullable());

    private static readonly WireShape TokenQuotaShape = new(
        WireField.Object("client_credentials", new WireShape(
            WireField.Boolean("enforce"),
            WireField.Integer("per_day").Range(1, int.MaxValue),
            WireField.Integer("per_hour").Range(1, int.MaxValue)) { MinProperties = 1 }).IsRequired());

    private static readonly WireShape ExpressConfigurationShape = new(
        WireField.String("initiate_login_uri_template").IsRequired(),
        WireField.String("user_attribute_profile_id").IsRequired(),
        WireField.String("connection_profile_id").IsRequired(),
        WireField.Boolean("enable_client").IsRequired(),
        WireField.Boolean("enable_organization").IsRequired(),
        WireField.ObjectArray("linked_clients", new WireShape(WireField.String("client_id").IsRequired())),
        WireField.String("okta_oin_client_id").IsRequired(),
        WireField.String("admin_login_domain").Length(1).IsRequired(),
        WireField.String("oin_submission_id").Length(1, 200));

    private static readonly WireShape MyOrganizationConfigurationShape = new(
        WireField.Array("allowed_strategies", WireField.String("items").OneOf("pingfederate", "adfs", "waad", "google-apps", "okta", "oidc", "samlp")).IsRequired(),
        WireField.String("connection_deletion_behavior").OneOf("allow", "allow_if_empty").IsRequired(),
        WireField.String("connection_profile_id"),
        WireField.String("user_attribute_profile_id"));

    private static readonly WireShape CredentialReferenceShape = new(WireField.String("id").IsRequired());

    private static readonly WireShape ClientAuthenticationMethodsShape = new(
        Credentials("private_key_jwt", ClientCredentialTable.PublicKeyShape),
        Credentials("tls_client_auth", new WireShape(
            WireField.String("credential_type").OneOf("cert_subject_dn").IsRequired(),
            WireField.String("name").Length(0, 128),
            WireField.String("pem").Length(1, 4096),
            WireField.String("subject_dn").Length(1, 256))),
        Credentials("self_signed_tls_client_auth", new WireShape(
            WireField.String("credential_type").OneOf("x509_cert").IsRequired(),
            WireField.String("name").Length(0, 128),
            WireField.String("pem").Length(1, 4096).IsRequired())))
    { MinProperties = 1, MaxProperties = 1 };

    private static readonly WireShape ClientAuthenticationMethodReferencesShape = new(
        Credentials("private_key_jwt", CredentialReferenceShape),
        Credentials("tls_client_auth", CredentialReferenceShape),
        Credentials("self_signed_tls_client_auth", CredentialReferenceShape))
    { MinProperties = 1, MaxProperties = 1 };

    /// <summary>The <c>app_type</c> values Auth0's Management API accepts (its OpenAPI document, 2026-05), in its order.</summary>
    public static IReadOnlyList<string> AppTypes { get; } =
    [
        "native", "spa", "regular_web", "non_interactive", F.ResourceServerAppType, F.ExpressConfigurationAppType, "rms", "box",
        "cloudbees", "concur", "dropbox", "mscrm", "echosign", "egnyte", "newrelic", "office365", "salesforce", "sentry",
        "sharepoint", "slack", "springcm", "zendesk", "zoom", "sso_integration", "oag",
    ];

    /// <summary>The client's properties, in the order Auth0 returns them.</summary>
    public static WireShape Shape { get; } = new(
        WireField.String(F.Name).Matching(ApiServerRules.NamePattern, IsName).IsRequired(),
        WireField.String(F.Description).Length(0, 140),
        WireField.String(F.ClientId).ReadOnly(),
        WireField.String(F.ClientSecret).Length(1).UpdateOnly().IsSecret(),
        WireField.String(F.AppType).OneOf(AppTypes),
        WireField.String(F.LogoUri).Formatted("absolute-uri-or-empty", IsUrlOrEmpty),
        WireField.Boolean(F.IsFirstParty).DefaultsTo(True),
        WireField.Boolean("is_token_endpoint_ip_header_trusted").DefaultsTo(False),
        WireField.Boolean("oidc_conformant").DefaultsTo(OidcConformantFor),
        Urls(F.Callbacks, "callback-url").DefaultsTo(CallbacksFor),
        Urls(F.AllowedOrigins, "url-with-placeholders"),
        Urls(F.WebOrigins, "url-with-placeholders"),
        WireField.Array("client_aliases", WireField.String("items").Length(1)),
        WireField.Array("allowed_clients", WireField.String("items").Length(1)),
        Urls(F.AllowedLogoutUrls, "url-with-placeholders"),
        WireField.Object("jwt_configuration", JwtConfigurationShape).DeepMerged().DefaultsTo(JwtConfigurationFor),
        WireField.ObjectArray(F.SigningKeys, new WireShape { Open = true }).ReadOnly().IsSecret().DefaultsTo(SigningKeysDefault()),
        WireField.Boolean("sso"),
        WireField.Boolean("sso_disabled").DefaultsTo(False),
        WireField.Boolean("cross_origin_authentication").DefaultsTo(False),
        WireField.Array(F.GrantTypes, WireField.String("items").Length(1)).Unique().DefaultsTo(GrantTypesFor),
        WireField.String("cross_origin_loc").Formatted("url", IsUrl).OnUpdate(f => f.IsNullable()),
        WireField.Boolean("custom_login_page_on").DefaultsTo(True),
        WireField.String("custom_login_page").Length(1).OnUpdate(f => f with { MinLength = null }),
        WireField.String("custom_login_page_preview").Length(1).OnUpdate(f => f with { MinLength = null }),
        WireField.String("form_template").Length(1).OnUpdate(f => f with { MinLength = null }),
        WireField.String(F.TokenEndpointAuthMethod).OneOf(F.AuthMethodNone, F.AuthMethodSecretPost, F.AuthMethodSecretBasic).OnUpdate(f => f.IsNullable()),
        WireField.AnyObject(F.ClientMetadata).MaxCount(10).DeepMerged(),
        WireField.String("initiate_login_uri").Formatted("absolute-https-uri-with-placeholders-or-empty", IsHttpsUrlOrEmpty)
            .Described("Initiate login uri, must be https").EmptyRemoves(),
        WireField.Object("refresh_token", RefreshTokenShape).IsNullable().DefaultsTo(RefreshTokenFor),
        WireField.Object("mobile", MobileShape).DeepMerged(),
        WireField.Object("native_social_login", NativeSocialLoginShape).DeepMerged(),
        WireField.Object("addons", AddonsShape).OnUpdate(f => f.IsNullable()),
        WireField.Object(F.EncryptionKey, new WireShape(WireField.String("pub"), WireField.String("cert"), WireField.String("subject")) { Open = true })
            .IsNullable().IsSecret(),
        WireField.Object("default_organization", new WireShape(
            WireField.String("organization_id").IsRequired(),
            WireField.Array("flows", WireField.String("items").OneOf("client_credentials")).IsRequired())).IsNullable(),
        WireField.String("organization_usage").OneOf("deny", "allow", "require").OnUpdate(f => f.IsNullable()),
        WireField.String("organization_require_behavior").OneOf("no_prompt", "pre_login_prompt", "post_login_prompt").OnUpdate(f => f.IsNullable()),
        WireField.Array("organization_discovery_methods", WireField.String("items").OneOf("email", "organization_name")).MinCount(1).OnUpdate(f => f.IsNullable()),
        WireField.Object("oidc_logout", LogoutShape).OnUpdate(f => f.IsNullable()),
        WireField.Object("oidc_backchannel_logout", LogoutShape).OnUpdate(f => f.IsNullable()),
        WireField.Object("session_transfer", SessionTransferShape).IsNullable().DeepMerged(),
        WireField.Object("token_exchange", new WireShape(
            WireField.Array("allow_any_profile_of_type", WireField.String("items").Length(1).OneOf("custom_authentication", "on_behalf_of_token_exchange"))))
            .OnUpdate(f => f.IsNullable()),
        WireField.Object("token_quota", TokenQuotaShape).OnUpdate(f => f.IsNullable()),
        WireField.Object("express_configuration", ExpressConfigurationShape).OnUpdate(f => f.IsNullable()),
        WireField.Object("my_organization_configuration", MyOrganizationConfigurationShape).OnUpdate(f => f.IsNullable()),
        WireField.String("compliance_level").OneOf("none", "fapi1_adv_pkj_par", "fapi1_adv_mtls_par", "fapi2_sp_pkj_mtls", "fapi2_sp_mtls_mtls").IsNullable(),
        WireField.Object("signed_request_object", new WireShape(
                WireField.ObjectArray("credentials", ClientCredentialTable.PublicKeyShape), WireField.Boolean("required")))
            .OnUpdate(f => WireField.Object(f.Name, new WireShape(
                WireField.ObjectArray("credentials", CredentialReferenceShape), WireField.Boolean("required"))).IsNullable()),
        WireField.Object(F.ClientAuthenticationMethods, ClientAuthenticationMethodsShape).IsSecret()
            .OnUpdate(f => f with { Shape = ClientAuthenticationMethodReferencesShape, Nullable = true }),
        WireField.Boolean("require_pushed_authorization_requests"),
        WireField.Boolean("require_proof_of_possession"),
        WireField.Integer("par_request_expiry").Range(10, 600).IsNullable(),
        WireField.Boolean("skip_non_verifiable_callback_uri_confirmation_prompt").OnUpdate(f => f.IsNullable()),
        WireField.String(ThirdPartySecurityMode).OneOf("strict", "permissive").DefaultsTo(ThirdPartySecurityModeFor),
        WireField.String("redirection_policy").OneOf("allow_always", "open_redirect_protection"),
        WireField.Array("async_approval_notification_channels", WireField.String("items").OneOf("guardian-push", "email")).MinCount(1)
            .OnUpdate(f => f.IsNullable()),
        WireField.String("resource_server_identifier").Length(1, 600).CreateOnly(),
        NewerObject("fedcm_login"),
        NewerObject("identity_assertion_authorization_grant"),
        NewerObject("token_vault_privileged_access"),
        NewerObject("anonymous_sessions"),
        NewerObject("b2b_integration_configuration"),
        WireField.String(F.Tenant).ReadOnly(),
        WireField.Boolean(F.Global).ReadOnly().DefaultsTo(False),
        WireField.Boolean("callback_url_template").ReadOnly().DefaultsTo(False))
    { MinUpdateProperties = 1 };

    /// <summary>
    /// Stores one property of a client row: in the typed property where <see cref="ClientDto"/> models it, else as an
    /// additional property (sharing <paramref name="value"/>, which is immutable).
    /// </summary>
    public static void Store(ClientDto row, string name, JsonElement value)
    {
        switch (name)
        {
            case F.ClientId: row.ClientId = value.GetString(); break;
            case F.Name: row.Name = value.GetString(); break;
            case F.ClientSecret: row.ClientSecret = value.GetString(); break;
            case F.AppType: row.AppType = value.GetString(); break;
            case F.TokenEndpointAuthMethod: row.TokenEndpointAuthMethod = value.GetString(); break;
            case F.IsFirstParty: row.IsFirstParty = value.GetBoolean(); break;
            case F.GrantTypes: row.GrantTypes = Strings(value); break;
            case F.Callbacks: row.Callbacks = Strings(value); break;
            default: (row.AdditionalProperties ??= new(StringComparer.Ordinal))[name] = value; break;
        }
    }

    /// <summary>The <c>tenant</c> value of a tenant's clients, made once per tenant.</summary>
    public static JsonElement TenantValue(string tenantName)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(tenantName);
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    private static List<string> Strings(JsonElement array)
    {
        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            list.Add(item.GetString()!);
        }

        return list;
    }

    /// <summary>Whether a body names <c>token_endpoint_auth_method</c> <paramref name="method"/>.</summary>
    public static bool HasAuthMethod(JsonElement body, string method) => Is(body, F.TokenEndpointAuthMethod, method);

    /// <summary>Auth0's grant types for a create without them: only <c>token_endpoint_auth_method</c> <c>none</c> leaves out client credentials.</summary>
    private static JsonElement? GrantTypesFor(JsonElement body) =>
        Is(body, F.AppType, F.ResourceServerAppType) ? NoGrantTypes
        : Is(body, F.AppType, F.ExpressConfigurationAppType) ? ExpressGrantTypes
        : HasAuthMethod(body, F.AuthMethodNone) ? PublicGrantTypes
        : IsThirdParty(body) && Is(body, ThirdPartySecurityMode, "strict") ? StrictThirdPartyGrantTypes
        : AllGrantTypes;

    private static JsonElement? OidcConformantFor(JsonElement body) =>
        IsRs256Kind(body) || IsThirdParty(body) ? True : False;

    private static JsonElement? JwtConfigurationFor(JsonElement body) =>
        IsRs256Kind(body) ? Rs256Jwt : IsThirdParty(body) ? ThirdPartyJwt : DefaultJwt;

    private static JsonElement? RefreshTokenFor(JsonElement body)
    {
        var thirdParty = IsThirdParty(body);
        return RefreshTokens[(thirdParty ? 1 : 0) | (thirdParty && Is(body, F.AppType, "spa") ? 2 : 0)
            | (HasAuthMethod(body, F.AuthMethodSecretPost) ? 4 : 0)];
    }

    private static JsonElement? ThirdPartySecurityModeFor(JsonElement body) => IsThirdParty(body) ? Permissive : null;

    private static JsonElement? CallbacksFor(JsonElement body) => Is(body, F.AppType, F.ExpressConfigurationAppType) ? ExpressCallbacks : null;

    /// <summary>
    /// A refresh-token policy as Auth0 returns it: non-rotating and non-expiring; third-party clients' tokens expire when
    /// idle, a third-party SPA's also rotate; <c>client_secret_post</c> at create gives a year and 30 days idle.
    /// </summary>
    private static JsonElement RefreshToken(int variant)
    {
        var (expiring, rotating, secretPost) = ((variant & 1) != 0, (variant & 2) != 0, (variant & 4) != 0);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("rotation_type", rotating ? "rotating" : "non-rotating");
            writer.WriteString("expiration_type", expiring ? "expiring" : "non-expiring");
            writer.WriteNumber("leeway", 0);
            writer.WriteNumber("token_lifetime", secretPost ? 31_557_600 : 2_592_000);
            writer.WriteBoolean("infinite_token_lifetime", !rotating);
            writer.WriteBoolean("infinite_idle_token_lifetime", !expiring);
            writer.WriteNumber("idle_token_lifetime", secretPost ? 2_592_000 : 1_296_000);
            writer.WriteEndObject();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    private static JsonElement SigningKeysDefault()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("cert", DeprecatedSigningCertificate.Certificate);
            writer.WriteString("pkcs7", DeprecatedSigningCertificate.Pkcs7);
            writer.WriteString("subject", "deprecated");
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    private static bool IsRs256Kind(JsonElement body) =>
        Is(body, F.AppType, F.ResourceServerAppType) || Is(body, F.AppType, F.ExpressConfigurationAppType);

    private static bool IsThirdParty(JsonElement body) =>
        body.TryGetProperty(F.IsFirstParty, out var value) && value.ValueKind == JsonValueKind.False;

    private static bool Is(JsonElement body, string name, string text) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.ValueEquals(text);

    private static WireField Enabled(string provider) =>
        WireField.Object(provider, new WireShape(WireField.Boolean("enabled")) { MinProperties = 1 });

    private static WireField Credentials(string method, WireShape credential) =>
        WireField.Object(method, new WireShape(WireField.ObjectArray("credentials", credential).IsRequired()));

    private static WireField Urls(string name, string format) => WireField.Array(name, WireField.String("items").Formatted(format, IsUrlWithPlaceholders));

    /// <summary>A property newer than Auth0's published schema, accepted by real tenants: an object, kept as sent.</summary>
    private static WireField NewerObject(string name) => WireField.AnyObject(name).OnUpdate(f => f.IsNullable());

    private static bool IsName(string name) => name.Length > 0 && ApiServerRules.HasNoForbiddenCharacter(name);

    /// <summary>An absolute URL with a scheme (<c>https://…</c>, <c>com.example.app://callback</c>).</summary>
    private static bool IsUrl(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text.AsSpan(0, colon))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return Uri.TryCreate(text, UriKind.Absolute, out _);
    }

    /// <summary>A URL that may hold Auth0's wildcards (<c>https://*.example.com</c>) and placeholders (<c>{organization_name}</c>).</summary>
    private static bool IsUrlWithPlaceholders(string text) =>
        IsUrl(text.AsSpan().ContainsAny('*', '{', '}') ? text.Replace('*', 'x').Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal) : text);

    private static bool IsUrlOrEmpty(string text) => text.Length == 0 || IsUrl(text);

    private static bool IsHttpsUrlOrEmpty(string text) =>
        text.Length == 0 || (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && IsUrlWithPlaceholders(text));
}
