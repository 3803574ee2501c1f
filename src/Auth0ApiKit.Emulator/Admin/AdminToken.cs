using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Auth0ApiKit.Emulator.Admin;

/// <summary>
/// The per-run secret that every admin request carries as <c>Authorization: Bearer &lt;token&gt;</c>: 32 random bytes in
/// base64url unless <c>--admin-token</c> fixes it. Printed at start and written to the credentials file, never logged
/// and never in an error message.
/// </summary>
internal static class AdminToken
{
    /// <summary>The shortest token <c>--admin-token</c> accepts.</summary>
    public const int MinLength = 32;

    /// <summary>The longest token <c>--admin-token</c> accepts.</summary>
    public const int MaxLength = 256;

    /// <summary>The rule a fixed token must follow, as the command line states it.</summary>
    public const string Rule = "32 to 256 characters from A-Z, a-z, 0-9, '-', '_', '.' and '~'";

    /// <summary>A new random token: 32 bytes from the system's cryptographic generator, base64url (43 characters).</summary>
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether <paramref name="token"/> can be a token: <see cref="Rule"/> (safe in a header, a URL and a shell).</summary>
    public static bool IsWellFormed(string token) =>
        token.Length is >= MinLength and <= MaxLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~');

    /// <summary>
    /// Whether an <c>Authorization</c> header carries <paramref name="token"/> as a bearer token; compared in constant
    /// time, so that the time taken tells nothing about how much of a guess was right.
    /// </summary>
    public static bool IsCarriedBy(string? authorization, string token)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
