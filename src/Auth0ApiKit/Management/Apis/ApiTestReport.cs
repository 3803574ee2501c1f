using System.Globalization;
using System.Text;
using Auth0ApiKit.Authentication;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Management;

/// <summary>What the dashboard's "Test" tab shows: the token an application got for an API, and whether the API accepts it.</summary>
public sealed class ApiTestReport
{
    internal ApiTestReport(string apiIdentifier, string clientId, AccessToken? token, string? refusal,
        AccessTokenValidationFailure? validationFailure, string? validationMessage, IReadOnlyDictionary<string, string> claims)
    {
        ApiIdentifier = apiIdentifier;
        ClientId = clientId;
        Token = token;
        Refusal = refusal;
        ValidationFailure = validationFailure;
        ValidationMessage = validationMessage;
        Claims = claims;
        Passed = token is not null && refusal is null && validationFailure is null;
    }

    /// <summary>The report of a token that was issued and validated.</summary>
    internal static ApiTestReport Validated(string apiIdentifier, string clientId, AccessToken token, AccessTokenValidationResult validation) =>
        new(apiIdentifier, clientId, token, null, validation.IsValid ? null : validation.Failure, validation.Message,
            validation.Principal?.Claims
                .GroupBy(c => c.Type, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => string.Join(' ', g.Select(c => c.Value)), StringComparer.Ordinal)
            ?? new Dictionary<string, string>());

    /// <summary>The report of a test that stopped before validation.</summary>
    internal static ApiTestReport Refused(string apiIdentifier, string clientId, AccessToken? token, string refusal) =>
        new(apiIdentifier, clientId, token, refusal, null, null, new Dictionary<string, string>());

    /// <summary>Whether the token was issued and the API would accept it.</summary>
    public bool Passed { get; }

    /// <summary>The API tested.</summary>
    public string ApiIdentifier { get; }

    /// <summary>The application whose credentials were used.</summary>
    public string ClientId { get; }

    /// <summary>The token issued, or <see langword="null"/> when the token endpoint refused.</summary>
    public AccessToken? Token { get; }

    /// <summary>The scopes granted (empty when none, or when no token was issued).</summary>
    public IReadOnlyList<string> Scopes => Token?.Scopes ?? [];

    /// <summary>When the token expires.</summary>
    public DateTimeOffset? ExpiresAt => Token?.ExpiresAt;

    /// <summary>Why the test failed before validation (the token endpoint refused, in Auth0's words; or the token cannot be validated here), or <see langword="null"/>.</summary>
    public string? Refusal { get; }

    /// <summary>Why the API would reject the token, or <see langword="null"/> when it accepts it (or no token was issued).</summary>
    public AccessTokenValidationFailure? ValidationFailure { get; }

    /// <summary>The validator's explanation of a rejection, or <see langword="null"/>.</summary>
    public string? ValidationMessage { get; }

    /// <summary>The claims of a token the API accepts (multi-valued claims joined by spaces); empty otherwise.</summary>
    public IReadOnlyDictionary<string, string> Claims { get; }

    /// <summary>A readable report: the verdict, the scopes, the expiry and the claims. Never the token.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Test of {ApiIdentifier} with client {ClientId}: ");
        if (Token is null || Refusal is not null)
        {
            return text.Append(Token is null ? "FAILED, no token: " : "FAILED: ").Append(Refusal).ToString();
        }

        text.Append(Passed ? "PASSED" : $"FAILED, the API would reject the token ({ValidationFailure}: {ValidationMessage})").AppendLine();
        text.Append("  scopes:  ").AppendJoin(' ', Scopes).AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"  expires: {Token.ExpiresAt:u}");
        foreach (var (name, value) in Claims.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {name}: {value}");
        }

        return text.ToString();
    }
}
