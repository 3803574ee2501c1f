using Microsoft.AspNetCore.Authorization;

namespace Auth0ApiKit.AspNetCore;

/// <summary>
/// Requires an access token that grants every one of <see cref="Scopes"/> in its space-separated <c>scope</c> claim.
/// The requirement handles itself: no handler needs registering.
/// </summary>
public sealed class ScopeRequirement : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="scopes">The scopes the token must grant, all of them, such as <c>read:orders</c>.</param>
    /// <exception cref="ArgumentException">No scope is given, or one is empty or holds white space.</exception>
    public ScopeRequirement(IEnumerable<string> scopes) => Scopes = AccessTokenClaims.CheckRequired(scopes, nameof(scopes), "scope");

    /// <summary>The scopes the token must grant, all of them.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Describes the requirement.</summary>
    public override string ToString() => $"{nameof(ScopeRequirement)}: the token's scope claim grants {string.Join(" and ", Scopes)}";

    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement) =>
        AccessTokenClaims.SucceedWhenAllHeld(context, requirement, AccessTokenClaims.Scopes, requirement?.Scopes);
}
