using System.Security.Claims;
using T = Auth0ApiKit.Wire.AccessTokenFields;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// Reads Auth0's <c>scope</c> and <c>permissions</c> claims from claims, the one reader behind
/// <see cref="AccessTokenValidationResult"/> and the ASP.NET Core scope and permission requirements, so that a token
/// means the same in both. Token handlers turn Auth0's <c>permissions</c> array into one string claim per element; a
/// claim is taken as it is and never parsed, however much it looks like JSON: a string <c>"[\"delete:orders\"]"</c>
/// grants nothing, and neither does a claim of any other value type (a nested array, an object).
/// </summary>
internal static class AccessTokenClaimReader
{
    /// <summary>
    /// The granted scopes in token order, without repeats: every string <c>scope</c> claim split on spaces, as Auth0
    /// writes it (<c>"read:orders write:orders"</c>).
    /// </summary>
    public static IReadOnlyList<string> Scopes(IEnumerable<Claim> claims) =>
        Distinct(claims, T.Scope, value => value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The permissions in token order, without repeats: each string <c>permissions</c> claim is one permission, taken as it is.</summary>
    public static IReadOnlyList<string> Permissions(IEnumerable<Claim> claims) =>
        Distinct(claims, T.Permissions, value => value.Length == 0 ? [] : [value]);

    private static List<string> Distinct(IEnumerable<Claim> claims, string type, Func<string, string[]> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var claim in claims)
        {
            if (claim.Type != type || claim.ValueType != ClaimValueTypes.String)
            {
                continue;
            }

            foreach (var value in values(claim.Value))
            {
                if (seen.Add(value))
                {
                    found.Add(value);
                }
            }
        }

        return found;
    }
}
