using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Auth0ApiKit.Wire.Schema;

namespace Auth0ApiKit.Apis;

/// <summary>
/// An API as the dashboard describes it: name, identifier, signing, token lifetimes, consent, offline access,
/// scopes and RBAC settings. Immutable; equal to another definition with the same settings.
/// </summary>
/// <remarks>
/// A setting that is <see langword="null"/> was not set: the tenant's default applies and the SDK never sends it.
/// The <c>Effective…</c> members give the value that applies either way. Create definitions with
/// <see cref="Api.Define(string)"/>; definitions read from a tenant may carry values the SDK does not model
/// (a <c>PS256</c> algorithm, a future dialect) and are kept as read.
/// </remarks>
public sealed class ApiDefinition : IEquatable<ApiDefinition>
{
    internal ApiDefinition(ApiDefinitionBuilder builder)
    {
        Name = builder.NameValue;
        Identifier = builder.IdentifierValue ?? string.Empty;
        SigningAlgorithm = builder.SigningAlgorithmValue;
        SigningSecret = builder.SigningSecretValue;
        TokenLifetime = builder.TokenLifetimeValue;
        WebTokenLifetime = builder.WebTokenLifetimeValue;
        AllowSkippingUserConsent = builder.AllowSkippingUserConsentValue;
        AllowOfflineAccess = builder.AllowOfflineAccessValue;
        Scopes = builder.ScopesValue is null ? null : builder.ScopesValue.ToImmutableArray();
        EnforcePolicies = builder.EnforcePoliciesValue;
        TokenDialect = builder.TokenDialectValue;
        PropertyBag = builder.Auth0PropertiesValue;
    }

    /// <summary>The friendly name shown in the dashboard.</summary>
    public string? Name { get; }

    /// <summary>The API's unique identifier, used as the <c>aud</c> of its tokens. It can never change.</summary>
    public string Identifier { get; }

    /// <summary>The algorithm that signs the API's tokens, or <see langword="null"/> when not set (RS256 applies).</summary>
    public SigningAlgorithm? SigningAlgorithm { get; }

    /// <summary>The HS256 signing secret, or <see langword="null"/> when not set (Auth0 generates one for HS256 APIs).</summary>
    public Secret? SigningSecret { get; }

    /// <summary>How long the API's access tokens live, or <see langword="null"/> when not set (24 hours apply).</summary>
    public TimeSpan? TokenLifetime { get; }

    /// <summary>How long tokens issued through browser flows live, or <see langword="null"/> when not set.</summary>
    public TimeSpan? WebTokenLifetime { get; }

    /// <summary>Whether first-party applications may skip the user-consent screen, or <see langword="null"/> when not set (no).</summary>
    public bool? AllowSkippingUserConsent { get; }

    /// <summary>Whether applications may get refresh tokens for this API, or <see langword="null"/> when not set (no).</summary>
    public bool? AllowOfflineAccess { get; }

    /// <summary>The scopes the API defines, in order, or <see langword="null"/> when not set (the tenant's list is left alone).</summary>
    public IReadOnlyList<Scope>? Scopes { get; }

    /// <summary>Whether role-based access control policies are enforced, or <see langword="null"/> when not set.</summary>
    public bool? EnforcePolicies { get; }

    /// <summary>The shape of the API's access tokens, or <see langword="null"/> when not set (Auth0's own).</summary>
    public TokenDialect? TokenDialect { get; }

    /// <summary>
    /// Settings the SDK has no typed member for, by Auth0's property name, each with its JSON value
    /// (<c>consent_policy</c> → <c>"transactional-authorization-with-mfa"</c>); empty when none are set.
    /// </summary>
    public IReadOnlyDictionary<string, string> Auth0Properties => _auth0PropertiesText ??= PropertyBag.AsText();

    internal Auth0PropertyBag PropertyBag { get; }

    private IReadOnlyDictionary<string, string>? _auth0PropertiesText;

    /// <summary>The signing algorithm that applies: the one set, else RS256.</summary>
    public SigningAlgorithm EffectiveSigningAlgorithm => SigningAlgorithm ?? Apis.SigningAlgorithm.RS256;

    /// <summary>The token lifetime that applies: the one set, else 24 hours.</summary>
    public TimeSpan EffectiveTokenLifetime => TokenLifetime ?? TimeSpan.FromSeconds(ApiLimits.DefaultTokenLifetimeSeconds);

