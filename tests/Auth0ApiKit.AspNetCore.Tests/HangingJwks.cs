namespace Auth0ApiKit.AspNetCore.Tests;

/// <summary>
/// Passes JWKS requests on to the tenant until told to hang; from then on each request is counted and waits until
/// released, or until canceled when it honours cancellation.
/// </summary>
internal sealed class HangingJwks(HttpMessageHandler tenant) : DelegatingHandler(tenant)
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _hanging;
    private volatile bool _honoursCancellation;
    private int _hung;

    /// <summary>How many requests have hung so far.</summary>
    public int Hung => Volatile.Read(ref _hung);

    /// <summary>Completes when the first request hangs.</summary>
    public Task Entered => _entered.Task;

    public void Hang(bool honoursCancellation = true)
    {
        _honoursCancellation = honoursCancellation;
        _hanging = true;
    }

    /// <summary>Lets the hung requests (and later ones) through to the tenant.</summary>
    public void Release()
    {
        _hanging = false;
        _release.TrySetResult();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_hanging)
        {
            Interlocked.Increment(ref _hung);
            _entered.TrySetResult();
            await (_honoursCancellation ? _release.Task.WaitAsync(cancellationToken) : _release.Task);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
