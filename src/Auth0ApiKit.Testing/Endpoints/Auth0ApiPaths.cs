namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// Every operation of Auth0's Management API, as Auth0's OpenAPI document lists it (<c>Auth0ApiPaths.g.cs</c>, written
/// by <c>eng/generate-auth0-api-paths.py</c>), so that the fake can tell a path Auth0 has but the fake does not model
/// (answered 403 <c>insufficient_scope</c>) from one Auth0 does not have (404). Built on first use: requests the fake
/// models never touch it.
/// </summary>
internal static partial class Auth0ApiPaths
{
    /// <summary>The operations by their first path segment, those with more literal segments first.</summary>
    private static readonly Dictionary<string, Auth0ApiOperation[]> ByResource = Operations()
        .Select(o => new Auth0ApiOperation(o.Method, new PathTemplate(o.Template), o.Scopes))
        .GroupBy(o => o.Path.Resource, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.Path.Literals).ToArray(), StringComparer.Ordinal);

    /// <summary>The number of operations in the catalogue.</summary>
    public static int Count { get; } = ByResource.Values.Sum(o => o.Length);

    /// <summary>Auth0's operation that <paramref name="method"/> and the path <paramref name="segments"/> (after <c>api/v2</c>) name, or <see langword="null"/>.</summary>
    public static Auth0ApiOperation? Find(string method, ReadOnlySpan<string> segments)
    {
        if (segments.IsEmpty || !ByResource.TryGetValue(segments[0], out var candidates))
        {
            return null;
        }

        foreach (var operation in candidates)
        {
            if (operation.Method == method && operation.Path.Matches(segments))
            {
                return operation;
            }
        }

        return null;
    }
}

/// <summary>One operation of Auth0's Management API: method, path template, and the scopes (comma and space separated) of which any one is needed.</summary>
internal sealed record Auth0ApiOperation(string Method, PathTemplate Path, string Scopes)
{
    /// <summary>How the operation reads in a header or a message: <c>GET /api/v2/rules</c>.</summary>
    public string Name { get; } = $"{Method} /api/v2{Path.Template}";
}
