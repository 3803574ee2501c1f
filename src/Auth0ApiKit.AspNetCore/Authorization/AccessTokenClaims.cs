using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.AspNetCore;

/// <summary>Reads Auth0's <c>scope</c> and <c>permissions</c> claims from the authenticated identities of a user.</summary>
internal static class AccessTokenClaims
{
    /// <summary>The granted scopes of the user's authenticated identities, read as <see cref="AccessTokenValidationResult.Scopes"/> reads them.</summary>
    public static HashSet<string> Scopes(ClaimsPrincipal user) => new(AccessTokenClaimReader.Scopes(AuthenticatedClaims(user)), StringComparer.Ordinal);

    /// <summary>
    /// The permissions of the user's authenticated identities, read as <see cref="AccessTokenValidationResult.Permissions"/>
    /// reads them: each string <c>permissions</c> claim is one permission, never parsed as JSON.
    /// </summary>
    public static HashSet<string> Permissions(ClaimsPrincipal user) => new(AccessTokenClaimReader.Permissions(AuthenticatedClaims(user)), StringComparer.Ordinal);

    /// <summary>Marks <paramref name="requirement"/> met when the user holds every one of <paramref name="required"/>.</summary>
    public static Task SucceedWhenAllHeld(AuthorizationHandlerContext context, IAuthorizationRequirement requirement,
        Func<ClaimsPrincipal, HashSet<string>> held, IReadOnlyList<string>? required)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(required, nameof(requirement));
        if (held(context.User).IsSupersetOf(required))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>Checks the values a requirement asks for: at least one, none empty and none with white space (they could never match).</summary>
    /// <exception cref="ArgumentException">A value is missing, empty or holds white space; the message names it.</exception>
    public static string[] CheckRequired(IEnumerable<string> values, string paramName, string kind)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        string[] list = [.. values];
        if (list.Length == 0)
        {
            throw new ArgumentException($"Name at least one {kind}.", paramName);
        }

        for (var i = 0; i < list.Length; i++)
        {
            if (string.IsNullOrEmpty(list[i]) || list[i].Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"The {kind} at index {i} is empty or holds white space; Auth0 {kind} values never do.", paramName);
            }
        }

        return list;
    }

    private static IEnumerable<Claim> AuthenticatedClaims(ClaimsPrincipal user) =>
        user.Identities.Where(identity => identity.IsAuthenticated).SelectMany(identity => identity.Claims);
}
