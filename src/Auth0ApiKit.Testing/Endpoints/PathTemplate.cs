namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// A Management API path template under <c>/api/v2</c>, such as <c>/clients/{id}/credentials</c>: literal segments
/// match themselves, a <c>{parameter}</c> matches any one non-empty segment. Matching allocates nothing.
/// </summary>
internal sealed class PathTemplate
{
    private readonly string?[] _segments;

    public PathTemplate(string template)
    {
        Template = template;
        _segments = [.. template.Trim('/').Split('/').Select(s => s.StartsWith('{') ? null : s)];
    }

    /// <summary>The template as written, such as <c>/clients/{id}</c>.</summary>
    public string Template { get; }

    /// <summary>How many segments are literal (not parameters).</summary>
    public int Literals => _segments.Count(s => s is not null);

    /// <summary>The first segment (the resource), such as <c>clients</c>.</summary>
    public string Resource => _segments[0]!;

    /// <summary>Whether <paramref name="segments"/> (the decoded path segments after <c>api/v2</c>) fit this template.</summary>
    public bool Matches(ReadOnlySpan<string> segments)
    {
        if (segments.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (_segments[i] is { } literal ? !string.Equals(literal, segments[i], StringComparison.Ordinal) : segments[i].Length == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Template;
}
