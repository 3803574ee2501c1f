using System.Text.Json;
using Auth0ApiKit.Testing.Endpoints;
using static Auth0ApiKit.Testing.Tests.Endpoints.Requests;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

/// <summary>
/// <c>/api/v2/clients</c> against Auth0's recorded answers (AUTH0-SCHEMAS.md section 3): every property accepted,
/// checked at its boundary with Auth0's words, defaulted, patched and nulled as a real tenant does.
/// </summary>
public class ClientsContractTests
{
    /// <summary>A body with every property a create accepts (Terraform's full client body, then the rest).</summary>
    private const string MaximalBody = """
        {"name":"Acceptance Test - TestAccClient","description":"Test Application Long Description","app_type":"non_interactive",
         "logo_uri":"https://example.com/logoUri","is_first_party":true,"is_token_endpoint_ip_header_trusted":true,"oidc_conformant":true,
         "callbacks":["https://example.com/callback"],"allowed_origins":["https://example.com"],"web_origins":["https://example.com"],
         "client_aliases":["https://example.com/audience"],"allowed_clients":["https://allowed.example.com"],"allowed_logout_urls":["https://example.com"],
         "sso":false,"sso_disabled":false,"grant_types":["authorization_code","http://auth0.com/oauth/grant-type/password-realm","implicit","password","refresh_token"],
         "cross_origin_authentication":true,"cross_origin_loc":"https://example.com/cross-origin-loc","custom_login_page_on":true,"custom_login_page":"test",
         "custom_login_page_preview":"preview","form_template":"test","token_endpoint_auth_method":"client_secret_post","client_metadata":{"foo":"zoo"},
         "initiate_login_uri":"https://example.com/login","organization_usage":"deny","organization_require_behavior":"no_prompt",
         "organization_discovery_methods":["email"],
         "oidc_backchannel_logout":{"backchannel_logout_urls":["https://example.com/oidc-logout"]},
         "oidc_logout":{"backchannel_logout_urls":["https://example.com/oidc-logout"],"backchannel_logout_initiators":{"mode":"custom","selected_initiators":["rp-logout"]},"backchannel_logout_session_metadata":{"include":true}},
         "jwt_configuration":{"alg":"RS256","lifetime_in_seconds":300,"scopes":{"read":true},"secret_encoded":true},
         "refresh_token":{"rotation_type":"rotating","expiration_type":"expiring","leeway":15,"token_lifetime":84600,"infinite_token_lifetime":false,"idle_token_lifetime":1800,"infinite_idle_token_lifetime":false,"policies":[{"audience":"https://api.example.com","scope":["read:x"]}]},
         "mobile":{"android":{"app_package_name":"com.example","sha256_cert_fingerprints":["DE:AD"]},"ios":{"team_id":"9JA89QQLNQ","app_bundle_identifier":"com.my.bundle.id"}},
         "native_social_login":{"apple":{"enabled":true},"facebook":{"enabled":false},"google":{"enabled":true}},
         "addons":{"samlp":{"audience":"https://example.com/saml"},"wsfed":{},"aws":{"principal":"arn:aws:iam::1:saml-provider/x","role":"arn:aws:iam::1:role/x","lifetime_in_seconds":900}},
         "encryption_key":{"pub":"-----BEGIN PUBLIC KEY-----","cert":"-----BEGIN CERTIFICATE-----","subject":"CN=x"},
         "default_organization":{"organization_id":"org_1","flows":["client_credentials"]},
         "session_transfer":{"can_create_session_transfer_token":true,"allowed_authentication_methods":["cookie","query"],"enforce_device_binding":"asn","allow_refresh_token":true,"enforce_cascade_revocation":false,"enforce_online_refresh_tokens":false,"delegation":{"allow_delegated_access":true,"enforce_device_binding":"ip"}},
         "token_exchange":{"allow_any_profile_of_type":["custom_authentication"]},
         "token_quota":{"client_credentials":{"enforce":true,"per_day":100,"per_hour":10}},
         "my_organization_configuration":{"allowed_strategies":["oidc"],"connection_deletion_behavior":"allow"},
         "compliance_level":"fapi1_adv_pkj_par",
         "signed_request_object":{"required":true,"credentials":[{"credential_type":"public_key","name":"jar","pem":"-----BEGIN PUBLIC KEY-----","alg":"RS256"}]},
         "require_pushed_authorization_requests":true,"require_proof_of_possession":false,"par_request_expiry":60,
         "skip_non_verifiable_callback_uri_confirmation_prompt":true,"third_party_security_mode":"permissive","redirection_policy":"open_redirect_protection",
         "async_approval_notification_channels":["guardian-push","email"],"resource_server_identifier":"https://my-api.example.com",
         "fedcm_login":{"enabled":true},"identity_assertion_authorization_grant":{"active":true},"token_vault_privileged_access":{"enabled":false}}
        """;

