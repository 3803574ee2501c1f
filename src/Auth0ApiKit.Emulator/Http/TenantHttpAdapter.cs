using Auth0ApiKit.Testing;
using Auth0ApiKit.Testing.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Auth0ApiKit.Emulator.Http;

/// <summary>
/// The Kestrel adapter over the fake tenant's transport-free pipeline, as <see cref="FakeTenantHandler"/> is the
/// in-memory one: an ASP.NET Core request becomes a <c>FakeRequest</c>, the tenant's <c>FakeResponse</c> becomes the
/// HTTP response, and a dropped-connection fault aborts the connection.
/// </summary>
internal static class TenantHttpAdapter
{
    /// <summary>Answers one request from <paramref name="tenant"/>.</summary>
    public static async Task HandleAsync(FakeTenant tenant, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await ReadAsync(context, cancellationToken).ConfigureAwait(false);
        FakeResponse response;
        try
        {
            response = await tenant.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (FakeConnectionDroppedException)
        {
            context.Abort();
            return;
        }

        await WriteAsync(context.Response, response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The transport-free request. A body over the tenant's limit (1 MiB, as Auth0's) is read only one byte past it:
    /// enough for the tenant to answer with Auth0's 413 body as it does for any body over the limit, however large
    /// the body and whether it is sent with a length or chunked.
    /// </summary>
    private static async Task<FakeRequest> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var http = context.Request;
        var headers = new Dictionary<string, string>(http.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in http.Headers)
        {
            headers[name] = values.ToString();
        }

        var body = await RequestBody.ReadAsync(http, JsonBody.MaxBytes, cancellationToken).ConfigureAwait(false);
        var (path, query) = RawPathAndQuery(context);
        return new FakeRequest(http.Method, path, query, headers, body);
    }

    /// <summary>
    /// The path as the client sent it, still percent-encoded (the pipeline decodes each segment once, so an
    /// identifier such as <c>https%3A%2F%2Forders</c> survives), and the query with its <c>?</c>.
    /// </summary>
    private static (string Path, string Query) RawPathAndQuery(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (target is { Length: > 0 } && target[0] == '/')
        {
            var question = target.IndexOf('?', StringComparison.Ordinal);
            return question < 0 ? (target, string.Empty) : (target[..question], target[question..]);
        }

        return (context.Request.PathBase.Add(context.Request.Path).ToUriComponent(), context.Request.QueryString.Value ?? string.Empty);
    }

    private static async Task WriteAsync(HttpResponse http, FakeResponse response, CancellationToken cancellationToken)
    {
        http.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            http.ContentType = response.ContentType;
        }

        http.ContentLength = response.Body.Length;
        if (response.Body.Length > 0)
        {
            await http.Body.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
        }
    }
}
