namespace Auth0ApiKit.DependencyInjection;

/// <summary>
/// The innermost handler of a pipeline whose registration has a
/// <see cref="Auth0ApiKit.Management.Auth0ManagementClientOptions.Transport"/> (such as a fake tenant's handler): it
/// sends there instead of to the factory's primary handler, and never disposes it, since every pipeline the factory
/// rotates in shares it. Without a transport the factory's primary handler (and whatever the app configured for it)
/// is used as usual.
/// </summary>
internal sealed class SharedTransportHandler : DelegatingHandler
{
    private readonly HttpMessageInvoker _transport;

    public SharedTransportHandler(HttpMessageHandler transport) => _transport = new HttpMessageInvoker(transport, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _transport.SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _transport.Dispose();
        }

        base.Dispose(disposing);
    }
}
