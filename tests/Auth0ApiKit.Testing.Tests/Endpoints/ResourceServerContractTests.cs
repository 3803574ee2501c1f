using Auth0ApiKit.Testing.Endpoints;
using static Auth0ApiKit.Testing.Tests.Endpoints.Requests;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

/// <summary>Resource servers against Auth0's schemas (AUTH0-SCHEMAS.md section 2): every property, its rule, PATCH and null.</summary>
public class ResourceServerContractTests
{
    private const string Pem = "-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----\\n";

    /// <summary>Every property the table accepts on create, with a value inside its rule.</summary>
    private const string Maximal = $$$"""
        {"name":"Orders","identifier":"https://orders.example.com","scopes":[{"value":"read:orders","description":"Read"},{"value":"write:orders"},{"value":"x","description":""}],
         "signing_alg":"HS256","signing_secret":"0123456789abcdef","token_lifetime":3600,"token_lifetime_for_web":1800,
         "allow_offline_access":true,"skip_consent_for_verifiable_first_party_clients":true,"enforce_policies":true,"token_dialect":"access_token_authz",
         "subject_type_authorization":{"user":{"policy":"deny_all"},"client":{"policy":"deny_all"}},
         "allow_online_access":true,"allow_online_access_with_ephemeral_sessions":false,"consent_policy":"transactional-authorization-with-mfa",
         "authorization_details":[{"type":"payment"}],
         "token_encryption":{"format":"compact-nested-jwe","encryption_key":{"name":"k","alg":"RSA-OAEP-256","kid":"kid-1","pem":"{{{Pem}}}"}},
         "proof_of_possession":{"mechanism":"dpop","required":true,"required_for":"public_clients"},
         "authorization_policy":{"policy_id":"pol_1"}}
        """;

    private readonly ResourceServersEndpoint _endpoint = new(NewStore());

    private FakeResponse Create(string body) => _endpoint.Create(Json("POST", "/api/v2/resource-servers", body));

    private FakeResponse Patch(string id, string body) => _endpoint.Update(Json("PATCH", "/api/v2/resource-servers/" + id, body), id);

    [Fact]
    public void A_minimal_create_answers_and_reads_back_as_Auth0s_recorded_answer()
    {
        // TF-REC TestAccResourceServer (AUTH0-SCHEMAS.md 2.2), with our identifier and id.
        const string recorded = """
            {"identifier":"https://uat.api.example/TestAccResourceServer","allow_offline_access":false,"skip_consent_for_verifiable_first_party_clients":false,
             "subject_type_authorization":{"client":{"policy":"require_client_grant"},"user":{"policy":"allow_all"}},
             "token_lifetime":86400,"token_lifetime_for_web":7200,"signing_alg":"RS256"}
            """;

        var created = Create("""{"identifier":"https://uat.api.example/TestAccResourceServer"}""");

        created.Status.Should().Be(201);
        created.Parse().ShouldHaveExactly(recorded, "id");
        _endpoint.Get(created.Parse().GetProperty("id").GetString()!).Parse().ShouldHaveExactly(recorded, "id");
    }

    [Fact]
    public void A_maximal_create_answers_and_reads_back_every_property_as_sent()
    {
        var created = Create(Maximal);

        created.Status.Should().Be(201);
        created.Parse().ShouldHaveExactly(Maximal, "id");
        _endpoint.Get("https://orders.example.com").Parse().ShouldHaveExactly(Maximal, "id");
    }

