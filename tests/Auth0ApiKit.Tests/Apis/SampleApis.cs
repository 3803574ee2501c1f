using Auth0ApiKit.Apis;

namespace Auth0ApiKit.Tests.Apis;

/// <summary>Starting points shared by the API tests.</summary>
internal static class SampleApis
{
    public const string Identifier = "https://orders.example.com";

    /// <summary>A builder for a valid API with a name and an identifier only; every other setting unset.</summary>
    public static ApiDefinitionBuilder Orders() => Api.Define("Orders API").WithIdentifier(Identifier);

    public const string FullSecret = "0123456789abcdef0123";

    /// <summary>A builder for a valid HS256 API with every setting set.</summary>
    public static ApiDefinitionBuilder Full() =>
        Api.Define("Orders API")
            .WithIdentifier(Identifier)
            .SignedWith(SigningAlgorithm.HS256)
            .WithSigningSecret(FullSecret)
            .TokensExpireAfter(TimeSpan.FromHours(2))
            .WebTokensExpireAfter(TimeSpan.FromHours(1))
            .AllowSkippingUserConsent()
            .AllowOfflineAccess()
            .EnforcePolicies()
            .WithTokenDialect(TokenDialect.AccessTokenAuthz)
            .WithScope("read:orders", "Read orders")
            .WithScope("write:orders", "Create and change orders");

    /// <summary>A valid API with two scopes.</summary>
    public static ApiDefinition OrdersWithScopes() =>
        Orders().WithScope("read:orders", "Read orders").WithScope("write:orders", "Create and change orders").Build();
}
