using System.Text.RegularExpressions;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Diagnostics;

/// <summary>
/// Removes secrets from text that may reach a log, an exception message or a journal: the values of the fields
/// <c>client_secret</c>, <c>signing_secret</c>, <c>access_token</c>, <c>refresh_token</c>, <c>id_token</c>,
/// <c>password</c> and <c>client_assertion</c> (JSON and form data), Basic and Bearer credentials, and anything
/// shaped like a JWT.
/// </summary>
internal static partial class Redactor
{
    /// <summary>What a removed secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Redacts <paramref name="text"/>; <see langword="null"/> stays <see langword="null"/>.</summary>
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // A value cut off before its closing quote (a truncated body) is redacted all the same.
        var redacted = JsonSecretField().Replace(text, m => m.Groups["prefix"].Value + "\"" + Mask + "\"");
        redacted = FormSecretField().Replace(redacted, m => m.Groups["prefix"].Value + Mask);
        redacted = Credentials().Replace(redacted, m => m.Groups["scheme"].Value + " " + Mask);
        return JwtShaped().Replace(redacted, Mask);
    }

    /// <summary>Redacts an HTTP header value: credentials keep only their scheme.</summary>
    public static string RedactHeader(string name, string value) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
            ? (value.Split(' ', 2) is [var scheme, _] ? scheme + " " + Mask : Mask)
            : Redact(value)!;

    /// <summary>The first <paramref name="maxLength"/> characters of the redacted text, marked when cut.</summary>
    public static string Excerpt(string? text, int maxLength = 200)
    {
        var redacted = Redact(text) ?? string.Empty;
        return redacted.Length <= maxLength ? redacted : redacted[..maxLength] + "…";
    }

    /// <summary>The names of the fields whose values are secrets: the one list every pattern below uses.</summary>
    private const string SecretFields =
        ClientFields.ClientSecret + "|" + ResourceServerFields.SigningSecret + "|" + TokenRequestFields.AccessToken + "|" +
        TokenRequestFields.RefreshToken + "|id_token|password|client_assertion";

    /// <summary>Whether a JSON or form field of this name holds a secret.</summary>
    public static bool IsSecretField(string name) => SecretFieldName().IsMatch(name);

    [GeneratedRegex("^(?:" + SecretFields + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretFieldName();

    [GeneratedRegex("(?<prefix>\"(?:" + SecretFields + """)"\s*:\s*)"(?:[^"\\]|\\.)*(?:"|$)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonSecretField();

    [GeneratedRegex("(?<prefix>(?:^|[?&])(?:" + SecretFields + """)=)[^&\s]*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormSecretField();

    [GeneratedRegex("""(?<scheme>\b(?:Basic|Bearer))\s+[A-Za-z0-9\-._~+/]+=*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credentials();

    [GeneratedRegex("""eyJ[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){0,2}""", RegexOptions.CultureInvariant)]
    private static partial Regex JwtShaped();
}
