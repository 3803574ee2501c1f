using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Auth0ApiKit.Resilience;
using Auth0ApiKit.Tokens;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Management;

/// <summary>
/// Sends Management API requests and reads their answers: JSON bodies through the source-generated wire context,
/// error answers as typed <see cref="Auth0Exception"/>s. Authentication and retries live in the HTTP pipeline
/// below it. Thread-safe.
/// </summary>
internal sealed class ManagementConnection
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly Func<HttpClient> _httpClient;
    private readonly Uri _apiBase;
    private readonly TimeProvider _timeProvider;

    public ManagementConnection(Func<HttpClient> httpClient, Uri baseAddress, TimeProvider timeProvider)
    {
        _httpClient = httpClient;
        _apiBase = new Uri(baseAddress, TenantUrls.ManagementApiPath);
        _timeProvider = timeProvider;
    }

    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Sends a request and reads its JSON answer.</summary>
    public async Task<TResult> SendAsync<TResult>(HttpMethod method, string path, RequestBody? body, JsonTypeInfo<TResult> resultType,
        CancellationToken cancellationToken, bool retryAfterAmbiguousFailure = true)
        where TResult : class
    {
        using var response = await SendCoreAsync(method, path, body, retryAfterAmbiguousFailure, cancellationToken).ConfigureAwait(false);
        return await WireResponses.ReadAsync(response, resultType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request whose answer has no content worth reading (a delete).</summary>
    public Task SendAsync(HttpMethod method, string path, CancellationToken cancellationToken) => SendAsync(method, path, body: null, cancellationToken);

    /// <summary>Sends a request whose answer has no content worth reading (Auth0's <c>{}</c>, or none).</summary>
    public async Task SendAsync(HttpMethod method, string path, RequestBody? body, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, body, retryAfterAmbiguousFailure: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one object, or <see langword="null"/> when Auth0 answers 404.</summary>
    public async Task<TResult?> GetOrNullAsync<TResult>(string path, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
        where TResult : class
    {
        try
        {
            return await SendAsync(HttpMethod.Get, path, null, resultType, cancellationToken).ConfigureAwait(false);
        }
        catch (Auth0NotFoundException)
        {
            return null;
        }
    }

    /// <summary>A JSON request body from a wire type.</summary>
    public static RequestBody Json<T>(T value, JsonTypeInfo<T> type) => new(JsonSerializer.SerializeToUtf8Bytes(value, type));

    /// <summary>A path segment, percent-encoded (an identifier may hold <c>/</c> or <c>:</c>).</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, RequestBody? body, bool retryAfterAmbiguousFailure,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_apiBase, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body.Bytes);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        request.Options.Set(Auth0RequestOptions.RetryAfterAmbiguousFailure, retryAfterAmbiguousFailure);
        return await Auth0Http.SendAsync(_httpClient(), request, _timeProvider, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A serialised JSON request body.</summary>
internal sealed record RequestBody(byte[] Bytes);
