using System.Text.Json;
using F = Auth0ApiKit.Wire.UserFields;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// The part of Auth0's user search (<c>q</c>, Lucene syntax, search engine v3) the fake understands: terms
/// <c>field:value</c> or <c>field:"quoted value"</c>, joined by spaces or <c>AND</c> (all must match), a trailing
/// <c>*</c> for a prefix; <c>field</c> may be a dotted path (<c>identities.connection</c>, <c>app_metadata.plan</c>).
/// Values of the normalized fields (email, names, nickname) match in any letter case, others exactly.
/// </summary>
internal sealed class UserQuery
{
    private static readonly HashSet<string> Normalized = new(StringComparer.Ordinal) { F.Email, F.Name, F.Nickname, F.GivenName, F.FamilyName };

    private readonly List<(string[] Path, string Value, bool Prefix)> _terms;

    private UserQuery(List<(string[] Path, string Value, bool Prefix)> terms) => _terms = terms;

    /// <summary>Whether the query has no terms (every user matches).</summary>
    public bool IsEmpty => _terms.Count == 0;

    /// <summary>The query in <paramref name="text"/>, or <see langword="null"/> when it is not one the fake understands.</summary>
    public static UserQuery? Parse(string? text)
    {
        var terms = new List<(string[], string, bool)>();
        var rest = (text ?? string.Empty).AsSpan().Trim();
        while (!rest.IsEmpty)
        {
            var colon = rest.IndexOf(':');
            var space = rest.IndexOfAny(' ', '\t');
            if (space >= 0 && (colon < 0 || space < colon) && rest[..space] is "AND")
            {
                rest = rest[space..].TrimStart();
                continue;
            }

            if (colon <= 0 || (space >= 0 && space < colon))
            {
                return null;
            }

            var field = rest[..colon].ToString();
            rest = rest[(colon + 1)..];
            string value;
            if (rest.StartsWith('"'))
            {
                var close = rest[1..].IndexOf('"');
                if (close < 0)
                {
                    return null;
                }

                value = rest.Slice(1, close).ToString();
                rest = rest[(close + 2)..];
            }
            else
            {
                var end = rest.IndexOfAny(' ', '\t');
                end = end < 0 ? rest.Length : end;
                value = rest[..end].ToString();
                rest = rest[end..];
            }

            if (value.Length == 0 || (!rest.IsEmpty && !char.IsWhiteSpace(rest[0])))
            {
                return null;
            }

            var prefix = value.EndsWith('*');
            terms.Add((field.Split('.'), prefix ? value[..^1] : value, prefix));
            rest = rest.TrimStart();
        }

        return new UserQuery(terms);
    }

    /// <summary>Whether the user (as the wire writes it) matches every term.</summary>
    public bool Matches(JsonElement user)
    {
        foreach (var (path, value, prefix) in _terms)
        {
            var comparison = path.Length == 1 && Normalized.Contains(path[0]) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (!AnyValue(user, path, found => prefix ? found.StartsWith(value, comparison) : found.Equals(value, comparison)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text of the first value at a dotted path (a string's text, other values as JSON), or <see langword="null"/>.</summary>
    public static string? ValueAt(JsonElement user, string[] path)
    {
        string? first = null;
        AnyValue(user, path, found => (first = found) is not null);
        return first;
    }

    /// <summary>Whether any value at the path (through arrays) satisfies <paramref name="test"/>.</summary>
    private static bool AnyValue(JsonElement node, ReadOnlySpan<string> path, Func<string, bool> test)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                if (AnyValue(item, path, test))
                {
                    return true;
                }
            }

            return false;
        }

        if (path.IsEmpty)
        {
            return node.ValueKind switch
            {
                JsonValueKind.String => test(node.GetString()!),
                JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object => false,
                _ => test(node.GetRawText()),
            };
        }

        return node.ValueKind == JsonValueKind.Object && node.TryGetProperty(path[0], out var child) && AnyValue(child, path[1..], test);
    }
}
