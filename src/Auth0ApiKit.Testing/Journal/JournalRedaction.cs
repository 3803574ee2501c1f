using Auth0ApiKit.Wire;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Auth0ApiKit.Diagnostics;
using Auth0ApiKit.Testing.Endpoints;

namespace Auth0ApiKit.Testing.Journal;

/// <summary>
/// Takes the secrets out of a request and its answer before the journal keeps them. Field names are matched after decoding, as the
/// endpoints read them: a query or form parameter's name after percent-decoding, a JSON member's after unescaping, in
/// any letter case, at any depth, repeated or not; a secret-named field keeps its name and loses its whole value. The
/// text patterns of <see cref="Redactor"/> then run over what is left (tokens and credentials in other values).
/// </summary>
internal static partial class JournalRedaction
{
    private const string FormMediaType = "application/x-www-form-urlencoded";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Whether a field of this (decoded) name holds a secret: the SDK's secret fields, and the authorization-code
    /// flow's <c>code</c>, which only the journal treats as one (an error body's <c>code</c> is no secret).
    /// </summary>
    public static bool IsSecretField(ReadOnlySpan<char> name) =>
        Redactor.IsSecretField(name) || name.Equals("code", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The path and decoded query: each secret-named parameter masked whole after decoding (so a secret holding
    /// <c>&amp;</c> or a space cannot slip past), the other names and values redacted.
    /// </summary>
    public static string PathAndQuery(FakeRequest request)
    {
        var path = Redactor.Redact(request.Path) ?? string.Empty;
        if (request.Query.Count == 0)
        {
            return path;
        }

        var parameters = request.Query.AllKeys.OfType<string>().SelectMany(name => (request.Query.GetValues(name) ?? [])
            .Select(value => $"{Redactor.Redact(name)}={(IsSecretField(name) ? Redactor.Mask : Redactor.Redact(value))}"));
        return path + "?" + string.Join('&', parameters);
    }

    /// <summary>The headers; credentials keep only their scheme.</summary>
    public static Dictionary<string, string> Headers(FakeRequest request) =>
        request.Headers.ToDictionary(h => h.Key, h => Redactor.RedactHeader(h.Key, h.Value), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The body as the journal keeps it: a form or JSON body as sent, unless a secret had to go (a form then keeps
    /// every other parameter as sent; JSON is written again, compact, with decoded names). A body that is neither
    /// readable form data nor JSON is withheld whole when, decoded, it names a secret field anywhere.
    /// </summary>
    public static string RequestBody(FakeRequest request)
    {
        if (request.Body.Length == 0)
        {
            return string.Empty;
        }

        var text = request.BodyText;
        var kept = request.MediaType == FormMediaType ? Form(text) : Json(request.Body, text);
        if (kept is not null)
        {
            return Redactor.Redact(kept) ?? string.Empty;
        }

        return NamesSecretField(text)
            ? string.Create(CultureInfo.InvariantCulture, $"{Redactor.Mask} ({request.Body.Length} bytes withheld: an unreadable body that names a secret field)")
            : Redactor.Redact(text) ?? string.Empty;
    }

    /// <summary>
    /// The answer's body. The fake writes every answer itself, with plain names and unescaped values, so
    /// <see cref="Redactor"/>'s text patterns see each secret string as it stands; only a nested body (one that
    /// echoes stored data) can hold an object or array under a secret name, and only that one is read as JSON first.
    /// </summary>
    public static string ResponseBody(FakeResponse? response)
    {
        if (response is null || response.Body.Length == 0)
        {
            return string.Empty;
        }

        var text = response.BodyText;
        var nested = response.Body.AsSpan(1).IndexOfAny((byte)'{', (byte)'[') >= 0;
        return Redactor.Redact((nested ? Json(response.Body, text) : null) ?? text) ?? string.Empty;
    }

    /// <summary>
    /// Form data with each secret-named parameter's value masked; every other parameter stays as sent. Names are
    /// decoded as the endpoints decode them, and only when they hold an escape: a body without secrets is not copied.
    /// </summary>
    private static string Form(string text)
    {
        var kept = text;
        for (var start = 0; start <= kept.Length;)
        {
            var end = kept.IndexOf('&', start);
            end = end < 0 ? kept.Length : end;
            var separator = kept.IndexOf('=', start, end - start);
            if (separator >= 0 && IsSecretName(kept.AsSpan(start, separator - start)))
            {
                // One copy per secret: bodies hold one or none.
                kept = string.Concat(kept.AsSpan(0, separator + 1), Redactor.Mask, kept.AsSpan(end));
                end = separator + 1 + Redactor.Mask.Length;
            }

            start = end + 1;
        }

        return kept;
    }

    private static bool IsSecretName(ReadOnlySpan<char> name) =>
        IsSecretField(name.ContainsAny('%', '+') ? FakeRequest.Decode(name.ToString()) : name);

    /// <summary>
    /// A JSON body with every secret-named member's value masked (<see langword="null"/> stays); written again when
    /// a value was masked or an escape could hide one from the text patterns. <see langword="null"/> when it is not JSON.
    /// </summary>
    private static string? Json(byte[] body, string text)
    {
        using var document = WireJson.TryParse(body);
        if (document is null)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(body.Length);
        bool masked;
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            masked = Write(document.RootElement, writer);
        }

        return masked || text.Contains('\\', StringComparison.Ordinal) ? Encoding.UTF8.GetString(buffer.WrittenSpan) : text;
    }

    /// <summary>Writes <paramref name="element"/> with secret-named members masked; whether any was.</summary>
    private static bool Write(JsonElement element, Utf8JsonWriter writer)
    {
        var masked = false;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    if (IsSecretField(member.Name) && member.Value.ValueKind != JsonValueKind.Null)
                    {
                        writer.WriteStringValue(Redactor.Mask);
                        masked = true;
                    }
                    else
                    {
                        masked |= Write(member.Value, writer);
                    }
                }

                writer.WriteEndObject();
                return masked;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    masked |= Write(item, writer);
                }

                writer.WriteEndArray();
                return masked;
            default:
                element.WriteTo(writer);
                return false;
        }
    }

    /// <summary>Whether text, once percent-decoded and JSON-unescaped, holds a secret field's name as a word.</summary>
    private static bool NamesSecretField(string text)
    {
        var decoded = JsonEscape().Replace(FakeRequest.Decode(text),
            m => ((char)int.Parse(m.Groups["hex"].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
        return Word().Matches(decoded).Any(word => IsSecretField(word.Value));
    }

    [GeneratedRegex(@"\\u(?<hex>[0-9A-Fa-f]{4})", RegexOptions.CultureInvariant)]
    private static partial Regex JsonEscape();

    [GeneratedRegex("[A-Za-z0-9_]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