    [Theory]
    [InlineData("name", "\"<n>\"", "String does not match pattern ^[^<>]+$: <n>")]
    [InlineData("name", "\"\"", "String does not match pattern ^[^<>]+$: ")]
    [InlineData("signing_alg", "\"HS512\"", "No enum match for: \"HS512\"")]
    [InlineData("signing_secret", "\"0123456789abcde\"", "String is too short (15 chars), minimum 16")]
    [InlineData("token_lifetime", "2592001", "Value 2592001 is greater than maximum 2592000")]
    [InlineData("token_lifetime", "-1", "Value -1 is less than minimum 0")]
    [InlineData("token_lifetime", "60.5", "Expected type integer but found type number")]
    [InlineData("token_lifetime_for_web", "-1", "Value -1 is less than minimum 0")]
    [InlineData("allow_offline_access", "\"true\"", "Expected type boolean but found type string")]
    [InlineData("skip_consent_for_verifiable_first_party_clients", "1", "Expected type boolean but found type integer")]
    [InlineData("enforce_policies", "null", "Expected type boolean but found type null")]
    [InlineData("allow_online_access", "\"no\"", "Expected type boolean but found type string")]
    [InlineData("allow_online_access_with_ephemeral_sessions", "0", "Expected type boolean but found type integer")]
    [InlineData("token_dialect", "\"jwt\"", "No enum match for: \"jwt\"")]
    [InlineData("consent_policy", "\"always\"", "No enum match for: \"always\"")]
    [InlineData("consent_policy", "1", "Expected type string,null but found type integer")]
    [InlineData("scopes", "[{}]", "Missing required property: value", "scopes[0]")]
    [InlineData("authorization_details", "[{\"type\":\"a\"},{}]", "Missing required property: type", "authorization_details[1]")]
    [InlineData("authorization_details", "{}", "Expected type array,null but found type object")]
    [InlineData("subject_type_authorization", "{\"user\":{\"policy\":\"never\"}}", "No enum match for: \"never\"", "subject_type_authorization.user.policy")]
    [InlineData("subject_type_authorization", "{\"client\":{\"policy\":\"allow_all\"}}", "No enum match for: \"allow_all\"", "subject_type_authorization.client.policy")]
    [InlineData("subject_type_authorization", "{\"machine\":{}}", "Additional properties not allowed: machine", "subject_type_authorization")]
    [InlineData("token_encryption", "{\"format\":\"jwe\",\"encryption_key\":{\"alg\":\"RSA-OAEP-256\",\"pem\":\"p\"}}", "No enum match for: \"jwe\"", "token_encryption.format")]
    [InlineData("token_encryption", "{\"format\":\"compact-nested-jwe\"}", "Missing required property: encryption_key", "token_encryption")]
    [InlineData("token_encryption", "{\"format\":\"compact-nested-jwe\",\"encryption_key\":{\"alg\":\"RSA1_5\",\"pem\":\"p\"}}", "No enum match for: \"RSA1_5\"", "token_encryption.encryption_key.alg")]
    [InlineData("token_encryption", "{\"format\":\"compact-nested-jwe\",\"encryption_key\":{\"alg\":\"RSA-OAEP-512\"}}", "Missing required property: pem", "token_encryption.encryption_key")]
    [InlineData("proof_of_possession", "{\"mechanism\":\"mtls\"}", "Missing required property: required", "proof_of_possession")]
    [InlineData("proof_of_possession", "{\"mechanism\":\"token\",\"required\":true}", "No enum match for: \"token\"", "proof_of_possession.mechanism")]
    [InlineData("proof_of_possession", "{\"mechanism\":\"mtls\",\"required\":true,\"required_for\":\"everyone\"}", "No enum match for: \"everyone\"", "proof_of_possession.required_for")]
    [InlineData("authorization_policy", "{\"policy_id\":\"\"}", "String is too short (0 chars), minimum 1", "authorization_policy.policy_id")]
    [InlineData("authorization_policy", "{}", "Missing required property: policy_id", "authorization_policy")]
    [InlineData("id", "\"0123456789abcdef01234567\"", "Additional properties not allowed: id", "")]
    [InlineData("is_system", "false", "Additional properties not allowed: is_system", "")]
    [InlineData("client_id", "\"abc\"", "Additional properties not allowed: client_id", "")]
    public void Each_rule_answers_400_with_Auth0s_text(string property, string value, string detail, string? path = null)
    {
        var response = Create($$"""{"identifier":"urn:rule","{{property}}":{{value}}}""");

        response.Status.Should().Be(400);
        path ??= property;
        response.Parse().GetProperty("message").GetString().Should().Be(path.Length == 0
            ? $"Payload validation error: '{detail}'."
            : $"Payload validation error: '{detail}' on property {path}.");
    }

    [Theory]
    [InlineData("name", 200, null)]
    [InlineData("identifier", 600, null)]
    [InlineData("scopes", 280, "value")]
    [InlineData("scopes", 500, "description")]
    [InlineData("token_encryption", 4096, "pem")]
    [InlineData("token_encryption", 128, "kid")]
    [InlineData("token_encryption", 128, "name")]
    [InlineData("authorization_policy", 1024, "policy_id")]
    public void Lengths_stop_at_Auth0s_maximum(string property, int max, string? inner)
    {
        string Body(int length) => BodyWith(property, inner, new string('a', length));

        Create(Body(max)).Status.Should().Be(201);
        var path = property switch
        {
            "scopes" => $"scopes[0].{inner}",
            "token_encryption" => $"token_encryption.encryption_key.{inner}",
            _ when inner is not null => $"{property}.{inner}",
            _ => property,
        };
        Create(Body(max + 1)).Parse().GetProperty("message").GetString()
            .Should().Be($"Payload validation error: 'String is too long ({max + 1} chars), maximum {max}' on property {path}.");
    }

