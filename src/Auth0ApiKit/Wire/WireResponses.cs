using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Auth0ApiKit.Diagnostics;

namespace Auth0ApiKit.Wire;

/// <summary>
/// Reads a success answer's body into a wire type, and turns a body that is not JSON, truncated, too large or of
/// the wrong shape into an <see cref="Auth0Exception"/> with the status and a short redacted excerpt, never a
/// <see cref="JsonException"/> or a <see cref="NullReferenceException"/>.
/// </summary>
internal static class WireResponses
{
    /// <summary>The largest success body read: a page of 100 APIs with many scopes is well below it.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var (buffer, length) = await ReadPooledAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
            var body = buffer.AsSpan(0, length);
            try
            {
                return JsonSerializer.Deserialize(body, typeInfo) ?? throw WrongShape(response, body, "null instead of a JSON value", null);
            }
            catch (JsonException e)
            {
                throw WrongShape(response, body, "a body that is not the JSON expected", e);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads the whole body into memory (at most <see cref="MaxBodyBytes"/>) so that reading it later can neither
    /// stall nor break: the retry layer calls it inside each attempt's time-outs, the send path once more (a no-op
    /// then) for pipelines without that layer. A body declared larger is left for <see cref="ReadAsync{T}"/> to refuse.
    /// On failure the response is disposed and the failure (a cancellation, or an <see cref="HttpRequestException"/>
    /// when the connection broke or the body ran over) is thrown.
    /// </summary>
    public static async Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxBodyBytes)
        {
            return;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>An exception for a success answer whose content is not what the SDK expects.</summary>
    public static Auth0Exception WrongShape(HttpResponseMessage response, string what) => WrongShape(response, [], what, null);

    private static Auth0Exception WrongShape(HttpResponseMessage response, ReadOnlySpan<byte> body, string what, Exception? inner)
    {
        var excerpt = body.Length == 0 ? null
            : Redactor.Excerpt(Encoding.UTF8.GetString(body[..Math.Min(body.Length, 4096)]), 200, RequestSecrets.Of(response.RequestMessage));
        var message = $"Auth0 answered {(int)response.StatusCode} {response.ReasonPhrase} with {what}" +
                      (excerpt is null ? "." : $": {excerpt}");
        return new Auth0Exception(message, new Auth0ErrorDetails { StatusCode = response.StatusCode, ResponseExcerpt = excerpt }, inner);
    }

    /// <summary>
    /// The whole body in a buffer rented from the shared pool (the caller returns it), sized from the
    /// <c>Content-Length</c> when there is one and grown as needed, never past <see cref="MaxBodyBytes"/>.
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)> ReadPooledAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > MaxBodyBytes)
        {
            throw WrongShape(response, $"a body of {declared} bytes, over the {MaxBodyBytes} the SDK reads");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(declared is { } size ? (int)size + 1 : InitialBufferBytes);
        var length = 0;
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    if (length >= MaxBodyBytes)
                    {
                        throw WrongShape(response, $"a body over the {MaxBodyBytes} bytes the SDK reads");
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            if (length > MaxBodyBytes)
            {
                throw WrongShape(response, $"a body over the {MaxBodyBytes} bytes the SDK reads");
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>What a body of unknown length starts with: most answers fit.</summary>
    private const int InitialBufferBytes = 4096;
}
