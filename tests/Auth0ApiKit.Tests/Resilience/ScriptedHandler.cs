using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.Tests.Resilience;

/// <summary>
/// An inner handler that answers each attempt with the next scripted step and records what it saw. It awaits with
/// ConfigureAwait(false), as a real handler does, so that a timer fired by FakeTimeProvider.Advance runs the whole
/// chain up to its next wait before Advance returns.
/// </summary>
internal sealed class ScriptedHandler(FakeTimeProvider time, params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] steps)
    : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _steps = new(steps);

    public List<(DateTimeOffset At, string? Body)> Attempts { get; } = [];

    public List<HttpResponseMessage> Responses { get; } = [];

    /// <summary>The time between consecutive attempts.</summary>
    public IEnumerable<TimeSpan> Gaps => Attempts.Zip(Attempts.Skip(1), (a, b) => b.At - a.At);

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Answer(
        HttpStatusCode status, string body = "{}", params (string Name, string Value)[] headers) =>
        (_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new TrackedContent(body) };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        };

    /// <summary>Never answers: the attempt ends only when its token is cancelled, within the step that cancels it.</summary>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Hang() =>
        (_, cancellationToken) => HangGuard.UntilCancelled<HttpResponseMessage>(cancellationToken);

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Fail(HttpRequestError error) =>
        (_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException(error, "transport failed: " + error));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        Attempts.Add((time.GetUtcNow(), body));
        if (!_steps.TryDequeue(out var step))
        {
            throw new InvalidOperationException($"The script has no step for attempt {Attempts.Count}.");
        }

        var response = await step(request, cancellationToken).ConfigureAwait(false);
        Responses.Add(response);
        return response;
    }
}

/// <summary>A JSON body that tells whether it was disposed (a retried answer must be).</summary>
internal sealed class TrackedContent(string body) : StringContent(body, Encoding.UTF8, "application/json")
{
    public bool Disposed { get; private set; }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
