using System.Net;

namespace Auth0ApiKit.Management;

/// <summary>
/// Credentials never follow a redirect. Auth0 never redirects its token endpoint, its Management API or its JWKS, so
/// every handler that carries Auth0 credentials has automatic redirects off, and a 3xx answer is reported as an
/// <see cref="Auth0Exception"/> that names the status and the target host (never its path or query).
/// </summary>
internal static class Redirects
{
    /// <summary>Whether <paramref name="status"/> is a redirect (3xx).</summary>
    public static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and <= 399;

    /// <summary>
    /// Whether the handler at the end of <paramref name="handler"/>'s chain follows redirects by itself: a
    /// <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/> with <c>AllowAutoRedirect</c> on. Other
    /// handlers (a fake tenant's) are taken as they are.
    /// </summary>
    public static bool Follows(HttpMessageHandler? handler)
    {
        for (var depth = 0; handler is DelegatingHandler delegating && depth < 64; depth++)
        {
            handler = delegating.InnerHandler;
        }

        return handler switch
        {
            SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
            HttpClientHandler client => client.AllowAutoRedirect,
            _ => false,
        };
    }

    /// <summary>Turns automatic redirects off on a primary handler the SDK does not own but configures (IHttpClientFactory's).</summary>
    public static void TurnOff(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }

    /// <summary>
    /// Where <paramref name="target"/> (a <c>Location</c>, perhaps relative to <paramref name="requested"/>) points, as
    /// scheme, host and port only: its path or query may carry a code or a token. <see langword="null"/> when unknown.
    /// </summary>
    public static string? Origin(Uri? target, Uri? requested) =>
        target is null ? null
        : target.IsAbsoluteUri ? target.GetLeftPart(UriPartial.Authority)
        : requested is not null ? new Uri(requested, target).GetLeftPart(UriPartial.Authority)
        : null;

    /// <summary>The sentence that says where a redirect pointed: its <see cref="Origin"/> only.</summary>
    public static string Describe(HttpResponseMessage response)
    {
        var where = Origin(response.Headers.Location, response.RequestMessage?.RequestUri) is { } origin ? "towards " + origin : "without a Location";
        return $" {where}: the SDK never follows a redirect with Auth0 credentials, and Auth0 never redirects these endpoints. " +
               "Check the tenant's domain and base address, and any proxy in between.";
    }
}
