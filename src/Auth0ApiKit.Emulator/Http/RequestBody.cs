using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Auth0ApiKit.Emulator.Http;

/// <summary>
/// Reads a request body up to a limit and never further: every reader in the emulator goes through here, so Kestrel
/// has no body limit of its own. Whatever a client sends past the limit is left unread; Kestrel drains it for at most
/// its five-second drain time-out (so that the client still reads the answer), then closes the connection.
/// </summary>
internal static class RequestBody
{
    /// <summary>
    /// The body, or its first <paramref name="limit"/> + 1 bytes when it is longer (with or without a
    /// <c>Content-Length</c>): a result longer than <paramref name="limit"/> means "too large".
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpRequest http, int limit, CancellationToken cancellationToken)
    {
        if (http.ContentLength is { } length && length <= limit)
        {
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
            var buffer = result.Buffer;
            if (buffer.Length > limit || result.IsCompleted)
            {
                var bytes = buffer.Slice(0, Math.Min(buffer.Length, limit + 1L)).ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Whether the request carries a body (a <c>Content-Length</c> above 0, or chunked).</summary>
    public static bool IsPresent(HttpRequest http) =>
        http.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? http.ContentLength > 0;
}
