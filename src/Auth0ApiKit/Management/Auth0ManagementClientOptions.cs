using System.ComponentModel.DataAnnotations;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Resilience;

namespace Auth0ApiKit.Management;

/// <summary>
/// Settings of an <see cref="Auth0ManagementClient"/>. Bind them from configuration (section <c>Auth0</c> by
/// convention, through <c>services.AddAuth0ApiKit(configuration.GetSection("Auth0"))</c>); <see cref="Transport"/>,
/// <see cref="TokenProvider"/>, <see cref="AccessTokenCacheOptions.SharedCache"/> and the clock, loggers and meter
/// factory of <see cref="Auth0ComponentOptions"/> (which the token cache and the retries share unless their own options
/// set them) are set in code. The rules are checked once, by the generated validator behind <see cref="Validate"/>, which
/// <c>AddAuth0ApiKit</c> also runs when the host starts.
/// </summary>
public sealed class Auth0ManagementClientOptions : Auth0ComponentOptions, IValidatableObject
{
    /// <summary>
    /// The tenant's canonical domain, such as <c>dev-abc.us.auth0.com</c>: the Management API lives at
    /// <c>https://{domain}/api/v2/</c> and its token audience is that URL. Required unless <see cref="Issuer"/> is set.
    /// </summary>
    [TenantDomain]
    public string? Domain { get; set; }

    /// <summary>
    /// The tenant's issuer when it is not <c>https://{domain}/</c>: an emulator's own URL such as
    /// <c>http://127.0.0.1:5000/</c>. The Management API audience is then <c>{issuer}api/v2/</c>.
    /// </summary>
    [TenantIssuer]
    public string? Issuer { get; set; }

    /// <summary>
    /// The tenant's custom domain (such as <c>login.example.com</c>), when it has one: tokens for your APIs then carry
    /// <c>https://{custom domain}/</c> as issuer, which <c>TestAsync</c> validates; the Management API stays on the
    /// canonical domain.
    /// </summary>
    [TenantDomain]
    public string? CustomDomain { get; set; }

    /// <summary>Where requests are sent when that is not the issuer (a proxy, or an emulator reached under another name): an absolute http(s) URL.</summary>
    [AbsoluteHttpUrl]
    public Uri? BaseAddress { get; set; }

    /// <summary>The client id of a machine-to-machine application authorized for the Management API.</summary>
    public string? ClientId { get; set; }

    /// <summary>Its client secret. Keep it in a secret store; it never shows in logs or exceptions.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>How the client secret is sent to the token endpoint; in the body (<c>Post</c>) by default, or <c>Basic</c>.</summary>
    [EnumDataType(typeof(ClientAuthenticationMethod), ErrorMessage = "It must be Post or Basic.")]
    public ClientAuthenticationMethod ClientAuthenticationMethod { get; set; }

    /// <summary>A ready Management API token to use instead of client credentials (it cannot be refreshed).</summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// Retries and time-outs: the SDK's one retry layer. <see langword="null"/>, or <c>Enabled = false</c> (in
    /// configuration <c>Auth0:Resilience:Enabled=false</c>), takes that layer out of the SDK's HTTP pipelines, for apps
    /// whose HttpClients already retry (<c>ConfigureHttpClientDefaults(b =&gt; b.AddStandardResilienceHandler())</c>),
    /// so that no call is retried by two layers. See <see cref="Auth0ResilienceOptions"/>.
    /// </summary>
    public Auth0ResilienceOptions? Resilience { get; set; } = new();

    /// <summary>How the management token is cached; <see cref="AccessTokenCacheOptions.SharedCache"/> shares it between processes.</summary>
    [Required]
    public AccessTokenCacheOptions TokenCache { get; set; } = new();

    /// <summary>A token provider that replaces client credentials and <see cref="AccessToken"/> (set in code).</summary>
    public IAccessTokenProvider? TokenProvider { get; set; }

    /// <summary>
    /// The handler that sends requests (set in code): a <c>FakeTenantHandler</c> in tests. By default a new
    /// <see cref="SocketsHttpHandler"/>, or under <c>AddAuth0ApiKit</c> the IHttpClientFactory's primary handler, both
    /// with automatic redirects off. A handler given here is shared and never disposed by the SDK; one that follows
    /// redirects (a <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/> with <c>AllowAutoRedirect</c>
    /// on) is refused, since credentials must never follow a redirect.
    /// </summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>Checks the settings, naming each one that is wrong (the same checks <c>AddAuth0ApiKit</c> runs at start).</summary>
    /// <exception cref="ValidationException">A setting is missing or malformed; the message names every such setting.</exception>
    public void Validate()
    {
        var result = Auth0ManagementClientOptionsValidator.Instance.Validate(null, this);
        if (result.Failed)
        {
            throw new ValidationException(result.FailureMessage);
        }
    }

    /// <summary>The rules that span several settings, and those of the nested <see cref="Resilience"/> and <see cref="TokenCache"/>.</summary>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Domain) && string.IsNullOrWhiteSpace(Issuer))
        {
            yield return new ValidationResult("Domain (or Issuer) is required.", [nameof(Domain)]);
        }

        if (Redirects.Follows(Transport))
        {
            yield return new ValidationResult(
                "Transport follows redirects (AllowAutoRedirect is true): Auth0 credentials must never follow a redirect. Set AllowAutoRedirect = false on it.",
                [nameof(Transport)]);
        }

        if (TokenProvider is null && string.IsNullOrEmpty(AccessToken))
        {
            if (string.IsNullOrWhiteSpace(ClientId))
            {
                yield return new ValidationResult("ClientId is required unless AccessToken or TokenProvider is set.", [nameof(ClientId)]);
            }

            if (string.IsNullOrEmpty(ClientSecret))
            {
                yield return new ValidationResult("ClientSecret is required unless AccessToken or TokenProvider is set.", [nameof(ClientSecret)]);
            }
        }

        foreach (var (property, _, message) in Resilience?.Problems() ?? [])
        {
            yield return new ValidationResult($"{nameof(Resilience)}.{message}", [$"{nameof(Resilience)}.{property}"]);
        }

        if (TokenCache?.Problem() is { } problem)
        {
            yield return new ValidationResult($"{nameof(TokenCache)}.{problem.Message}", [$"{nameof(TokenCache)}.{problem.Property}"]);
        }
    }
}
