using Auth0ApiKit.Apis;

namespace Auth0ApiKit.AspNetCore.Tests;

/// <summary>The APIs the tests protect: the same orders API signed each way the SDK validates.</summary>
internal static class TestApis
{
    public const string Identifier = "https://orders.example.com";

    public static ApiDefinition Rs256 { get; } = Orders().SignedWith(SigningAlgorithm.RS256).Build();

    public static ApiDefinition Hs256 { get; } = Orders().SignedWith(SigningAlgorithm.HS256).WithSigningSecret(new Secret(new string('s', 48))).Build();

    /// <summary>An HS256 API with a 16 character secret: Auth0 accepts it, IdentityModel alone would not (IDX10720).</summary>
    public static ApiDefinition Hs256ShortSecret { get; } = Orders().SignedWith(SigningAlgorithm.HS256).WithSigningSecret(new Secret("sixteen-chars-ok")).Build();

    /// <summary>RS256 with RBAC and the RFC 9068 dialect that adds <c>permissions</c>: tokens are <c>typ: at+jwt</c>.</summary>
    public static ApiDefinition Rfc9068WithPermissions { get; } =
        Orders().SignedWith(SigningAlgorithm.RS256).EnforcePolicies().WithTokenDialect(TokenDialect.Rfc9068ProfileAuthz).Build();

    /// <summary>RS256 with RBAC and Auth0's own dialect that adds <c>permissions</c>.</summary>
    public static ApiDefinition AccessTokenWithPermissions { get; } =
        Orders().SignedWith(SigningAlgorithm.RS256).EnforcePolicies().WithTokenDialect(TokenDialect.AccessTokenAuthz).Build();

    public static ApiDefinition ByName(string name) => name switch
    {
        nameof(Rs256) => Rs256,
        nameof(Hs256) => Hs256,
        nameof(Hs256ShortSecret) => Hs256ShortSecret,
        nameof(Rfc9068WithPermissions) => Rfc9068WithPermissions,
        nameof(AccessTokenWithPermissions) => AccessTokenWithPermissions,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such test API."),
    };

    private static ApiDefinitionBuilder Orders() => Api.Define("Orders API")
        .WithIdentifier(Identifier)
        .TokensExpireAfter(TimeSpan.FromHours(1))
        .WithScope("read:orders", "Read orders")
        .WithScope("write:orders", "Create and change orders")
        .WithScope("delete:orders", "Delete orders");
}
