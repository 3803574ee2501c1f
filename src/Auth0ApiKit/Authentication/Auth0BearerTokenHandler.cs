using System.Net;
using System.Net.Http.Headers;
using Auth0ApiKit.Diagnostics;

namespace Auth0ApiKit.Authentication;

/// <summary>
/// Attaches an access token for one audience to every request (<c>Authorization: Bearer …</c>). When the API
/// answers 401 it drops the token and sends once more with a fresh one; optionally it does the same for a 403
/// <c>insufficient_scope</c>, since new grants only show in new tokens. Put it in the <see cref="HttpClient"/> that
/// calls your own Auth0-protected API.
/// </summary>
public sealed class Auth0BearerTokenHandler : DelegatingHandler
{
    private const string InsufficientScope = "insufficient_scope";

    private readonly IAccessTokenProvider _tokens;
    private readonly string _audience;
    private readonly bool _refreshOnInsufficientScope;

    /// <summary>Creates the handler.</summary>
    /// <param name="tokens">Where tokens come from; share one provider per application.</param>
    /// <param name="audience">The identifier of the API being called.</param>
    /// <param name="refreshOnInsufficientScope">Whether a 403 <c>insufficient_scope</c> is retried once with a fresh token.</param>
    public Auth0BearerTokenHandler(IAccessTokenProvider tokens, string audience, bool refreshOnInsufficientScope = false)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        _tokens = tokens;
        _audience = audience;
        _refreshOnInsufficientScope = refreshOnInsufficientScope;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is not null)
        {
            // Buffer the body so that the request can be sent a second time.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var token = await _tokens.GetTokenAsync(_audience, null, cancellationToken).ConfigureAwait(false);
        Authorize(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!await ShouldRetryAsync(response, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        response.Dispose();
        var fresh = await _tokens.GetTokenAsync(_audience, token, cancellationToken).ConfigureAwait(false);
        Authorize(request, fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Authorize(HttpRequestMessage request, AccessToken token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value.Reveal());
        RequestSecrets.Add(request, token.Value.Reveal());
    }

    private async Task<bool> ShouldRetryAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return true;
        }

        if (!_refreshOnInsufficientScope || response.StatusCode != HttpStatusCode.Forbidden)
        {
            return false;
        }

        // Buffered (within the error reader's cap) so that the caller can still read the answer when it is returned.
        try
        {
            await response.Content.LoadIntoBufferAsync(Auth0ExceptionFactory.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return false;
        }

        return await Auth0ExceptionFactory.ErrorCodeAsync(response, cancellationToken).ConfigureAwait(false) == InsufficientScope;
    }
}
