using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Management;

/// <summary>Sends one request to Auth0 (Management API or token endpoint) and turns every failure into an <see cref="Auth0Exception"/>.</summary>
internal static class Auth0Http
{
    /// <summary>
    /// Sends <paramref name="request"/> and returns its successful answer (body read into memory; the caller disposes it). An
    /// error answer becomes the matching <see cref="Auth0Exception"/>, a request that got no answer an
    /// <see cref="Auth0Exception"/> around the transport's failure; a cancellation stays an
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            await WireResponses.BufferAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw Auth0ExceptionFactory.FromTransportFailure(request, e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await Auth0ExceptionFactory.FromResponseAsync(response, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
