using Auth0ApiKit.Apis;
using Auth0ApiKit.Wire.Schema;

namespace Auth0ApiKit.Wire;

/// <summary>Maps between <see cref="ApiDefinition"/> (the dashboard's words) and <see cref="ResourceServerDto"/> (the wire's).</summary>
internal static class ResourceServerMapping
{
    /// <summary>The body of a create: every setting the definition sets, and nothing else. Reveals the signing secret.</summary>
    public static ResourceServerDto ToCreateBody(ApiDefinition api) => new()
    {
        Name = api.Name,
        Identifier = api.Identifier,
        SigningAlgorithm = api.SigningAlgorithm?.Value,
        SigningSecret = api.SigningSecret?.Reveal(),
        TokenLifetime = ToSeconds(api.TokenLifetime),
        TokenLifetimeForWeb = ToSeconds(api.WebTokenLifetime),
        AllowOfflineAccess = api.AllowOfflineAccess,
        SkipConsentForVerifiableFirstPartyClients = api.AllowSkippingUserConsent,
        Scopes = api.Scopes?.Select(ToDto).ToList(),
        EnforcePolicies = api.EnforcePolicies,
        TokenDialect = api.TokenDialect?.Value,
        AdditionalProperties = api.PropertyBag.ToWire(),
    };

    /// <summary>The definition a tenant's resource server describes, kept as read (unknown algorithms and dialects included).</summary>
    public static ApiDefinition ToDefinition(ResourceServerDto dto)
    {
        var builder = Api.WithIdentifier(dto.Identifier ?? string.Empty);
        if (dto.Name is not null)
        {
            builder.Named(dto.Name);
        }

        if (dto.SigningAlgorithm is not null)
        {
            builder.SignedWith(new SigningAlgorithm(dto.SigningAlgorithm));
        }

        if (dto.SigningSecret is not null)
        {
            builder.WithSigningSecret(dto.SigningSecret);
        }

        if (dto.TokenLifetime is { } lifetime)
        {
            builder.TokensExpireAfter(TimeSpan.FromSeconds(lifetime));
        }

        if (dto.TokenLifetimeForWeb is { } webLifetime)
        {
            builder.WebTokensExpireAfter(TimeSpan.FromSeconds(webLifetime));
        }

        if (dto.AllowOfflineAccess is { } offline)
        {
            builder.AllowOfflineAccess(offline);
        }

        if (dto.SkipConsentForVerifiableFirstPartyClients is { } skipConsent)
        {
            builder.AllowSkippingUserConsent(skipConsent);
        }

        if (dto.Scopes is not null)
        {
            builder.WithScopes(dto.Scopes.Select(s => new Scope(s.Value ?? string.Empty, s.Description)));
        }

        if (dto.EnforcePolicies is { } enforce)
        {
            builder.EnforcePolicies(enforce);
        }

        if (dto.TokenDialect is not null)
        {
            builder.WithTokenDialect(new TokenDialect(dto.TokenDialect));
        }

        return builder.WithAuth0Properties(Auth0PropertyBag.FromWire(dto.AdditionalProperties, ResourceServerTable.Shape)).BuildUnchecked();
    }

    /// <summary>
    /// The body of a PATCH that takes <paramref name="current"/> to <paramref name="desired"/>: only the settings the
    /// desired definition sets and that differ from the current ones. The identifier and the signing algorithm are
    /// never in it (they cannot change). Scopes compare as a set keyed by value, descriptions included.
    /// </summary>
    /// <returns>The body, and whether it changes anything.</returns>
    public static (ResourceServerDto Body, bool HasChanges) ToPatchBody(ApiDefinition current, ApiDefinition desired)
    {
        var inForce = InForce(current);
        var body = new ResourceServerDto
        {
            Name = Changed(desired.Name, inForce.Name),
            SigningSecret = desired.SigningSecret is { } secret && !secret.Equals(current.SigningSecret) ? secret.Reveal() : null,
            TokenLifetime = Changed(ToSeconds(desired.TokenLifetime), inForce.TokenLifetime),
            TokenLifetimeForWeb = Changed(ToSeconds(desired.WebTokenLifetime), inForce.TokenLifetimeForWeb),
            AllowOfflineAccess = Changed(desired.AllowOfflineAccess, inForce.AllowOfflineAccess),
            SkipConsentForVerifiableFirstPartyClients = Changed(desired.AllowSkippingUserConsent, inForce.SkipConsentForVerifiableFirstPartyClients),
            Scopes = desired.Scopes is { } scopes && !SameScopes(scopes, current.Scopes ?? []) ? scopes.Select(ToDto).ToList() : null,
            EnforcePolicies = Changed(desired.EnforcePolicies, inForce.EnforcePolicies),
            TokenDialect = Changed(desired.TokenDialect?.Value, inForce.TokenDialect),
            AdditionalProperties = desired.PropertyBag.ChangesFrom(current.PropertyBag),
        };
        var hasChanges = body.Name is not null || body.SigningSecret is not null || body.TokenLifetime is not null ||
                         body.TokenLifetimeForWeb is not null || body.AllowOfflineAccess is not null ||
                         body.SkipConsentForVerifiableFirstPartyClients is not null || body.Scopes is not null ||
                         body.EnforcePolicies is not null || body.TokenDialect is not null || body.AdditionalProperties is not null;
        return (body, hasChanges);
    }

    /// <summary>
    /// The settings in force of <paramref name="current"/>, defaults filled in: what an update compares against (the
    /// one place that knows the tenant's defaults for a comparison; scopes and secrets are compared apart).
    /// </summary>
    public static ResourceServerDto InForce(ApiDefinition current) => new()
    {
        Name = current.Name,
        SigningAlgorithm = current.EffectiveSigningAlgorithm.Value,
        TokenLifetime = ToSeconds(current.EffectiveTokenLifetime),
        TokenLifetimeForWeb = ToSeconds(current.EffectiveWebTokenLifetime),
        AllowOfflineAccess = current.AllowOfflineAccess ?? false,
        SkipConsentForVerifiableFirstPartyClients = current.AllowSkippingUserConsent ?? false,
        EnforcePolicies = current.EnforcePolicies ?? false,
        TokenDialect = current.EffectiveTokenDialect.Value,
    };

    /// <summary>
    /// Whether <paramref name="current"/> already has every setting <paramref name="desired"/> sets: nothing to
    /// update, and the signing algorithm (which no update body holds) the same when it is set.
    /// </summary>
    public static bool Satisfies(ApiDefinition current, ApiDefinition desired) =>
        (desired.SigningAlgorithm is not { } algorithm || algorithm == current.EffectiveSigningAlgorithm) &&
        !ToPatchBody(current, desired).HasChanges;

    /// <summary>Whether two scope lists hold the same values with the same descriptions, in any order.</summary>
    public static bool SameScopes(IReadOnlyList<Scope> left, IReadOnlyList<Scope> right) =>
        left.Count == right.Count && left.ToHashSet().SetEquals(right);

    public static ResourceServerScopeDto ToDto(Scope scope) => new() { Value = scope.Value, Description = scope.Description };

    /// <summary>A duration as the wire's whole seconds.</summary>
    public static long? ToSeconds(TimeSpan? duration) => duration is { } value ? (long)value.TotalSeconds : null;

    private static T? Changed<T>(T? desired, T? current)
        where T : class =>
        desired is not null && !desired.Equals(current) ? desired : null;

    private static T? Changed<T>(T? desired, T? current)
        where T : struct =>
        desired is { } value && !value.Equals(current) ? value : null;
}