    /// <summary>The web token lifetime that applies: the one set, else 2 hours or the token lifetime when that is lower.</summary>
    public TimeSpan EffectiveWebTokenLifetime
    {
        get
        {
            if (WebTokenLifetime is { } web)
            {
                return web;
            }

            return ApiLimits.DefaultWebLifetime(EffectiveTokenLifetime);
        }
    }

    /// <summary>The token dialect that applies: the one set, else Auth0's own (<c>access_token</c>).</summary>
    public TokenDialect EffectiveTokenDialect => TokenDialect ?? Apis.TokenDialect.AccessToken;

    /// <summary>Whether the API defines a scope with this value (ordinal comparison).</summary>
    public bool DefinesScope(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Scopes?.Any(s => string.Equals(s.Value, value, StringComparison.Ordinal)) ?? false;
    }

    /// <summary>A builder holding this definition's settings, to derive a changed definition.</summary>
    public ApiDefinitionBuilder ToBuilder() => new(this);

    /// <inheritdoc />
    public bool Equals(ApiDefinition? other) =>
        other is not null &&
        string.Equals(Name, other.Name, StringComparison.Ordinal) &&
        string.Equals(Identifier, other.Identifier, StringComparison.Ordinal) &&
        SigningAlgorithm == other.SigningAlgorithm &&
        Equals(SigningSecret, other.SigningSecret) &&
        TokenLifetime == other.TokenLifetime &&
        WebTokenLifetime == other.WebTokenLifetime &&
        AllowSkippingUserConsent == other.AllowSkippingUserConsent &&
        AllowOfflineAccess == other.AllowOfflineAccess &&
        EnforcePolicies == other.EnforcePolicies &&
        TokenDialect == other.TokenDialect &&
        PropertyBag.Equals(other.PropertyBag) &&
        (Scopes is null ? other.Scopes is null : other.Scopes is not null && Scopes.SequenceEqual(other.Scopes));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ApiDefinition);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(Identifier, StringComparer.Ordinal);
        hash.Add(SigningAlgorithm);
        hash.Add(SigningSecret);
        hash.Add(TokenLifetime);
        hash.Add(WebTokenLifetime);
        hash.Add(AllowSkippingUserConsent);
        hash.Add(AllowOfflineAccess);
        hash.Add(EnforcePolicies);
        hash.Add(TokenDialect);
        hash.Add(Scopes?.Count);
        hash.Add(PropertyBag);
        return hash.ToHashCode();
    }

    /// <summary>Whether two definitions have the same settings.</summary>
    public static bool operator ==(ApiDefinition? left, ApiDefinition? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two definitions differ in any setting.</summary>
    public static bool operator !=(ApiDefinition? left, ApiDefinition? right) => !(left == right);

    /// <summary>
    /// A one-line summary of the settings that were set, such as
    /// <c>API 'Orders API' (https://orders.example.com): RS256, tokens 7200 s, offline access, scopes [read:orders]</c>.
    /// A signing secret shows only as <c>signing secret ***</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder("API ");
        if (Name is not null)
        {
            text.Append('\'').Append(Name).Append("' ");
        }

        text.Append('(').Append(Identifier).Append(')');
        var parts = new List<string>();
        if (SigningAlgorithm is { } algorithm)
        {
            parts.Add(algorithm.Value);
        }

        if (SigningSecret is not null)
        {
            parts.Add("signing secret ***");
        }

        AddSeconds(parts, "tokens", TokenLifetime);
        AddSeconds(parts, "web tokens", WebTokenLifetime);
        AddFlag(parts, "skip consent", AllowSkippingUserConsent);
        AddFlag(parts, "offline access", AllowOfflineAccess);
        AddFlag(parts, "enforce policies", EnforcePolicies);
        if (TokenDialect is { } dialect)
        {
            parts.Add("dialect " + dialect.Value);
        }

        if (Scopes is not null)
        {
            parts.Add("scopes [" + string.Join(", ", Scopes.Select(s => s.Value)) + "]");
        }

        if (PropertyBag.Count > 0)
        {
            parts.Add("Auth0 properties [" + string.Join(", ", PropertyBag.Values.Keys) + "]");
        }

        if (parts.Count > 0)
        {
            text.Append(": ").AppendJoin(", ", parts);
        }

        return text.ToString();
    }

    private static void AddSeconds(List<string> parts, string label, TimeSpan? value)
    {
        if (value is { } duration)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {duration.TotalSeconds} s"));
        }
    }

    private static void AddFlag(List<string> parts, string label, bool? value)
    {
        if (value is { } flag)
        {
            parts.Add(flag ? label : "no " + label);
        }
    }
}
