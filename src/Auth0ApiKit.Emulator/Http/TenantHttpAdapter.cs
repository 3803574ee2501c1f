using System.Buffers;
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
    /// <summary>Bodies above this are refused unread; the pipeline's own limits are lower, so it answers first.</summary>
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    /// <summary>Answers one request from <paramref name="tenant"/>.</summary>
    public static async Task HandleAsync(FakeTenant tenant, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await ReadAsync(context, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

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

    /// <summary>The transport-free request, or <see langword="null"/> when the body is too large.</summary>
    private static async Task<FakeRequest?> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var http = context.Request;
        var headers = new Dictionary<string, string>(http.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in http.Headers)
        {
            headers[name] = values.ToString();
        }

        var body = await ReadBodyAsync(http, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

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

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength is { } length)
        {
            if (length > MaxBodyBytes)
            {
                return null;
            }

            if (length == 0)
            {
                return [];
            }

            var exact = new byte[length];
            await http.Body.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }

        var reader = http.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.Buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(result.Buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var bytes = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
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
