namespace Auth0ApiKit.Testing.Faults;

/// <summary>
/// Matches requests by method and path: <c>POST /api/v2/resource-servers</c>, <c>* /api/v2/clients/*</c>.
/// <c>*</c> as the method matches any; <c>*</c> as a path segment matches one segment; <c>**</c> at the end matches the rest
/// (anywhere else it is refused: it would match everything after it, which is not what it says).
/// </summary>
internal sealed class RouteTemplate
{
    private readonly string _method;
    private readonly string[] _segments;

    public RouteTemplate(string method, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _method = method.Trim().ToUpperInvariant();
        _segments = path.Trim().Trim('/').Split('/');
        if (Array.IndexOf(_segments, "**") is var index && index >= 0 && index < _segments.Length - 1)
        {
            throw new ArgumentException($"A route may hold '**' only as the last segment (the rest of the path), not in '{path}'.", nameof(path));
        }

        Text = $"{_method} /{string.Join('/', _segments)}";
    }

    public string Text { get; }

    public bool Matches(string method, string path)
    {
        if (_method != "*" && !string.Equals(_method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var segments = path.Trim('/').Split('/');
        for (var i = 0; i < _segments.Length; i++)
        {
            if (_segments[i] == "**")
            {
                return true;
            }

            if (i >= segments.Length || (_segments[i] != "*" && !string.Equals(_segments[i], segments[i], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return segments.Length == _segments.Length;
    }

    public override string ToString() => Text;
}
