using System.Net.Http.Headers;
using System.Text;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Diagnostics;
using Auth0ApiKit.Management;
using Auth0ApiKit.Resilience;
using Auth0ApiKit.Tokens;
using Auth0ApiKit.Wire;
using T = Auth0ApiKit.Wire.TokenRequestFields;

namespace Auth0ApiKit.Authentication;

/// <summary>
/// Calls a tenant's token endpoint (<c>POST /oauth/token</c>): client credentials, and refresh tokens. Auth0's
/// error answers become <see cref="Auth0AuthenticationException"/> with its <c>error</c> and
/// <c>error_description</c>. Thread-safe; reuse one per tenant.
/// </summary>
public sealed class Auth0TokenClient
{
    private readonly Func<HttpClient> _httpClient;
    private readonly Uri _tokenEndpoint;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a client that sends through <paramref name="httpClient"/> (which it does not dispose).</summary>
    /// <param name="urls">The tenant's URLs; requests go to its <see cref="TenantUrls.TokenEndpoint"/>.</param>
    /// <param name="httpClient">The client to send with.</param>
    /// <param name="options">Its clock (which dates <see cref="AccessToken.ExpiresAt"/>), loggers and meter; the defaults when <see langword="null"/>.</param>
    public Auth0TokenClient(TenantUrls urls, HttpClient httpClient, Auth0TokenClientOptions? options = null)
        : this(urls?.TokenEndpoint ?? throw new ArgumentNullException(nameof(urls)), NotNull(httpClient), ComponentServices.Default.With(options).TimeProvider)
    {
    }

    /// <summary>Creates a client that takes an <see cref="HttpClient"/> per call (from IHttpClientFactory) and posts to <paramref name="tokenEndpoint"/>.</summary>
    internal Auth0TokenClient(Uri tokenEndpoint, Func<HttpClient> httpClient, TimeProvider timeProvider)
    {
        _tokenEndpoint = tokenEndpoint;
        _httpClient = httpClient;
        _timeProvider = timeProvider;
    }

    /// <summary>Requests a token for <paramref name="audience"/> with the client-credentials grant.</summary>
    /// <exception cref="Auth0AuthenticationException">Auth0 refused (wrong secret, no grant, unknown API, ...).</exception>
    /// <exception cref="Auth0Exception">Auth0 could not be reached or answered something unreadable.</exception>
    public Task<AccessToken> RequestClientCredentialsTokenAsync(ClientCredentials credentials, string audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        return SendAsync(credentials, audience, [(T.GrantType, "client_credentials"), (T.Audience, audience)], cancellationToken);
    }

    /// <summary>Exchanges a refresh token for a new access token for the same user, API and scopes.</summary>
    /// <param name="credentials">The application the refresh token was issued to.</param>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="audience">The API the refresh token is for (only used to label the returned token).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="Auth0AuthenticationException">Auth0 refused (<c>invalid_grant</c> for an unknown or revoked refresh token).</exception>
    public Task<AccessToken> RefreshAsync(ClientCredentials credentials, Secret refreshToken, string audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(refreshToken);
        ArgumentNullException.ThrowIfNull(audience);
        return SendAsync(credentials, audience, [(T.GrantType, "refresh_token"), (T.RefreshToken, refreshToken.Reveal())], cancellationToken);
    }

    private async Task<AccessToken> SendAsync(ClientCredentials credentials, string audience, (string Name, string Value)[] fields, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>(fields.Length + 2);
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint);
        if (credentials.Method == ClientAuthenticationMethod.Basic)
        {
            var pair = Uri.EscapeDataString(credentials.ClientId) + ":" + Uri.EscapeDataString(credentials.ClientSecret.Reveal());
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form.Add(new(T.ClientId, credentials.ClientId));
            form.Add(new(T.ClientSecret, credentials.ClientSecret.Reveal()));
        }

        request.Content = new FormUrlEncodedContent(form);
        RequestSecrets.Add(request, credentials.ClientSecret.Reveal());
        foreach (var (name, value) in fields.Where(f => Redactor.IsSecretField(f.Name)))
        {
            RequestSecrets.Add(request, value);
        }

        // Asking again for a token changes nothing at Auth0, so it may be retried after any failure.
        request.Options.Set(Auth0RequestOptions.RetryAfterAmbiguousFailure, true);
        var requestedAt = _timeProvider.GetUtcNow();
        using var response = await Auth0Http.SendAsync(_httpClient(), request, _timeProvider, cancellationToken).ConfigureAwait(false);
        var body = await WireResponses.ReadAsync(response, WireJson.Context.TokenResponseDto, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(body.AccessToken) || body.ExpiresIn is not { } expiresIn)
        {
            throw WireResponses.WrongShape(response, "a token response without access_token or expires_in");
        }

        // A token that expires at once would be fetched again on every call; one beyond Auth0's longest lifetime is garbage.
        if (expiresIn is < 1 or > ApiLimits.TokenLifetimeMaxSeconds)
        {
            throw WireResponses.WrongShape(response,
                $"a token response whose expires_in ({expiresIn}) is outside 1 to {ApiLimits.TokenLifetimeMaxSeconds} seconds, the lifetimes Auth0 issues");
        }

        return new AccessToken(new Secret(body.AccessToken), audience, requestedAt, requestedAt.AddSeconds(expiresIn),
            body.Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []);
    }

    private static Func<HttpClient> NotNull(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return () => httpClient;
    }
}
