using System.Collections.Specialized;
using System.Text;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>A request as the transport-free endpoints see it: no sockets, no HttpClient, only the parts that matter.</summary>
internal sealed class FakeRequest
{
    public FakeRequest(string method, string path, string query, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Method = method.ToUpperInvariant();
        Path = path;
        Query = ParseForm(query.TrimStart('?'));
        Headers = headers;
        Body = body;
        MediaType = headers.TryGetValue("Content-Type", out var type) ? type.Split(';')[0].Trim().ToLowerInvariant() : string.Empty;
    }

    /// <summary>The HTTP method in upper case.</summary>
    public string Method { get; }

    /// <summary>The raw (still percent-encoded) path, relative to the tenant's base address, starting with <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>The decoded query parameters; a parameter may repeat.</summary>
    public NameValueCollection Query { get; }

    /// <summary>The headers, case-insensitive by name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body bytes (empty when there is none).</summary>
    public byte[] Body { get; }

    /// <summary>The media type of the body, without parameters, in lower case; empty when absent.</summary>
    public string MediaType { get; }

    /// <summary>The value of a header, or <see langword="null"/>.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Decodes <c>application/x-www-form-urlencoded</c> text (a query, or a form body); a name may repeat.</summary>
    public static NameValueCollection ParseForm(string text)
    {
        var result = new NameValueCollection(StringComparer.Ordinal);
        foreach (var (name, value) in FormPairs(text))
        {
            result.Add(name, value);
        }

        return result;
    }

    /// <summary>Decodes form text into its parameters, the first value of a repeated one counting, as OAuth endpoints read a form.</summary>
    public static Dictionary<string, string> ParseFormFirstValues(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in FormPairs(text))
        {
            result.TryAdd(name, value);
        }

        return result;
    }

    private static IEnumerable<(string Name, string Value)> FormPairs(string text)
    {
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? string.Empty : pair[(separator + 1)..];
            yield return (Decode(name), Decode(value));
        }
    }

    /// <summary>Decodes one form-encoded value (<c>+</c> is a space).</summary>
    public static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
