using System.Net;
using System.Text;

namespace Auth0ApiKit.Tests.Tokens;

/// <summary>
/// Serves a JWKS (or a failure) to the code under test and counts every request, by URL. Its behaviour can change
/// between calls: down, slow (waits until canceled), huge, garbage, or held until released.
/// </summary>
internal sealed class JwksStub : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<Uri> _requests = [];
    private Func<CancellationToken, Task<HttpResponseMessage>> _respond;

    public JwksStub(string jwksJson) => _respond = _ => Task.FromResult(Json(jwksJson));

    /// <summary>Every URL requested, in order.</summary>
    public IReadOnlyList<Uri> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public int Count => Requests.Count;

    public void Serve(string jwksJson) => _respond = _ => Task.FromResult(Json(jwksJson));

    public void ServeStatus(HttpStatusCode status) => _respond = _ => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("{\"error\":\"down\"}") });

    public void ServeBody(HttpContent content) => _respond = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });

    public void Fail() => _respond = _ => Task.FromException<HttpResponseMessage>(new HttpRequestException("connection refused", null, HttpStatusCode.ServiceUnavailable));

    /// <summary>Never answers: the request waits until it is canceled.</summary>
    public void Hang() => _respond = HangGuard.UntilCancelled<HttpResponseMessage>;

    /// <summary>Answers <paramref name="jwksJson"/> only once <paramref name="release"/> completes.</summary>
    public void ServeWhen(Task release, string jwksJson) => _respond = async cancellationToken =>
    {
        await release.WaitAsync(cancellationToken);
        return Json(jwksJson);
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _requests.Add(request.RequestUri!);
        }

        return _respond(cancellationToken);
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
