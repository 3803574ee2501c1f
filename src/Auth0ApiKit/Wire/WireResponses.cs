using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Auth0ApiKit.Diagnostics;
using Auth0ApiKit.Management;

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
        var body = await ReadBytesAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo) ?? throw WrongShape(response, body, "null instead of a JSON value", null);
        }
        catch (JsonException e)
        {
            throw WrongShape(response, body, "a body that is not the JSON expected", e);
        }
    }

    /// <summary>An exception for a success answer whose content is not what the SDK expects.</summary>
    public static Auth0Exception WrongShape(HttpResponseMessage response, string what) => WrongShape(response, [], what, null);

    private static Auth0Exception WrongShape(HttpResponseMessage response, byte[] body, string what, Exception? inner)
    {
        var excerpt = body.Length == 0 ? null : Redactor.Excerpt(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4096)));
        var message = $"Auth0 answered {(int)response.StatusCode} {response.ReasonPhrase} with {what}" +
                      (excerpt is null ? "." : $": {excerpt}");
        return new Auth0Exception(message, new Auth0ErrorDetails { StatusCode = response.StatusCode, ResponseExcerpt = excerpt }, inner);
    }

    private static async Task<byte[]> ReadBytesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxBodyBytes)
        {
            throw WrongShape(response, $"a body of {response.Content.Headers.ContentLength} bytes, over the {MaxBodyBytes} the SDK reads");
        }

        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw WrongShape(response, $"a body over the {MaxBodyBytes} bytes the SDK reads");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
