using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using Microsoft.Extensions.Time.Testing;
using static Auth0ApiKit.Testing.Tests.Endpoints.Requests;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

public class ClientCredentialsEndpointTests
{
    /// <summary>The example key of RFC 7638 section 3.1, whose JWK thumbprint the RFC gives.</summary>
    private const string RfcModulus =
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

    private const string RfcThumbprint = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

    private static readonly string RfcPem = PublicKeyPem(RfcModulus);
    private static readonly DateTimeOffset CertificateExpiry = new(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);
    private static readonly string CertificatePem = SelfSignedCertificate().ExportCertificatePem();

    private readonly FakeTimeProvider _time = TestClock.Fixed();
    private readonly TenantStore _store = NewStore();
    private readonly ClientCredentialsEndpoint _credentials;
    private readonly string _clientId;

    public ClientCredentialsEndpointTests()
    {
        _credentials = new ClientCredentialsEndpoint(_store, _time);
        _clientId = new ClientsEndpoint(_store).Create(Json("POST", "/", """{"name":"worker","app_type":"non_interactive"}"""))
            .Parse().GetProperty("client_id").GetString()!;
    }

    private FakeResponse Create(string body, string? clientId = null) =>
        _credentials.Create(Json("POST", "/", body), clientId ?? _clientId);

    private JsonElement CreatePublicKey(string extra = "") =>
        Create($$"""{"credential_type":"public_key","pem":{{JsonSerializer.Serialize(RfcPem)}}{{extra}}}""").Parse();

    [Fact]
    public void A_public_key_answers_201_with_its_JWK_thumbprint_as_kid_and_no_pem()
    {
        var response = Create($$"""{"credential_type":"public_key","name":"signing","pem":{{JsonSerializer.Serialize(RfcPem)}}}""");

        response.Status.Should().Be(201);
        var credential = response.Parse();
        credential.GetProperty("id").GetString().Should().MatchRegex("^cred_[A-Za-z0-9]{22}$");
        credential.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("id", "credential_type", "kid", "alg", "name", "created_at", "updated_at");
        credential.GetProperty("credential_type").GetString().Should().Be("public_key");
        credential.GetProperty("kid").GetString().Should().Be(RfcThumbprint);
        credential.GetProperty("alg").GetString().Should().Be("RS256");
        credential.GetProperty("name").GetString().Should().Be("signing");
        credential.GetProperty("created_at").GetString().Should().Be("2000-01-01T00:00:00.000Z");
        credential.GetProperty("updated_at").GetString().Should().Be("2000-01-01T00:00:00.000Z");
    }

    [Fact]
    public void The_same_key_gets_the_same_kid_and_a_chosen_kid_and_alg_are_kept()
    {
        CreatePublicKey().GetProperty("kid").GetString().Should().Be(CreatePublicKey().GetProperty("kid").GetString());

        var chosen = CreatePublicKey(""","kid":"my-key_0001","alg":"PS256","expires_at":"2030-01-02T03:04:05+01:00" """);

        chosen.GetProperty("kid").GetString().Should().Be("my-key_0001");
        chosen.GetProperty("alg").GetString().Should().Be("PS256");
        chosen.GetProperty("name").GetString().Should().BeEmpty();
        chosen.GetProperty("expires_at").GetString().Should().Be("2030-01-02T02:04:05.000Z");
    }

    [Fact]
    public void A_certificate_gives_a_public_key_its_key_and_its_expiry_when_asked()
    {
        var credential = Create($$"""{"credential_type":"public_key","pem":{{JsonSerializer.Serialize(CertificatePem)}},"parse_expiry_from_cert":true}""").Parse();

        credential.GetProperty("kid").GetString().Should().HaveLength(43);
        credential.GetProperty("expires_at").GetString().Should().Be("2031-05-06T07:08:09.000Z");
    }

