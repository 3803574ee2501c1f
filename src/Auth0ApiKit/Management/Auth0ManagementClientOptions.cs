using System.ComponentModel.DataAnnotations;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Resilience;

namespace Auth0ApiKit.Management;

/// <summary>
/// Settings of an <see cref="Auth0ManagementClient"/>. Bind them from configuration (section <c>Auth0</c> by
/// convention); <see cref="Transport"/>, <see cref="TokenProvider"/> and <see cref="TimeProvider"/> are set in code.
/// </summary>
public sealed class Auth0ManagementClientOptions
{
    /// <summary>
    /// The tenant's canonical domain, such as <c>dev-abc.us.auth0.com</c>: the Management API lives at
    /// <c>https://{domain}/api/v2/</c> and its token audience is that URL. Required unless <see cref="Issuer"/> is set.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>
    /// The tenant's issuer when it is not <c>https://{domain}/</c>: an emulator's own URL such as
    /// <c>http://127.0.0.1:5000/</c>. The Management API audience is then <c>{issuer}api/v2/</c>.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// The tenant's custom domain (such as <c>login.example.com</c>), when it has one: tokens for your APIs then carry
    /// <c>https://{custom domain}/</c> as issuer, which <c>TestAsync</c> validates; the Management API stays on the
    /// canonical domain.
    /// </summary>
    public string? CustomDomain { get; set; }

    /// <summary>Where requests are sent when that is not the issuer (a proxy, or an emulator reached under another name).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The client id of a machine-to-machine application authorized for the Management API.</summary>
    public string? ClientId { get; set; }

    /// <summary>Its client secret. Keep it in a secret store; it never shows in logs or exceptions.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>How the client secret is sent to the token endpoint; in the body by default.</summary>
    public ClientAuthenticationMethod ClientAuthenticationMethod { get; set; }

    /// <summary>A ready Management API token to use instead of client credentials (it cannot be refreshed).</summary>
    public string? AccessToken { get; set; }

    /// <summary>Retries and time-outs. <see langword="null"/> turns the SDK's retry layer off (for apps whose HttpClients already retry).</summary>
    public Auth0ResilienceOptions? Resilience { get; set; } = new();

    /// <summary>How the management token is cached.</summary>
    public AccessTokenCacheOptions TokenCache { get; set; } = new();

    /// <summary>A token provider that replaces client credentials and <see cref="AccessToken"/> (set in code).</summary>
    public IAccessTokenProvider? TokenProvider { get; set; }

    /// <summary>The handler that sends requests (set in code): a <c>FakeTenantHandler</c> in tests; a new <see cref="SocketsHttpHandler"/> by default.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>The clock for token expiry, retries and time-outs (set in code); the system clock by default.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Checks the settings, naming each one that is wrong.</summary>
    /// <exception cref="ValidationException">A setting is missing or malformed.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Domain) && string.IsNullOrWhiteSpace(Issuer))
        {
            problems.Add("Domain (or Issuer) is required.");
        }

        if (TokenProvider is null && string.IsNullOrEmpty(AccessToken) && (string.IsNullOrWhiteSpace(ClientId) || string.IsNullOrEmpty(ClientSecret)))
        {
            problems.Add("ClientId and ClientSecret are required unless AccessToken or TokenProvider is set.");
        }

        if (BaseAddress is { IsAbsoluteUri: false })
        {
            problems.Add("BaseAddress must be an absolute URL.");
        }

        if (problems.Count > 0)
        {
            throw new ValidationException("Auth0ManagementClientOptions: " + string.Join(" ", problems));
        }
    }
}
