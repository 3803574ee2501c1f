using System.Net;
using Auth0ApiKit.Testing.Endpoints;

namespace Auth0ApiKit.Testing;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that answers every request from a <see cref="FakeTenant"/>, in memory. Hand it
/// to an <see cref="HttpClient"/>, to the SDK's clients, or to ASP.NET Core's JwtBearer as its
/// <c>BackchannelHttpHandler</c>: they talk to the fake unchanged. The request's host is ignored; only the path counts.
/// </summary>
public sealed class FakeTenantHandler : HttpMessageHandler
{
    private readonly TenantPipeline _pipeline;

    internal FakeTenantHandler(TenantPipeline pipeline) => _pipeline = pipeline;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        // Headers as sent, without .NET's parsing and validation (the tenant reads them as a server would).
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            headers[name] = values.ToString();
        }

        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers.NonValidated)
            {
                headers[name] = values.ToString();
            }
        }

        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var relative = uri.IsAbsoluteUri ? null : uri.OriginalString.Split('?', 2);
        var fakeRequest = new FakeRequest(request.Method.Method,
            relative is null ? uri.AbsolutePath : relative[0],
            relative is null ? uri.Query : relative.Length > 1 ? relative[1] : string.Empty,
            headers, body);

        FakeResponse response;
        try
        {
            response = await _pipeline.HandleAsync(fakeRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (FakeConnectionDroppedException dropped)
        {
            // The request reached the tenant before the connection broke: to the client, whether it was carried out is unknown.
            throw new HttpRequestException(HttpRequestError.ResponseEnded, dropped.Message, dropped);
        }

        var message = new HttpResponseMessage((HttpStatusCode)response.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(response.Body),
        };
        if (response.ContentType is not null)
        {
            message.Content.Headers.TryAddWithoutValidation("Content-Type", response.ContentType);
        }

        foreach (var (name, value) in response.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }
}
