using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using T = Auth0ApiKit.Wire.AccessTokenFields;

namespace Auth0ApiKit.AspNetCore;

/// <summary>Reads Auth0's <c>scope</c> and <c>permissions</c> claims from the authenticated identities of a user.</summary>
internal static class AccessTokenClaims
{
    /// <summary>The granted scopes: every <c>scope</c> claim split on spaces, as Auth0 writes it (<c>"read:orders write:orders"</c>).</summary>
    public static HashSet<string> Scopes(ClaimsPrincipal user)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in ClaimsOf(user, T.Scope))
        {
            scopes.UnionWith(claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return scopes;
    }

    /// <summary>
    /// The permissions: each <c>permissions</c> claim is one permission (as JwtBearer maps Auth0's array), or a JSON
    /// array of them (as an identity built from the raw payload holds it).
    /// </summary>
    public static HashSet<string> Permissions(ClaimsPrincipal user)
    {
        var permissions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in ClaimsOf(user, T.Permissions))
        {
            if (!TryReadJsonArray(claim, permissions))
            {
                permissions.Add(claim.Value);
            }
        }

        return permissions;
    }

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

    private static IEnumerable<Claim> ClaimsOf(ClaimsPrincipal user, string type) =>
        user.Identities.Where(identity => identity.IsAuthenticated).SelectMany(identity => identity.FindAll(type));

    /// <summary>Adds the strings of a claim holding a JSON array; false when the claim is not one.</summary>
    private static bool TryReadJsonArray(Claim claim, HashSet<string> into)
    {
        var value = claim.Value.AsSpan().Trim();
        if (claim.ValueType != JsonClaimValueTypes.JsonArray && !(value.StartsWith('[') && value.EndsWith(']')))
        {
            return false;
        }

        var found = new List<string>();
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(claim.Value));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                found.Add(reader.GetString()!);
            }
        }
        catch (JsonException)
        {
            return false;
        }

        into.UnionWith(found);
        return true;
    }
}
