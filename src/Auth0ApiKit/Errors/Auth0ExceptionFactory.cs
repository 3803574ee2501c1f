using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Auth0ApiKit.Diagnostics;
using Auth0ApiKit.Management;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit;

/// <summary>
/// Turns an error answer of Auth0 into the matching <see cref="Auth0Exception"/>. It reads at most
/// <see cref="MaxBodyBytes"/> of the body, recognises the Management API's error body and the token endpoint's OAuth
/// error body, and never lets a body that is not JSON, truncated, of another shape or a proxy's HTML page escape as
/// a <see cref="JsonException"/>: such an answer becomes an <see cref="Auth0Exception"/> with the status and a short
/// redacted excerpt.
/// </summary>
internal static class Auth0ExceptionFactory
{
    /// <summary>The most of a body that is read: Auth0's error bodies are a few hundred bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>How much of a body an exception shows.</summary>
    public const int ExcerptLength = 200;

    private const int MaxServiceMessageLength = 1000;
    private const int MaxShortFieldLength = 100;
    private static readonly string[] RequestIdHeaders = ["X-Auth0-RequestId", "X-Request-Id"];

    /// <summary>Reads <paramref name="response"/> and builds the exception that describes it.</summary>
    /// <param name="response">An answer that is not a success. Its body is read; the caller still disposes it.</param>
    /// <param name="timeProvider">The clock, read only when a <c>Retry-After</c> date comes without a <c>Date</c> header.</param>
    /// <param name="cancellationToken">Stops reading the body.</param>
    public static Task<Auth0Exception> FromResponseAsync(
        HttpResponseMessage response, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        FromResponseAsync(response, timeProvider, StopReason(response.RequestMessage), cancellationToken);

    /// <summary>
    /// The exception for a request that got no answer, or no complete one (a connection that could not be opened, or
    /// that broke before the body ended), saying why it was not retried when the SDK's retry layer stopped on purpose.
    /// </summary>
    /// <param name="request">The request; its method and path are named (they hold no secrets).</param>
    /// <param name="failure">The transport's failure (<see cref="HttpRequestException"/> or <see cref="IOException"/>), kept as the inner exception.</param>
    public static Auth0Exception FromTransportFailure(HttpRequestMessage request, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(failure);
        var brokeOff = failure as IOException ?? failure.InnerException as IOException;
        var secrets = RequestSecrets.Of(request);
        var text = new StringBuilder("The request to Auth0 (")
            .Append(request.Method).Append(' ').Append(Short(request.RequestUri?.AbsolutePath, secrets))
            .Append(brokeOff is null ? ") got no answer: " : ") got no complete answer: ")
            .Append(Excerpt((brokeOff ?? failure).Message, ExcerptLength, secrets));
        EndSentence(text);
        if (StopReason(request) is { } note)
        {
            text.Append(' ').Append(note);
            EndSentence(text);
        }

        return new Auth0Exception(text.ToString(), Auth0ErrorDetails.None, failure);
    }

    private static string? StopReason(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Resilience.Auth0RequestOptions.StopReason, out var reason) ? reason : null;

    /// <summary>Reads <paramref name="response"/> and builds the exception, with <paramref name="note"/> added to its message.</summary>
    /// <param name="response">An answer that is not a success. Its body is read; the caller still disposes it.</param>
    /// <param name="timeProvider">The clock, read only when a <c>Retry-After</c> date comes without a <c>Date</c> header.</param>
    /// <param name="note">A sentence the SDK adds, for example why it did not retry; never a secret.</param>
    /// <param name="cancellationToken">Stops reading the body.</param>
    public static async Task<Auth0Exception> FromResponseAsync(
        HttpResponseMessage response, TimeProvider timeProvider, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);

        var secrets = RequestSecrets.Of(response.RequestMessage);
        var (body, readFailure) = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var error = readFailure is null ? ErrorBody.Parse(body) : null;
        var rateLimit = Auth0RateLimit.FromResponse(response, timeProvider);
        var excerpt = body.Length == 0 ? null : Excerpt(Encoding.UTF8.GetString(body), ExcerptLength, secrets);
        var details = new Auth0ErrorDetails
        {
            StatusCode = response.StatusCode,
            Error = Short(error?.Error, secrets),
            ErrorCode = Short(error?.Code, secrets),
            ServiceMessage = error?.Message is { } message ? Excerpt(message, MaxServiceMessageLength, secrets) : null,
            ErrorUri = Short(error?.Uri, secrets),
            RequestId = Short(RequestId(response), secrets),
            RateLimit = rateLimit,
            RetryAt = rateLimit?.RetryAfter is { } wait ? Auth0RateLimit.AnsweredAt(response, timeProvider) + wait : rateLimit?.Reset,
            ResponseExcerpt = excerpt,
        };

        var text = Message(response, details, error is not null, readFailure, note, secrets);
        return Create(details, error?.IsOAuth, text, readFailure);
    }

    private static Auth0Exception Create(Auth0ErrorDetails details, bool? isOAuth, string message, Exception? readFailure) =>
        (details.StatusCode, isOAuth) switch
        {
            (HttpStatusCode.TooManyRequests, _) => new Auth0RateLimitedException(message, details, readFailure),
            (_, true) => new Auth0AuthenticationException(message, details),
            (HttpStatusCode.BadRequest, false) => new Auth0ValidationException(message, details),
            (HttpStatusCode.Unauthorized, false) => new Auth0UnauthorizedException(message, details),
            (HttpStatusCode.Forbidden, false) => new Auth0ForbiddenException(message, details),
            (HttpStatusCode.NotFound, false) => new Auth0NotFoundException(message, details),
            (HttpStatusCode.Conflict, false) => new Auth0ConflictException(message, details),
            _ => new Auth0Exception(message, details, readFailure),
        };

