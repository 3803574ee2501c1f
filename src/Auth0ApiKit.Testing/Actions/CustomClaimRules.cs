using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Testing.Actions;

/// <summary>
/// Auth0's rules on the custom claims Actions set (auth0.com/docs, "Create Custom Claims", General restrictions; "Migrate
/// Custom Claims", Restrictions): a restricted name is left out and the token is issued without it; a name without a
/// namespace is left out of a token whose audience is an Auth0 API (the Management API); more than 100 KB of custom
/// claims in one token fail the request.
/// </summary>
internal static class CustomClaimRules
{
    /// <summary>The custom claims of one token may hold at most this many bytes (100 KB, access and ID tokens each).</summary>
    public const int MaxPayloadBytes = 100 * 1024;

    /// <summary>Auth0's list of claims subject to its restrictions, and the claims the SDK writes itself.</summary>
    private static readonly FrozenSet<string> Restricted = new[]
    {
        "acr", "act", "active", "amr", "at_hash", "ath", "attest", "aud", "auth_time", "authorization_details", "azp", "c_hash",
        "client_id", "cnf", "cty", "dest", "entitlements", "events", "exp", "groups", "gty", "htm", "htu", "iat",
        "internalService", "iss", "jcard", "jku", "jti", "jwe", "jwk", "kid", "may_act", "mky", "nbf", "nonce", "object_id",
        "org_id", "org_name", "orig", "origid", "permissions", "roles", "rph", "s_hash", "sid", "sip_callid", "sip_cseq_num",
        "sip_date", "sip_from_tag", "sip_via_branch", "sub", "sub_jwk", "toe", "txn", "typ", "uuid", "vot", "vtm", "x5t#S256",
    }.Concat(AccessTokenFields.Reserved).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether Auth0 restricts this claim name (it leaves such a claim out of the token).</summary>
    public static bool IsRestricted(string name) => Restricted.Contains(name);

    /// <summary>Whether the name has a namespace: it is an <c>http</c> or <c>https</c> URL, such as <c>https://acme.example/roles</c>.</summary>
    public static bool IsNamespaced(string name) =>
        name.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || name.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The claims Auth0 keeps, in the order they were set.
    /// </summary>
    /// <param name="claims">The claims an Action set.</param>
    /// <param name="forAuth0Api">Whether the token is for an Auth0 API (the Management API), which takes namespaced claims only.</param>
    /// <exception cref="ActionDeniedException">The kept claims exceed <see cref="MaxPayloadBytes"/>.</exception>
    public static IReadOnlyList<KeyValuePair<string, JsonElement>> Keep(IReadOnlyDictionary<string, JsonElement> claims, bool forAuth0Api)
    {
        var kept = claims.Where(c => !IsRestricted(c.Key) && (!forAuth0Api || IsNamespaced(c.Key))).ToList();
        if (kept.Count > 0 && PayloadBytes(kept) > MaxPayloadBytes)
        {
            throw new ActionDeniedException(400, "invalid_request",
                $"The custom claims payload exceeds Auth0's limit of {MaxPayloadBytes / 1024}KB.");
        }

        return kept;
    }

    /// <summary>The size of the claims as one JSON object in UTF-8.</summary>
    private static long PayloadBytes(List<KeyValuePair<string, JsonElement>> claims)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in claims)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenCount;
    }
}
