using System.Text.Json;
using Auth0ApiKit.Diagnostics;

namespace Auth0ApiKit.Tests.Diagnostics;

public class RedactorTests
{
    private const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    [Theory]
    [InlineData("""{"client_secret":"s3cr3t-value","name":"x"}""", """{"client_secret":"***","name":"x"}""")]
    [InlineData("""{"signing_secret" : "abc\"def"}""", """{"signing_secret" : "***"}""")]
    [InlineData("""{"access_token":"abc","refresh_token":"def"}""", """{"access_token":"***","refresh_token":"***"}""")]
    [InlineData("{\"client_secret\":\"cut-off-befo", "{\"client_secret\":\"***\"")]
    [InlineData("grant_type=client_credentials&client_secret=s3cr3t&audience=x", "grant_type=client_credentials&client_secret=***&audience=x")]
    [InlineData("Authorization: Basic dXNlcjpwYXNz", "Authorization: Basic ***")]
    [InlineData("Bearer abc.def.ghi", "Bearer ***")]
    [InlineData("token " + Jwt + " end", "token *** end")]
    [InlineData("cut eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4", "cut ***")]
    [InlineData("nothing secret here", "nothing secret here")]
    public void Secrets_credentials_and_tokens_are_masked(string text, string expected)
    {
        Redactor.Redact(text).Should().Be(expected);
    }

    [Fact]
    public void Headers_keep_only_the_scheme_of_credentials()
    {
        Redactor.RedactHeader("Authorization", "Bearer " + Jwt).Should().Be("Bearer ***");
        Redactor.RedactHeader("Proxy-Authorization", "opaque").Should().Be("***");
        Redactor.RedactHeader("Content-Type", "application/json").Should().Be("application/json");
    }

    [Fact]
    public void Excerpts_are_redacted_then_cut()
    {
        var excerpt = Redactor.Excerpt("{\"client_secret\":\"abcdef\",\"pad\":\"" + new string('x', 500) + "\"}", 40);

        excerpt.Should().StartWith("""{"client_secret":"***""").And.HaveLength(41).And.EndWith("…");
        Redactor.Redact(null).Should().BeNull();
    }

    [Fact]
    public void Replaces_a_secret_JSON_field_value_whole_and_keeps_the_JSON_valid()
    {
        const string body = """{"access_token":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln","scope":"read:orders","refresh_token":"a\"b"}""";

        var redacted = Redactor.Redact(body);

        redacted.Should().Be("""{"access_token":"***","scope":"read:orders","refresh_token":"***"}""");
        var parse = () => JsonDocument.Parse(redacted!).Dispose();
        parse.Should().NotThrow();
    }
}