    private static string BodyWith(string property, string? inner, string text)
    {
        var identifier = property == "identifier" ? text : "urn:len:" + text.Length + inner;
        var value = (property, inner) switch
        {
            ("scopes", "value") => $$"""[{"value":"{{text}}"}]""",
            ("scopes", _) => $$"""[{"value":"v","description":"{{text}}"}]""",
            ("token_encryption", "pem") => $$$"""{"format":"compact-nested-jwe","encryption_key":{"alg":"RSA-OAEP-256","pem":"{{{text}}}"}}""",
            ("token_encryption", _) => $$$"""{"format":"compact-nested-jwe","encryption_key":{"alg":"RSA-OAEP-256","pem":"p","{{{inner}}}":"{{{text}}}"}}""",
            ("authorization_policy", _) => $$"""{"policy_id":"{{text}}"}""",
            _ => $"\"{text}\"",
        };
        return property == "identifier" ? $$"""{"identifier":"{{text}}"}""" : $$"""{"identifier":"{{identifier}}","{{property}}":{{value}}}""";
    }

    [Fact]
    public void Token_lifetime_reaches_Auth0s_maximum_and_the_web_lifetime_follows_it()
    {
        var api = Create("""{"identifier":"urn:max","token_lifetime":2592000}""").Parse();

        api.GetProperty("token_lifetime").GetInt32().Should().Be(2592000);
        api.GetProperty("token_lifetime_for_web").GetInt32().Should().Be(7200);
    }

    [Theory]
    [InlineData("consent_policy")]
    [InlineData("authorization_details")]
    [InlineData("token_encryption")]
    [InlineData("proof_of_possession")]
    [InlineData("authorization_policy")]
    public void Patch_with_null_removes_a_nullable_property(string property)
    {
        Create(Maximal);

        var response = Patch("https://orders.example.com", $$"""{"{{property}}":null}""");

        response.Status.Should().Be(200);
        response.Parse().TryGetProperty(property, out _).Should().BeFalse();
        _endpoint.Get("https://orders.example.com").Parse().TryGetProperty(property, out _).Should().BeFalse();
        _endpoint.Get("https://orders.example.com").Parse().GetProperty("name").GetString().Should().Be("Orders", "the rest is kept");
    }

    [Fact]
    public void Patch_with_null_for_properties_never_set_is_accepted_and_changes_nothing()
    {
        var id = Create("""{"identifier":"urn:bare"}""").Parse().GetProperty("id").GetString()!;
        var before = _endpoint.Get(id).BodyText;

        var response = Patch(id, """{"consent_policy":null,"authorization_details":null,"token_encryption":null,"proof_of_possession":null,"authorization_policy":null}""");

        response.Status.Should().Be(200);
        _endpoint.Get(id).BodyText.Should().Be(before);
    }

    [Fact]
    public void Proof_of_possession_is_replaced_not_merged()
    {
        Create(Maximal);

        var response = Patch("https://orders.example.com", """{"proof_of_possession":{"mechanism":"mtls","required":true}}""");

        response.Parse().GetProperty("proof_of_possession").GetRawText().Should().Be("""{"mechanism":"mtls","required":true}""");
    }

    [Fact]
    public void Patch_refuses_the_identifier_and_read_only_properties_and_a_system_api_refuses_its_name()
    {
        var id = Create("""{"identifier":"urn:fixed"}""").Parse().GetProperty("id").GetString()!;

        Patch(id, """{"identifier":"urn:other"}""").Parse().GetProperty("message").GetString()
            .Should().Be("Payload validation error: 'Additional properties not allowed: identifier'.");
        Patch(id, """{"is_system":true,"id":"x"}""").Parse().GetProperty("message").GetString()
            .Should().Be("Payload validation error: 'Additional properties not allowed: is_system,id'.");
        var system = _endpoint.Get(ManagementAudience).Parse().GetProperty("id").GetString()!;
        var refused = Patch(system, """{"name":"Mine"}""");
        refused.Status.Should().Be(400);
        refused.Parse().GetProperty("message").GetString().Should().Be("Payload validation error: 'Additional properties not allowed: name'.");
    }
}
