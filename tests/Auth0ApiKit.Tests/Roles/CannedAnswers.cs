using System.Net;
using System.Text;

namespace Auth0ApiKit.Tests.Roles;

/// <summary>
/// Sits in front of the fake tenant and answers Management API calls under <c>/api/v2/roles</c> from a script of canned
/// answers, in order, recording each call as <c>METHOD path?query body</c>; every other call (the token endpoint) goes
/// on to the tenant. A call the script does not expect is answered 418, so that the test fails on it.
/// </summary>
internal sealed class CannedAnswers(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private const string Prefix = "/api/v2/";
    private readonly Queue<(string Call, HttpStatusCode Status, string? Body)> _script = new();

    /// <summary>What the client sent, as <c>METHOD path?query</c> and, when there is one, a space and the body.</summary>
    public List<string> Calls { get; } = [];

    /// <summary>Expects <paramref name="call"/> (<c>METHOD path?query</c> under <c>/api/v2/</c>) next, and answers it.</summary>
    public CannedAnswers Answer(string call, HttpStatusCode status, string? body = "{}")
    {
        _script.Enqueue((call, status, body));
        return this;
    }

    /// <summary>An Auth0 error body in its template.</summary>
    public CannedAnswers Error(string call, HttpStatusCode status, string error, string message, string? errorCode = null) =>
        Answer(call, status, $$"""{"statusCode":{{(int)status}},"error":"{{error}}","message":"{{message}}"{{(errorCode is null ? "" : $",\"errorCode\":\"{errorCode}\"")}}}""");

    /// <summary>Whether every scripted answer was asked for.</summary>
    public bool Exhausted => _script.Count == 0;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        if (!path.StartsWith(Prefix + "roles", StringComparison.Ordinal))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var call = $"{request.Method} {path[Prefix.Length..]}";
        Calls.Add(request.Content is null ? call : call + " " + await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        if (!_script.TryPeek(out var next) || next.Call != call)
        {
            return new HttpResponseMessage((HttpStatusCode)418) { Content = new StringContent($"unexpected call {call}") };
        }

        _script.Dequeue();
        var response = new HttpResponseMessage(next.Status);
        if (next.Body is not null)
        {
            response.Content = new StringContent(next.Body, Encoding.UTF8, "application/json");
        }

        return response;
    }
}