    [Fact]
    public void An_x509_certificate_answers_with_its_thumbprint_instead_of_kid_and_alg()
    {
        var credential = Create($$"""{"credential_type":"x509_cert","pem":{{JsonSerializer.Serialize(CertificatePem)}}}""").Parse();

        credential.GetProperty("credential_type").GetString().Should().Be("x509_cert");
        credential.GetProperty("thumbprint_sha256").GetString().Should().Be(
            Base64Url.EncodeToString(SHA256.HashData(X509Certificate2.CreateFromPem(CertificatePem).RawData)));
        credential.TryGetProperty("kid", out _).Should().BeFalse();
        credential.TryGetProperty("alg", out _).Should().BeFalse();
        credential.TryGetProperty("pem", out _).Should().BeFalse();
    }

    [Fact]
    public void A_subject_dn_is_kept_or_read_from_the_certificate_and_never_given_with_a_pem()
    {
        Create("""{"credential_type":"cert_subject_dn","subject_dn":"CN=worker, O=Example"}""").Parse()
            .GetProperty("subject_dn").GetString().Should().Be("CN=worker, O=Example");
        Create($$"""{"credential_type":"cert_subject_dn","pem":{{JsonSerializer.Serialize(CertificatePem)}}}""").Parse()
            .GetProperty("subject_dn").GetString().Should().Be("CN=worker.example.com");

        var both = Create($$"""{"credential_type":"cert_subject_dn","subject_dn":"CN=x","pem":{{JsonSerializer.Serialize(CertificatePem)}}}""");

        both.Status.Should().Be(400);
        both.Parse().GetProperty("errorCode").GetString().Should().Be("invalid_body");
    }

    [Theory]
    [InlineData("""{"credential_type":"public_key","pem":"x","client_id":"y"}""", "Payload validation error: 'Additional properties not allowed: client_id'.")]
    [InlineData("""{"name":"x"}""", "Payload validation error: 'Missing required property: credential_type'.")]
    [InlineData("""{"credential_type":"jwk"}""", "Payload validation error: 'No enum match for: \"jwk\"' on property credential_type.")]
    [InlineData("""{"credential_type":"public_key","parse_expiry_from_cert":"yes"}""", "Payload validation error: 'Expected type boolean but found type string' on property parse_expiry_from_cert.")]
    [InlineData("""{"credential_type":"public_key","alg":"RS512"}""", "Payload validation error: 'No enum match for: \"RS512\"' on property alg.")]
    [InlineData("""{"credential_type":"public_key","kid":"short"}""", "Payload validation error: 'String is too short (5 chars), minimum 10' on property kid.")]
    [InlineData("""{"credential_type":"public_key","kid":"has spaces in it"}""", "Payload validation error: 'String does not match pattern ^([0-9a-zA-Z-_]{10,64})$: has spaces in it' on property kid.")]
    [InlineData("""{"credential_type":"cert_subject_dn","subject_dn":""}""", "Payload validation error: 'String is too short (0 chars), minimum 1' on property subject_dn.")]
    [InlineData("""{"credential_type":"public_key","expires_at":"tomorrow"}""", "Payload validation error: 'Object didn't pass validation for format date-time: tomorrow' on property expires_at.")]
    [InlineData("""{"credential_type":"public_key"}""", "Payload validation error: 'Missing required property: pem'.")]
    [InlineData("""{"credential_type":"public_key","pem":"not a key"}""", "Payload validation error: 'Expected an RSA public key or certificate in PEM format' on property pem.")]
    public void Bodies_break_Auth0s_schema_with_its_texts(string body, string message)
    {
        var response = Create(body);

        response.Status.Should().Be(400);
        response.Parse().GetProperty("message").GetString().Should().Be(message);
        _store.ClientCredentials.Of(_clientId).Should().BeEmpty();
    }

    [Fact]
    public void Lengths_of_name_and_subject_dn_are_Auth0s()
    {
        Create($$"""{"credential_type":"cert_subject_dn","subject_dn":"CN=x","name":"{{new string('n', 129)}}"}""").Parse().GetProperty("message").GetString()
            .Should().Be("Payload validation error: 'String is too long (129 chars), maximum 128' on property name.");
        Create($$"""{"credential_type":"cert_subject_dn","subject_dn":"{{new string('d', 257)}}"}""").Parse().GetProperty("message").GetString()
            .Should().Be("Payload validation error: 'String is too long (257 chars), maximum 256' on property subject_dn.");
        Create($$"""{"credential_type":"cert_subject_dn","subject_dn":"{{new string('d', 256)}}","name":"{{new string('n', 128)}}"}""").Status.Should().Be(201);
    }

