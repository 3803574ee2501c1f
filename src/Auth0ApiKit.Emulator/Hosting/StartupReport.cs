using System.Text;

namespace Auth0ApiKit.Emulator;

/// <summary>
/// What the emulator prints once it listens: the URL first (scripts look for it), then every credential. Secrets are
/// printed in full on purpose: they are the emulator's own fakes, which a test needs to call the emulator.
/// </summary>
internal static class StartupReport
{
    /// <summary>The first line's words before the URL.</summary>
    public const string ListeningPrefix = "auth0-emulator listening on ";

    public static string Describe(EmulatorCredentials credentials, string? credentialsFile)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var text = new StringBuilder();
        text.Append(ListeningPrefix).AppendLine(credentials.BaseUrl);
        Line(text, "issuer", credentials.Issuer);
        Line(text, "domain", credentials.Domain);
        Line(text, "token endpoint", credentials.TokenEndpoint);
        Line(text, "jwks", credentials.JwksUri);
        Line(text, "management api", $"{credentials.ManagementApiUrl} (audience {credentials.ManagementApiAudience})");
        if (credentials.Management is { } management)
        {
            Line(text, "management app", $"client_id={management.ClientId} client_secret={management.ClientSecret}");
        }

        foreach (var api in credentials.Apis)
        {
            var scopes = api.Scopes.Count == 0 ? "no scopes" : string.Join(' ', api.Scopes);
            Line(text, "api", $"{api.Identifier} ({api.SigningAlgorithm}; {scopes})");
        }

        foreach (var application in credentials.Applications)
        {
            Line(text, "application", $"'{application.Name}' ({application.Kind}) client_id={application.ClientId} client_secret={application.ClientSecret}");
            foreach (var authorization in application.Authorizations)
            {
                var scopes = authorization.Scopes.Count == 0 ? "no scopes" : string.Join(' ', authorization.Scopes);
                Line(text, string.Empty, $"  authorized for {authorization.Api} ({scopes})");
            }
        }

        Line(text, "admin", $"{credentials.AdminUrl} (send Authorization: Bearer <admin token>)");
        Line(text, "admin token", credentials.AdminToken);
        if (credentialsFile is not null)
        {
            Line(text, "credentials", $"written to {credentialsFile}");
        }

        text.AppendLine("Press Ctrl+C to stop.");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append("  ").Append(label.Length == 0 ? string.Empty : label + ":").Append(' ', Math.Max(1, 17 - label.Length)).AppendLine(value);
}
