using System.Text;

namespace Auth0ApiKit.Diagnostics;

/// <summary>
/// The route template of a request to Auth0, for telemetry: <c>/api/v2/resource-servers/{id}</c> rather than the raw
/// path, so that identifiers (which may be URLs of a customer's APIs) never become tags and cardinality stays low.
/// </summary>
internal static class RouteTemplate
{
    private const string ManagementRoot = "/api/v2/";

    /// <summary>
    /// The template of <paramref name="uri"/>'s path: under <c>/api/v2/</c> collections are kept and every segment after
    /// a collection becomes <c>{id}</c>; any other path (<c>/oauth/token</c>, the JWKS) has no identifiers and is kept.
    /// </summary>
    public static string Of(Uri? uri)
    {
        var path = uri is null ? "/" : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', '#')[0];
        var root = path.IndexOf(ManagementRoot, StringComparison.Ordinal);
        if (root < 0)
        {
            return path;
        }

        var segments = path[(root + ManagementRoot.Length)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var template = new StringBuilder(ManagementRoot.TrimEnd('/'));
        for (var i = 0; i < segments.Length; i++)
        {
            template.Append('/').Append(i % 2 == 0 ? segments[i] : "{id}");
        }

        return template.ToString();
    }
}
