using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Diagnostics;

/// <summary>
/// Removes secrets from text that may reach a log, an exception message or a journal: the values of the fields
/// <c>client_secret</c>, <c>signing_secret</c>, <c>access_token</c>, <c>refresh_token</c>, <c>id_token</c>,
/// <c>password</c>, <c>client_assertion</c> and <c>code_verifier</c> (in JSON, form data, a repr or XML, also under names whose underscore is
/// escaped), Basic and Bearer credentials, anything shaped like a JWT, and, where the caller knows them, the literal
/// secrets it sent in every encoding a server could echo them in.
/// </summary>
internal static partial class Redactor
{
    /// <summary>What a removed secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Redacts <paramref name="text"/>; <see langword="null"/> stays <see langword="null"/>.</summary>
    public static string? Redact(string? text) => Redact(text, literals: null);

    /// <summary>
    /// Redacts <paramref name="text"/>, and first every form in which a server could echo one of
    /// <paramref name="literals"/> (the secrets and tokens the caller sent): as is, percent-, form-, HTML- or
    /// JSON-encoded, or in base64. <see langword="null"/> stays <see langword="null"/>.
    /// </summary>
    public static string? Redact(string? text, IReadOnlyList<string>? literals)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var redacted = literals is { Count: > 0 } ? ScrubLiterals(text, literals) : text;

        // A value cut off before its closing quote (a truncated body) is redacted all the same.
        redacted = QuotedSecretField().Replace(redacted, m => m.Groups["prefix"].Value + m.Groups["quote"].Value + Mask + m.Groups["quote"].Value);
        redacted = BareSecretField().Replace(redacted, m => m.Groups["prefix"].Value + Mask);
        redacted = XmlSecretElement().Replace(redacted, m => m.Groups["prefix"].Value + Mask);
        redacted = Credentials().Replace(redacted, m => m.Groups["scheme"].Value + " " + Mask);
        return JwtShaped().Replace(redacted, Mask);
    }

    /// <summary>Redacts an HTTP header value: credentials keep only their scheme.</summary>
    public static string RedactHeader(string name, string value) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
            ? (value.Split(' ', 2) is [var scheme, _] ? scheme + " " + Mask : Mask)
            : Redact(value)!;

    /// <summary>The first <paramref name="maxLength"/> characters of the redacted text, marked when cut.</summary>
    public static string Excerpt(string? text, int maxLength = 200) => Excerpt(text, maxLength, literals: null);

    /// <summary>The first <paramref name="maxLength"/> characters of the text redacted with <paramref name="literals"/> scrubbed, marked when cut.</summary>
    public static string Excerpt(string? text, int maxLength, IReadOnlyList<string>? literals)
    {
        var redacted = Redact(text, literals) ?? string.Empty;
        return redacted.Length <= maxLength ? redacted : redacted[..maxLength] + "…";
    }

    /// <summary>The shortest literal scrubbed: shorter values would mask ordinary words.</summary>
    private const int MinLiteralLength = 4;

    private static string ScrubLiterals(string text, IReadOnlyList<string> literals)
    {
        var forms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var literal in literals)
        {
            if (literal.Length < MinLiteralLength)
            {
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(literal);
            forms.UnionWith(
            [
                literal,
                Uri.EscapeDataString(literal),
                WebUtility.UrlEncode(literal),
                WebUtility.HtmlEncode(literal),
                JsonEncodedText.Encode(literal).ToString(),
                JsonEncodedText.Encode(literal, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
                Convert.ToBase64String(bytes),
                Base64Url.EncodeToString(bytes),
            ]);
        }

        // Longest first, so that no form is left half-masked by a shorter one inside it.
        foreach (var form in forms.OrderByDescending(f => f.Length))
        {
            text = text.Replace(form, Mask, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    /// <summary>The names of the fields whose values are secrets: the one list every pattern below uses.</summary>
    private const string SecretFields =
        ClientFields.ClientSecret + "|" + ResourceServerFields.SigningSecret + "|" + TokenRequestFields.AccessToken + "|" +
        TokenRequestFields.RefreshToken + "|id_token|password|client_assertion|code_verifier";

    /// <summary>Whether a JSON or form field of this name holds a secret.</summary>
    public static bool IsSecretField(ReadOnlySpan<char> name) => SecretFieldName().IsMatch(name);

    [GeneratedRegex("^(?:" + SecretFields + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretFieldName();

    /// <summary>An underscore in a field name, also percent- or JSON-escaped (<c>client%5Fsecret</c>, <c>client\u005fsecret</c>).</summary>
    private const string Underscore = @"(?:_|%5F|\\u005F)";

    /// <summary><see cref="SecretFields"/> as a pattern that also matches names whose underscore is escaped.</summary>
    private const string EscapedSecretFields =
        "client" + Underscore + "secret|signing" + Underscore + "secret|access" + Underscore + "token|refresh" + Underscore + "token|id" +
        Underscore + "token|password|client" + Underscore + "assertion|code" + Underscore + "verifier";

    /// <summary>A quoted value after a quoted name and <c>:</c> or <c>=</c>: JSON, a repr, a config line. It starts at a quote, which keeps the search fast.</summary>
    [GeneratedRegex("""(?<prefix>["'](?:""" + EscapedSecretFields + """)["']\s*[:=]\s*)(?:(?<quote>")(?:[^"\\]|\\.)*(?:"|$)|(?<quote>')(?:[^'\\]|\\.)*(?:'|$))""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuotedSecretField();

    /// <summary>
    /// An unquoted value after <c>name=</c> at the start, after <c>?</c>, <c>&amp;</c>, <c>(</c>, <c>,</c>, <c>;</c> or white
    /// space: form data, a query, a repr, a log line. A value already masked is left alone, so that text with nothing
    /// more to hide comes back as the same string.
    /// </summary>
    [GeneratedRegex("""(?<prefix>(?:^|[?&(,;\s])(?:""" + EscapedSecretFields + """)\s*=\s*)(?!["']|\*\*\*(?:[&\s,;)<]|$))[^&\s,;)<]*""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareSecretField();

    /// <summary>The text of an XML or HTML element named after a secret field.</summary>
    [GeneratedRegex("""(?<prefix><(?:""" + EscapedSecretFields + """)(?:\s[^>]*)?>)[^<]*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlSecretElement();

    [GeneratedRegex("""(?<scheme>\b(?:Basic|Bearer))\s+[A-Za-z0-9\-._~+/]+=*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credentials();

    [GeneratedRegex("""eyJ[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){0,2}""", RegexOptions.CultureInvariant)]
    private static partial Regex JwtShaped();
}
