using System.Net;
using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Applications;

/// <summary>The dashboard's rule for when a user is not asked to consent to an application using an API.</summary>
public static class UserConsent
{
    /// <summary>
    /// Whether consent is skipped: only for first-party applications, only on APIs that allow skipping, and
    /// never when the redirect URI's host is <c>localhost</c> or a loopback address (<c>127.0.0.1</c>,
    /// <c>[::1]</c>), compared case-insensitively on any port, since any local app could claim such a callback.
    /// </summary>
    /// <param name="applicationIsFirstParty">Whether the application is first party.</param>
    /// <param name="apiAllowsSkipping">Whether the API allows skipping consent for verifiable first-party clients.</param>
    /// <param name="redirectUri">
    /// The request's redirect URI; <see langword="null"/>, relative, or without a host (<c>urn:</c>, <c>file:</c>)
    /// counts as not verifiable, so consent is asked.
    /// </param>
    public static bool IsSkipped(bool applicationIsFirstParty, bool apiAllowsSkipping, Uri? redirectUri) =>
        applicationIsFirstParty && apiAllowsSkipping && IsVerifiable(redirectUri);

    /// <summary>Applies <see cref="IsSkipped(bool, bool, Uri)"/> to an application's and an API's definitions.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="application"/> or <paramref name="api"/> is <see langword="null"/>.</exception>
    public static bool IsSkipped(ApplicationDefinition application, ApiDefinition api, Uri? redirectUri)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(api);
        return IsSkipped(application.EffectiveIsFirstParty, api.AllowSkippingUserConsent ?? false, redirectUri);
    }

    private static bool IsVerifiable(Uri? redirectUri) =>
        redirectUri is { IsAbsoluteUri: true } && redirectUri.IdnHost.Length > 0 && !IsLocalHost(redirectUri);

    /// <summary>Whether the host is <c>localhost</c> (with or without the root dot) or a loopback address, in any spelling.</summary>
    private static bool IsLocalHost(Uri uri)
    {
        var host = uri.IdnHost.TrimEnd('.');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
