using Auth0ApiKit.Apis;

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

        return builder.BuildUnchecked();
    }

    public static ResourceServerScopeDto ToDto(Scope scope) => new() { Value = scope.Value, Description = scope.Description };

    private static long? ToSeconds(TimeSpan? duration) => duration is { } value ? (long)value.TotalSeconds : null;
}
