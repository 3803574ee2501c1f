namespace Auth0ApiKit.Tests.Http;

/// <summary>Completes <see cref="Received"/> once a response's headers have arrived: the moment to move a fake clock over a stalled body.</summary>
internal sealed class HeadersSignal(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Received => _received.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        _received.TrySetResult();
        return response;
    }
}
