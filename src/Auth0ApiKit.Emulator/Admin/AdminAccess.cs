using System.Net;
using Auth0ApiKit.Emulator.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Auth0ApiKit.Emulator.Admin;

/// <summary>
/// Who may use the admin endpoints, so that a web page in a local browser cannot: the caller is on loopback or in an
/// <c>--admin-from</c> network (else 403); the <c>Host</c> is <c>localhost</c>, an IP literal, the emulator's domain or
/// an <c>--admin-host</c> name, so DNS rebinding fails (else 403); no <c>Origin</c> but the emulator's own and no
/// cross-site <c>Sec-Fetch-Site</c>, so no page can post (else 403); the admin token (else 401); a body, if any, is
/// <c>application/json</c>, so no form or <c>text/plain</c> post without a preflight gets through (else 415).
/// </summary>
internal sealed class AdminAccess
{
    private readonly string _token;
    private readonly IReadOnlyList<IPNetwork> _networks;
    private readonly HashSet<string> _hostNames;

    /// <param name="token">The admin token every request must carry.</param>
    /// <param name="networks">Networks whose callers are admitted besides loopback.</param>
    /// <param name="hostNames">Host names admitted besides <c>localhost</c> and IP literals.</param>
    public AdminAccess(string token, IEnumerable<IPNetwork> networks, IEnumerable<string> hostNames)
    {
        _token = token;
        _networks = [.. networks];
        _hostNames = new HashSet<string>(hostNames, StringComparer.OrdinalIgnoreCase) { "localhost" };
    }

    /// <summary>Why a request is refused, or <see langword="null"/> when it may go on.</summary>
    public AdminRefusal? Check(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!IsAdmittedCaller(context.Connection.RemoteIpAddress))
        {
            return AdminRefusal.Forbidden("The admin endpoints answer loopback callers, and callers in an --admin-from network, only.");
        }

        if (!IsAdmittedHost(request.Host))
        {
            return AdminRefusal.Forbidden("The admin endpoints answer Host localhost, an IP address, the emulator's --domain or an --admin-host name only.");
        }

        if (IsCrossOrigin(request))
        {
            return AdminRefusal.Forbidden("The admin endpoints answer requests from their own origin only.");
        }

        if (!AdminToken.IsCarriedBy(request.Headers.Authorization, _token))
        {
            return AdminRefusal.Unauthorized(request.Headers.Authorization.Count > 0);
        }

        if (RequestBody.IsPresent(request) && !IsJson(request.ContentType))
        {
            return new AdminRefusal(415, "unsupported_media_type", "Admin request bodies must be application/json.");
        }

        return null;
    }

    /// <summary>Whether a caller may use the admin endpoints: loopback (or a transport without an address, such as a Unix socket), or an <c>--admin-from</c> network.</summary>
    public bool IsAdmittedCaller(IPAddress? remote)
    {
        if (remote is null)
        {
            return true;
        }

        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return IPAddress.IsLoopback(address) || _networks.Any(n => n.Contains(address));
    }

    /// <summary>
    /// Whether a <c>Host</c> is safe from DNS rebinding: <c>localhost</c> exactly (not <c>*.localhost</c> nor
    /// <c>localhost.</c>, which a resolver may send to DNS), an IP literal (no name to rebind), the domain or an
    /// <c>--admin-host</c> name; with any port.
    /// </summary>
    public bool IsAdmittedHost(HostString host)
    {
        var name = host.Host;
        return name.Length > 0 && (_hostNames.Contains(name) || IsIpLiteral(name));
    }

    private static bool IsIpLiteral(string host)
    {
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        }

        // Dotted quads only: IPAddress also reads "2130706433" and "127.1", which are names to a browser's resolver.
        var parts = host.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit)) && IPAddress.TryParse(host, out _);
    }

    /// <summary>
    /// An <c>Origin</c> other than the emulator's own (<c>http://</c> and the request's <c>Host</c>; <c>null</c> included),
    /// or a <c>Sec-Fetch-Site</c> other than <c>same-origin</c> or <c>none</c> (typed by the user).
    /// </summary>
    private static bool IsCrossOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin;
        if (origin.Count > 0 && !(origin.Count == 1 &&
            string.Equals(origin[0], $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var site = request.Headers["Sec-Fetch-Site"];
        return site.Count > 0 && !(site.Count == 1 && site[0] is "same-origin" or "none");
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) &&
        type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}

/// <summary>An admin request refused before it is read: the status, Auth0-style error code and message, and for 401 the challenge.</summary>
internal sealed record AdminRefusal(int Status, string Error, string Message, string? Challenge = null)
{
    public static AdminRefusal Forbidden(string message) => new(403, "forbidden", message);

    /// <summary>401: the admin token is missing, or (when <paramref name="tokenGiven"/>) wrong.</summary>
    public static AdminRefusal Unauthorized(bool tokenGiven) => tokenGiven
        ? new(401, "unauthorized", "The admin token is not right.", "Bearer error=\"invalid_token\"")
        : new(401, "unauthorized", "The admin endpoints need the admin token: send Authorization: Bearer <admin token> (printed at start, and adminToken in the credentials file).", "Bearer");
}
