namespace Auth0ApiKit.Tests.Management;

/// <summary>
/// Sits in front of the tenant's handler and runs <see cref="AfterResponse"/> once an answer is back, before the
/// client sees it: the place to play a concurrent writer.
/// </summary>
internal sealed class InterceptingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public Func<HttpRequestMessage, HttpResponseMessage, Task>? AfterResponse { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (AfterResponse is { } after)
        {
            await after(request, response).ConfigureAwait(false);
        }

        return response;
    }
}