    private static string Message(HttpResponseMessage response, Auth0ErrorDetails details, bool recognized, Exception? readFailure, string? note,
        IReadOnlyList<string> secrets)
    {
        var text = new StringBuilder("Auth0 answered ")
            .Append((int)response.StatusCode)
            .Append(Short(response.ReasonPhrase, secrets) is { Length: > 0 } reason ? " " + reason : string.Empty);

        if (Redirects.IsRedirect(response.StatusCode))
        {
            text.Append(Redirects.Describe(response));
        }
        else if (readFailure is not null)
        {
            text.Append(", and its body could not be read: ").Append(Excerpt(readFailure.Message, ExcerptLength, secrets));
        }
        else if (recognized)
        {
            text.Append(details.ErrorCode is { } code ? " (" + code + ")" : string.Empty)
                .Append(details.ServiceMessage is { } message ? ": " + message : string.Empty);
        }
        else if (details.ResponseExcerpt is null)
        {
            text.Append(" with an empty body");
        }
        else
        {
            var mediaType = Short(response.Content.Headers.ContentType?.MediaType, secrets) ?? "no content type";
            text.Append(" with a body that is not an Auth0 error (").Append(mediaType).Append("): ").Append(details.ResponseExcerpt);
        }

        EndSentence(text);
        if (details.StatusCode == HttpStatusCode.TooManyRequests && details.RetryAt is { } retryAt)
        {
            text.Append(" Retry at ").Append(retryAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('.');
        }

        if (note is not null)
        {
            text.Append(' ').Append(note);
            EndSentence(text);
        }

        if (details.RequestId is { } requestId)
        {
            text.Append(" Request id: ").Append(requestId).Append('.');
        }

        return text.ToString();
    }

    private static void EndSentence(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] is not ('.' or '!' or '?' or '…'))
        {
            text.Append('.');
        }
    }

    /// <summary>
    /// The <c>errorCode</c> (or OAuth <c>error</c>) of an error answer, read and parsed as <see cref="FromResponseAsync(HttpResponseMessage, TimeProvider, CancellationToken)"/>
    /// does; <see langword="null"/> when the body is not an Auth0 error body. Buffer the content first if it is to be read again.
    /// </summary>
    public static async Task<string?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var (body, failure) = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        return failure is null ? ErrorBody.Parse(body)?.Code : null;
    }

    private static async Task<(byte[] Body, Exception? Failure)> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Content-Length, when given, bounds what HttpClient delivers; without it read up to the cap.
        var buffer = new byte[response.Content.Headers.ContentLength is { } declared and >= 0 and < MaxBodyBytes ? (int)declared : MaxBodyBytes];
        var length = 0;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while (length < buffer.Length &&
                       (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException or ObjectDisposedException or InvalidOperationException)
        {
            return (buffer[..length], e);
        }

        return (buffer[..length], null);
    }

    private static string? RequestId(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } id)
            {
                return id;
            }
        }

        return null;
    }

    private static string? Short(string? text, IReadOnlyList<string> secrets) => text is null ? null : Excerpt(text, MaxShortFieldLength, secrets);

    /// <summary>The text on one line, control characters replaced, redacted (<paramref name="secrets"/> scrubbed), then cut to <paramref name="maxLength"/>.</summary>
    private static string Excerpt(string text, int maxLength, IReadOnlyList<string> secrets)
    {
        var oneLine = new StringBuilder(Math.Min(text.Length, MaxBodyBytes));
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (oneLine.Length > 0 && oneLine[^1] != ' ')
                {
                    oneLine.Append(' ');
                }
            }
            else
            {
                oneLine.Append(char.IsControl(c) ? '?' : c);
            }
        }

        return Redactor.Excerpt(oneLine.ToString().TrimEnd(), maxLength, secrets);
    }

    /// <summary>An Auth0 error body in either of its two shapes.</summary>
    private sealed record ErrorBody(bool IsOAuth, string? Error, string? Code, string? Message, string? Uri)
    {
        private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

        /// <summary>
        /// The token endpoint's shape when the body has <c>error_description</c>, or an <c>error</c> without the
        /// Management API's <c>message</c>/<c>errorCode</c>; the Management API's shape when it has either of those;
        /// otherwise (not JSON, not an object, truncated, fields of the wrong type, none of the fields) nothing.
        /// </summary>
        public static ErrorBody? Parse(ReadOnlySpan<byte> body)
        {
            if (body.StartsWith(Utf8Bom))
            {
                body = body[Utf8Bom.Length..];
            }

            var management = TryDeserialize(body, WireJson.Context.ManagementErrorDto);
            var oauth = TryDeserialize(body, WireJson.Context.OAuthErrorDto);
            var looksManagement = management is not null && (management.Message is not null || management.ErrorCode is not null);
            if (oauth?.Error is not null && (oauth.ErrorDescription is not null || !looksManagement))
            {
                return new ErrorBody(IsOAuth: true, oauth.Error, oauth.Error, oauth.ErrorDescription, oauth.ErrorUri);
            }

            return looksManagement
                ? new ErrorBody(IsOAuth: false, management!.Error, management.ErrorCode, management.Message, Uri: null)
                : null;
        }

        private static T? TryDeserialize<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo)
            where T : class
        {
            if (body.IsEmpty)
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize(body, typeInfo);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