    private readonly ClientsEndpoint _endpoint = new(NewStore());

    private FakeResponse Create(string body) => _endpoint.Create(Json("POST", "/api/v2/clients", body));

    private FakeResponse Patch(string id, string body) =>
        _endpoint.Update(Json("PATCH", "/api/v2/clients/" + id, body), id, withSecret: true, mayWriteSecret: true);

    private JsonElement Read(string id) => _endpoint.Get(id, withSecret: true).Parse();

    private string CreateId(string body)
    {
        var response = Create(body);
        response.Status.Should().Be(201, response.BodyText);
        return response.Parse().GetProperty("client_id").GetString()!;
    }

    [Fact]
    public void A_minimal_create_reads_back_as_a_real_tenant_answers_it()
    {
        var client = Read(CreateId("""{"name":"Acceptance Test - TestAccClient"}"""));

        var expected = JsonDocument.Parse("""
            {"name":"Acceptance Test - TestAccClient","is_first_party":true,"is_token_endpoint_ip_header_trusted":false,
             "oidc_conformant":false,"jwt_configuration":{"secret_encoded":false,"lifetime_in_seconds":36000},"sso_disabled":false,
             "cross_origin_authentication":false,"grant_types":["authorization_code","implicit","refresh_token","client_credentials"],
             "custom_login_page_on":true,"refresh_token":{"rotation_type":"non-rotating","expiration_type":"non-expiring","leeway":0,
             "token_lifetime":2592000,"infinite_token_lifetime":true,"infinite_idle_token_lifetime":true,"idle_token_lifetime":1296000},
             "tenant":"contract","global":false,"callback_url_template":false}
            """).RootElement;
        foreach (var property in expected.EnumerateObject())
        {
            JsonElement.DeepEquals(client.GetProperty(property.Name), property.Value).Should().BeTrue($"{property.Name} is {client.GetProperty(property.Name)}");
        }

        client.GetProperty("client_id").GetString().Should().MatchRegex("^[A-Za-z0-9]{32}$");
        client.GetProperty("client_secret").GetString().Should().MatchRegex("^[A-Za-z0-9_-]{64}$");
        var key = client.GetProperty("signing_keys").EnumerateArray().Should().ContainSingle().Subject;
        key.GetProperty("subject").GetString().Should().Be("deprecated");
        key.GetProperty("cert").GetString().Should().StartWith("-----BEGIN CERTIFICATE-----\r\n");
        key.GetProperty("pkcs7").GetString().Should().StartWith("-----BEGIN PKCS7-----\r\n");
        client.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            [.. expected.EnumerateObject().Select(p => p.Name), "client_id", "client_secret", "signing_keys"],
            "app_type, token_endpoint_auth_method, callbacks and every other unset property are absent");
    }

    [Fact]
    public void A_maximal_create_stores_every_property_as_sent()
    {
        var sent = JsonDocument.Parse(MaximalBody).RootElement;

        var client = Read(CreateId(MaximalBody));

        foreach (var property in sent.EnumerateObject())
        {
            var stored = client.GetProperty(property.Name);
            JsonElement.DeepEquals(stored, property.Value).Should().BeTrue($"{property.Name} is {stored}");
        }

        client.GetProperty("tenant").GetString().Should().Be("contract");
        client.GetProperty("global").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Terraforms_body_with_client_authentication_methods_is_accepted_with_exactly_one_method()
    {
        const string Body = """
            {"name":"jwt","app_type":"non_interactive","client_authentication_methods":{"private_key_jwt":{"credentials":[
              {"credential_type":"public_key","name":"key","pem":"-----BEGIN PUBLIC KEY-----","alg":"RS256","kid":"kid-0123456789"}]}}}
            """;

        var client = Read(CreateId(Body));

        client.GetProperty("client_authentication_methods").GetProperty("private_key_jwt").GetProperty("credentials").GetArrayLength().Should().Be(1);
        client.TryGetProperty("token_endpoint_auth_method", out _).Should().BeFalse();
        _endpoint.Get(client.GetProperty("client_id").GetString()!, withSecret: false).Parse().TryGetProperty("client_authentication_methods", out _)
            .Should().BeFalse("credentials are read with read:client_keys only");
    }

    public static TheoryData<string, string> Rules => new()
    {
        { """{"name":"a<b"}""", "'String does not match pattern ^[^<>]+$: a<b' on property name." },
        { """{"name":""}""", "'String does not match pattern ^[^<>]+$: ' on property name." },
        { $$"""{"name":"a","description":"{{new string('d', 141)}}"}""", "'String is too long (141 chars), maximum 140' on property description." },
        { """{"name":"a","app_type":"robot"}""", "'No enum match for: \"robot\"' on property app_type." },
        { """{"name":"a","token_endpoint_auth_method":"private_key_jwt"}""", "'No enum match for: \"private_key_jwt\"' on property token_endpoint_auth_method." },
        { """{"name":"a","token_endpoint_auth_method":null}""", "'Expected type string but found type null' on property token_endpoint_auth_method." },
        { """{"name":"a","grant_types":["implicit","implicit"]}""", "'Array items are not unique (indexes 0 and 1)' on property grant_types." },
        { """{"name":"a","grant_types":[""]}""", "'String is too short (0 chars), minimum 1' on property grant_types[0]." },
        { """{"name":"a","callbacks":["not a url"]}""", "'Object didn't pass validation for format callback-url: not a url' on property callbacks[0]." },
        { """{"name":"a","logo_uri":"logo.png"}""", "'Object didn't pass validation for format absolute-uri-or-empty: logo.png' on property logo_uri." },
        { """{"name":"a","initiate_login_uri":"http://example.com/login"}""",
            "'Object didn't pass validation for format absolute-https-uri-with-placeholders-or-empty: http://example.com/login' on property initiate_login_uri (Initiate login uri, must be https)." },
        { """{"name":"a","custom_login_page":""}""", "'String is too short (0 chars), minimum 1' on property custom_login_page." },
        { """{"name":"a","client_metadata":{"a":"1","b":"1","c":"1","d":"1","e":"1","f":"1","g":"1","h":"1","i":"1","j":"1","k":"1"}}""",
            "'Too many properties defined (11), maximum 10' on property client_metadata." },
        { """{"name":"a","par_request_expiry":9}""", "'Value 9 is less than minimum 10' on property par_request_expiry." },
        { """{"name":"a","par_request_expiry":601}""", "'Value 601 is greater than maximum 600' on property par_request_expiry." },
        { """{"name":"a","refresh_token":{"rotation_type":"rotating"}}""", "'Missing required property: expiration_type' on property refresh_token." },
        { """{"name":"a","refresh_token":{"rotation_type":"rotating","expiration_type":"expiring","token_lifetime":0}}""",
            "'Value 0 is less than minimum 1' on property refresh_token.token_lifetime." },
        { """{"name":"a","refresh_token":{"rotation_type":"rotating","expiration_type":"expiring","token_lifetime":157788001}}""",
            "'Value 157788001 is greater than maximum 157788000' on property refresh_token.token_lifetime." },
        { """{"name":"a","refresh_token":{"rotation_type":"rotating","expiration_type":"expiring","policies":[]}}""",
            "'Array is too short (0), minimum 1' on property refresh_token.policies." },
        { """{"name":"a","jwt_configuration":{"alg":"ES256"}}""", "'No enum match for: \"ES256\"' on property jwt_configuration.alg." },
        { """{"name":"a","native_social_login":{}}""", "'Too few properties defined (0), minimum 1' on property native_social_login." },
        { """{"name":"a","client_authentication_methods":{"private_key_jwt":{"credentials":[]},"tls_client_auth":{"credentials":[]}}}""",
            "'Too many properties defined (2), maximum 1' on property client_authentication_methods." },
        { """{"name":"a","client_authentication_methods":{"private_key_jwt":{"credentials":[{"credential_type":"public_key","pem":"p","kid":"short"}]}}}""",
            "'String is too short (5 chars), minimum 10' on property client_authentication_methods.private_key_jwt.credentials[0].kid." },
        { """{"name":"a","organization_usage":"sometimes"}""", "'No enum match for: \"sometimes\"' on property organization_usage." },
        { """{"name":"a","organization_discovery_methods":[]}""", "'Array is too short (0), minimum 1' on property organization_discovery_methods." },
        { """{"name":"a","default_organization":{"organization_id":"org_1"}}""", "'Missing required property: flows' on property default_organization." },
        { """{"name":"a","token_quota":{"client_credentials":{"per_day":0}}}""", "'Value 0 is less than minimum 1' on property token_quota.client_credentials.per_day." },
        { """{"name":"a","third_party_security_mode":"lenient"}""", "'No enum match for: \"lenient\"' on property third_party_security_mode." },
        { $$"""{"name":"a","resource_server_identifier":"{{new string('r', 601)}}"}""", "'String is too long (601 chars), maximum 600' on property resource_server_identifier." },
        { """{"name":"a","client_secret":"s"}""", "'Additional properties not allowed: client_secret'." },
        { """{"name":"a","client_id":"abc"}""", "'Additional properties not allowed: client_id'." },
        { """{"name":"a","tenant":"other"}""", "'Additional properties not allowed: tenant'." },
        { """{"name":"a","signing_keys":[]}""", "'Additional properties not allowed: signing_keys'." },
        { """{"name":"a","token_dialect":"access_token"}""", "'Additional properties not allowed: token_dialect'." },
        { """{"description":"no name"}""", "'Missing required property: name'." },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_answers_Auth0s_validation_error_at_its_boundary(string body, string detail)
    {
        var response = Create(body);

        response.Status.Should().Be(400);
        var error = response.Parse();
        error.GetProperty("message").GetString().Should().Be("Payload validation error: " + detail);
        error.GetProperty("errorCode").GetString().Should().Be("invalid_body");
    }

    [Theory]
    [InlineData("""{"name":"a","par_request_expiry":10,"description":"","grant_types":[],"callbacks":[]}""")]
    [InlineData("""{"name":"a","par_request_expiry":600,"logo_uri":"","initiate_login_uri":"","client_metadata":{"a":"1","b":"1","c":"1","d":"1","e":"1","f":"1","g":"1","h":"1","i":"1","j":"1"}}""")]
    [InlineData("""{"name":"a","refresh_token":{"rotation_type":"rotating","expiration_type":"expiring","token_lifetime":157788000,"leeway":0}}""")]
    [InlineData("""{"name":"a","callbacks":["https://*.example.com/cb","com.example.app://callback","https://{organization_name}.example.com"]}""")]
    public void Values_at_the_boundary_are_accepted(string body) => Create(body).Status.Should().Be(201);

    [Fact]
    public void Patch_checks_the_update_schema()
    {
        var id = CreateId("""{"name":"app"}""");

        Patch(id, "{}").Parse().GetProperty("message").GetString().Should().Be("Payload validation error: 'Too few properties defined (0), minimum 1'.");
        Patch(id, """{"resource_server_identifier":"urn:x"}""").Parse().GetProperty("message").GetString()
            .Should().Be("Payload validation error: 'Additional properties not allowed: resource_server_identifier'.");
        Patch(id, """{"client_secret":""}""").Parse().GetProperty("message").GetString()
            .Should().Be("Payload validation error: 'String is too short (0 chars), minimum 1' on property client_secret.");
        Patch(id, """{"custom_login_page":""}""").Status.Should().Be(200, "only a create needs a non-empty custom_login_page");
        Patch(id, """{"client_authentication_methods":{"private_key_jwt":{"credentials":[{"id":"cred_1234567890123456789012"}]}}}""")
            .Status.Should().Be(200, "an update names stored credentials by id");
        Patch(id, """{"client_secret":"new-secret"}""").Parse().GetProperty("client_secret").GetString().Should().Be("new-secret");
        _endpoint.Update(Json("PATCH", "/", """{"client_secret":"x"}"""), id, withSecret: true, mayWriteSecret: false).Status.Should().Be(403);
    }

    [Fact]
    public void Patch_with_null_removes_every_nullable_property()
    {
        var id = CreateId(MaximalBody);
        string[] nullable =
        [
            "token_endpoint_auth_method", "cross_origin_loc", "refresh_token", "addons", "encryption_key", "default_organization",
            "organization_usage", "organization_require_behavior", "organization_discovery_methods", "oidc_logout", "oidc_backchannel_logout",
            "session_transfer", "token_exchange", "token_quota", "my_organization_configuration", "compliance_level",
            "signed_request_object", "par_request_expiry", "skip_non_verifiable_callback_uri_confirmation_prompt",
            "async_approval_notification_channels", "fedcm_login", "identity_assertion_authorization_grant", "token_vault_privileged_access",
        ];

        var patched = Patch(id, "{" + string.Join(',', nullable.Select(n => $"\"{n}\":null")) + "}");

        patched.Status.Should().Be(200, patched.BodyText);
        var client = Read(id);
        foreach (var name in nullable)
        {
            client.TryGetProperty(name, out _).Should().BeFalse(name);
        }

        Patch(id, """{"name":null}""").Parse().GetProperty("message").GetString()
            .Should().Be("Payload validation error: 'Expected type string but found type null' on property name.");
    }

    [Fact]
    public void Patch_deep_merges_jwt_configuration_and_client_metadata_and_a_null_key_deletes_it()
    {
        var id = CreateId("""{"name":"app","jwt_configuration":{"alg":"RS256","lifetime_in_seconds":600},"client_metadata":{"a":"1","b":"2"}}""");
        Read(id).GetProperty("jwt_configuration").GetRawText().Should().Be("""{"alg":"RS256","lifetime_in_seconds":600,"secret_encoded":false}""",
            "a sent jwt_configuration gets only secret_encoded:false");

        Patch(id, """{"jwt_configuration":{"alg":"HS256"},"client_metadata":{"a":null,"c":"3"}}""");

        var client = Read(id);
        JsonElement.DeepEquals(client.GetProperty("jwt_configuration"),
            JsonDocument.Parse("""{"alg":"HS256","lifetime_in_seconds":600,"secret_encoded":false}""").RootElement).Should().BeTrue();
        JsonElement.DeepEquals(client.GetProperty("client_metadata"), JsonDocument.Parse("""{"b":"2","c":"3"}""").RootElement).Should().BeTrue();

        Patch(id, """{"client_metadata":{"b":null,"c":null}}""");
        Read(id).GetProperty("client_metadata").GetRawText().Should().Be("{}");
    }

    [Fact]
    public void Patch_replaces_arrays_and_an_empty_initiate_login_uri_removes_it()
    {
        var id = CreateId("""{"name":"app","callbacks":["https://a.example.com"],"initiate_login_uri":"https://a.example.com/login","description":"d"}""");

        Patch(id, """{"callbacks":[],"initiate_login_uri":"","description":""}""");

        var client = Read(id);
        client.GetProperty("callbacks").GetArrayLength().Should().Be(0);
        client.TryGetProperty("initiate_login_uri", out _).Should().BeFalse();
        client.GetProperty("description").GetString().Should().BeEmpty();
    }

    [Fact]
    public void Client_credentials_with_token_endpoint_auth_method_none_is_refused()
    {
        var response = Create("""{"name":"a","app_type":"non_interactive","token_endpoint_auth_method":"none","grant_types":["client_credentials"]}""");

        response.Status.Should().Be(400);
        response.Parse().GetProperty("message").GetString().Should().Be("Invalid grant types: client_credentials");
        var id = CreateId("""{"name":"a","app_type":"non_interactive"}""");
        Patch(id, """{"token_endpoint_auth_method":"none"}""").Status.Should().Be(400, "the client it would leave has both");
    }

    [Fact]
    public void Token_endpoint_auth_method_and_client_authentication_methods_exclude_each_other()
    {
        Create("""{"name":"a","token_endpoint_auth_method":"client_secret_post","client_authentication_methods":{"private_key_jwt":{"credentials":[{"credential_type":"public_key","pem":"p"}]}}}""")
            .Status.Should().Be(400);
        var id = CreateId("""{"name":"a","token_endpoint_auth_method":"client_secret_post"}""");

        Patch(id, """{"token_endpoint_auth_method":null,"client_authentication_methods":{"private_key_jwt":{"credentials":[{"id":"cred_1"}]}}}""")
            .Status.Should().Be(200, "Terraform unsets the method in the same PATCH");
    }

    [Theory]
    [InlineData("""{"name":"a","token_endpoint_auth_method":"client_secret_post"}""", "non-rotating", "non-expiring", 31557600, 2592000)]
    [InlineData("""{"name":"a","app_type":"spa","token_endpoint_auth_method":"none"}""", "non-rotating", "non-expiring", 2592000, 1296000)]
    [InlineData("""{"name":"a","app_type":"regular_web","is_first_party":false,"token_endpoint_auth_method":"client_secret_post"}""", "non-rotating", "expiring", 31557600, 2592000)]
    [InlineData("""{"name":"a","app_type":"spa","is_first_party":false,"token_endpoint_auth_method":"none"}""", "rotating", "expiring", 2592000, 1296000)]
    public void The_refresh_token_policy_follows_the_create(string body, string rotation, string expiration, int lifetime, int idle)
    {
        var policy = Read(CreateId(body)).GetProperty("refresh_token");

        policy.GetProperty("rotation_type").GetString().Should().Be(rotation);
        policy.GetProperty("expiration_type").GetString().Should().Be(expiration);
        policy.GetProperty("token_lifetime").GetInt32().Should().Be(lifetime);
        policy.GetProperty("idle_token_lifetime").GetInt32().Should().Be(idle);
    }

    [Fact]
    public void Third_party_resource_server_and_express_clients_get_their_own_defaults()
    {
        var thirdParty = Read(CreateId("""{"name":"3p","app_type":"regular_web","is_first_party":false,"third_party_security_mode":"strict"}"""));
        thirdParty.GetProperty("oidc_conformant").GetBoolean().Should().BeTrue();
        thirdParty.GetProperty("grant_types").EnumerateArray().Select(g => g.GetString()).Should().Equal("authorization_code");
        thirdParty.GetProperty("jwt_configuration").GetProperty("lifetime_in_seconds").GetInt32().Should().Be(3600);
        Read(CreateId("""{"name":"3p","is_first_party":false}""")).GetProperty("third_party_security_mode").GetString().Should().Be("permissive");

        var resourceServer = Read(CreateId("""{"name":"rs","app_type":"resource_server","resource_server_identifier":"urn:rs"}"""));
        resourceServer.GetProperty("grant_types").GetArrayLength().Should().Be(0);
        resourceServer.GetProperty("oidc_conformant").GetBoolean().Should().BeTrue();
        resourceServer.GetProperty("jwt_configuration").GetRawText().Should().Be("""{"secret_encoded":false,"alg":"RS256"}""");

        var express = Read(CreateId("""{"name":"ex","app_type":"express_configuration"}"""));
        express.GetProperty("grant_types").EnumerateArray().Select(g => g.GetString()).Should().Equal("authorization_code", "client_credentials");
        express.GetProperty("callbacks")[0].GetString().Should().Be("https://system-admin.okta.com/admin/app/generic/oauth20redirect");
        express.TryGetProperty("client_secret", out _).Should().BeFalse();
    }

    [Fact]
    public void Reads_without_read_client_keys_hide_secrets_keys_and_credentials()
    {
        var id = CreateId("""{"name":"a","encryption_key":{"pub":"p"}}""");

        var client = _endpoint.Get(id, withSecret: false).Parse();

        foreach (var hidden in new[] { "client_secret", "signing_keys", "encryption_key" })
        {
            client.TryGetProperty(hidden, out _).Should().BeFalse(hidden);
        }

        client.GetProperty("name").GetString().Should().Be("a");
        Read(id).GetProperty("encryption_key").GetProperty("pub").GetString().Should().Be("p");
    }
}
