using System.Text.Json;
using Auth0ApiKit.Diagnostics;

namespace Auth0ApiKit.Tests.Diagnostics;

public class RedactorTests
{
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
