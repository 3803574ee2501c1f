using System.Globalization;
using System.Text;

namespace Auth0ApiKit.Sync;

/// <summary>Text in double quotes, escaped so that it reads the same in a plan and compiles the same in C#.</summary>
internal static class Literals
{
    /// <summary>
    /// <paramref name="value"/> in double quotes with <c>\</c>, <c>"</c>, control characters and line separators
    /// escaped (<c>\n</c>, <c>\u2028</c>): a valid C# string literal and JSON string, on one line.
    /// </summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' =>
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }
}
