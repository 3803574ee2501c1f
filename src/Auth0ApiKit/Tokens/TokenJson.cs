using System.Text.Encodings.Web;
using System.Text.Json;

namespace Auth0ApiKit.Tokens;

/// <summary>How tokens, keys and key sets are written: as Auth0 writes them, without HTML-oriented escaping (a JWT
/// or JWKS is never embedded in HTML), so that <c>at+jwt</c> and base64 certificates read as they are.</summary>
internal static class TokenJson
{
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
