using Microsoft.AspNetCore.Authorization;

namespace Auth0ApiKit.AspNetCore;

/// <summary>
/// Requires an access token that carries every one of <see cref="Permissions"/> in its <c>permissions</c> claim (APIs
/// with RBAC and an <c>*_authz</c> token dialect). The requirement handles itself: no handler needs registering.
/// </summary>
public sealed class PermissionRequirement : AuthorizationHandler<PermissionRequirement>, IAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="permissions">The permissions the token must carry, all of them, such as <c>delete:orders</c>.</param>
    /// <exception cref="ArgumentException">No permission is given, or one is empty or holds white space.</exception>
    public PermissionRequirement(IEnumerable<string> permissions) =>
        Permissions = AccessTokenClaims.CheckRequired(permissions, nameof(permissions), "permission");

    /// <summary>The permissions the token must carry, all of them.</summary>
    public IReadOnlyList<string> Permissions { get; }

    /// <summary>Describes the requirement.</summary>
    public override string ToString() => $"{nameof(PermissionRequirement)}: the token's permissions claim holds {string.Join(" and ", Permissions)}";

    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement) =>
        AccessTokenClaims.SucceedWhenAllHeld(context, requirement, AccessTokenClaims.Permissions, requirement?.Permissions);
}