    [Fact]
    public void Get_and_list_show_what_create_answered()
    {
        var created = CreatePublicKey();
        var id = created.GetProperty("id").GetString()!;

        _credentials.Get(_clientId, id).Parse().GetRawText().Should().Be(created.GetRawText());
        _credentials.List(_clientId).Parse().EnumerateArray().Select(c => c.GetRawText()).Should().Equal(created.GetRawText());
    }

    [Fact]
    public void Patch_sets_or_clears_the_expiry_only_and_bumps_updated_at()
    {
        var id = CreatePublicKey().GetProperty("id").GetString()!;
        _time.Advance(TimeSpan.FromSeconds(90));

        var response = _credentials.Update(Json("PATCH", "/", """{"expires_at":"2030-01-01T00:00:00Z"}"""), _clientId, id);

        response.Status.Should().Be(200);
        var patched = response.Parse();
        patched.GetProperty("expires_at").GetString().Should().Be("2030-01-01T00:00:00.000Z");
        patched.GetProperty("created_at").GetString().Should().Be("2000-01-01T00:00:00.000Z");
        patched.GetProperty("updated_at").GetString().Should().Be("2000-01-01T00:01:30.000Z");
        _credentials.Update(Json("PATCH", "/", """{"expires_at":null}"""), _clientId, id).Parse().TryGetProperty("expires_at", out _).Should().BeFalse();
        _credentials.Get(_clientId, id).Parse().TryGetProperty("expires_at", out _).Should().BeFalse();
        _credentials.Update(Json("PATCH", "/", "{}"), _clientId, id).Parse().GetProperty("message").GetString()
            .Should().Be("Payload validation error: 'Too few properties defined (0), minimum 1'.");
        _credentials.Update(Json("PATCH", "/", """{"name":"x"}"""), _clientId, id).Parse().GetProperty("message").GetString()
            .Should().Be("Payload validation error: 'Additional properties not allowed: name'.");
    }

    [Fact]
    public void Unknown_clients_and_credentials_answer_404_and_delete_is_idempotent()
    {
        var id = CreatePublicKey().GetProperty("id").GetString()!;
        const string patch = """{"expires_at":null}""";

        _credentials.List("nobody").BodyText.Should().Be("""{"statusCode":404,"error":"Not Found","message":"Client not found","errorCode":"inexistent_client"}""");
        Create("""{"credential_type":"cert_subject_dn","subject_dn":"CN=x"}""", "nobody").Status.Should().Be(404);
        _credentials.Get(_clientId, "cred_unknown").BodyText.Should().Be(
            """{"statusCode":404,"error":"Not Found","message":"Credential does not exist","errorCode":"inexistent_credential"}""");
        _credentials.Update(Json("PATCH", "/", patch), _clientId, "cred_unknown").Status.Should().Be(404);
        _credentials.Update(Json("PATCH", "/", patch), "nobody", id).Status.Should().Be(404);

        _credentials.Delete(_clientId, id).Status.Should().Be(204);
        _credentials.Delete(_clientId, id).Status.Should().Be(204);
        _credentials.Delete("nobody", id).Status.Should().Be(204);
        _credentials.Get(_clientId, id).Status.Should().Be(404);
    }

    [Fact]
    public void Deleting_the_client_removes_its_credentials()
    {
        CreatePublicKey();
        var version = _store.Version;

        new ClientsEndpoint(_store).Delete(_clientId);

        _store.ClientCredentials.Of(_clientId).Should().BeEmpty();
        _store.Version.Should().BeGreaterThan(version);
    }

    private static string PublicKeyPem(string modulus)
    {
        using var key = RSA.Create();
        key.ImportParameters(new RSAParameters { Modulus = Base64Url.DecodeFromChars(modulus), Exponent = [1, 0, 1] });
        return key.ExportSubjectPublicKeyInfoPem();
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=worker.example.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(CertificateExpiry.AddYears(-1), CertificateExpiry);
    }
}
