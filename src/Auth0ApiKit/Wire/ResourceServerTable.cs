using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Wire.Schema;
using F = Auth0ApiKit.Wire.ResourceServerFields;

namespace Auth0ApiKit.Wire;

/// <summary>
/// Every property of a resource server (an API) that Auth0's Management API accepts or returns, with Auth0's rule,
/// PATCH behaviour and the default a real tenant returns (AUTH0-SCHEMAS.md section 2). The fake tenant's checks,
/// create defaults and merge come from here; a property the SDK does not model is one row and nothing else.
/// </summary>
internal static class ResourceServerTable
{
    private static readonly WireShape ScopeShape = new(
        WireField.String(F.ScopeValue).Length(1, ApiLimits.ScopeValueMaxLength).IsRequired(),
        WireField.String(F.ScopeDescription).Length(0, ApiLimits.ScopeDescriptionMaxLength));

    private static readonly WireShape SubjectTypeAuthorizationShape = new(
        WireField.Object("user", new WireShape(WireField.String("policy").OneOf("allow_all", "deny_all", "require_client_grant")) { Open = true }),
        WireField.Object("client", new WireShape(WireField.String("policy").OneOf("deny_all", "require_client_grant")) { Open = true }));

    private static readonly WireShape TokenEncryptionShape = new(
        WireField.String("format").OneOf("compact-nested-jwe").IsRequired(),
        WireField.Object("encryption_key", new WireShape(
            WireField.String("name").Length(1, 128),
            WireField.String("alg").OneOf("RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512").IsRequired(),
            WireField.String("kid").Length(1, 128),
            WireField.String("pem").Length(1, 4096).IsRequired())).IsRequired());

    private static readonly WireShape ProofOfPossessionShape = new(
        WireField.String("mechanism").OneOf("mtls", "dpop").IsRequired(),
        WireField.Boolean("required").IsRequired(),
        WireField.String("required_for").OneOf("public_clients", "all_clients"));

    /// <summary>The resource server's properties, in the order Auth0 returns them.</summary>
    public static WireShape Shape { get; } = new(
        WireField.String(F.Id).ReadOnly(),
        // No minLength in Auth0's schema: the pattern's "+" refuses an empty name.
        WireField.String(F.Name).Length(0, ApiLimits.NameMaxLength).Typed()
            .Matching(ApiServerRules.NamePattern, name => name.Length > 0 && ApiServerRules.HasNoForbiddenCharacter(name)),
        WireField.String(F.Identifier).Typed().Length(1, ApiLimits.IdentifierMaxLength).IsRequired().CreateOnly(),
        WireField.ObjectArray(F.Scopes, ScopeShape).Typed(),
        WireField.String(F.SigningAlgorithm).Typed().OneOf(ApiServerRules.AcceptedSigningAlgorithms).DefaultsTo($"\"{SigningAlgorithm.RS256.Value}\""),
        WireField.String(F.SigningSecret).Typed().Length(ApiLimits.SigningSecretMinLength).IsSecret(),
        WireField.Integer(F.TokenLifetime).Typed().Range(0, ApiLimits.TokenLifetimeMaxSeconds).OnSystemObjects()
            .DefaultsTo(Number(ApiLimits.DefaultTokenLifetimeSeconds)),
        WireField.Integer(F.TokenLifetimeForWeb).Typed().Range(0, ApiLimits.TokenLifetimeMaxSeconds).DefaultsTo(Number(ApiLimits.DefaultWebTokenLifetimeSeconds)).DefaultsTo(DefaultWebLifetime),
        WireField.Boolean(F.AllowOfflineAccess).Typed().DefaultsTo("false"),
        WireField.Boolean(F.SkipConsent).Typed().OnSystemObjects().DefaultsTo("false"),
        WireField.Boolean(F.EnforcePolicies).Typed(),
        WireField.String(F.TokenDialect).Typed().OneOf(ApiServerRules.AcceptedTokenDialects),
        WireField.Object(F.SubjectTypeAuthorization, SubjectTypeAuthorizationShape)
            .DefaultsTo("""{"client":{"policy":"require_client_grant"},"user":{"policy":"allow_all"}}"""),
        WireField.Boolean("allow_online_access"),
        WireField.Boolean("allow_online_access_with_ephemeral_sessions"),
        WireField.String("consent_policy").OneOf("transactional-authorization-with-mfa").IsNullable(),
        WireField.ObjectArray("authorization_details", new WireShape(WireField.String("type").Length(1, 255).IsRequired()) { Open = true }).IsNullable(),
        WireField.Object("token_encryption", TokenEncryptionShape).IsNullable(),
        WireField.Object("proof_of_possession", ProofOfPossessionShape).IsNullable(),
        WireField.Object("authorization_policy", new WireShape(WireField.String("policy_id").Length(1, 1024).IsRequired())).IsNullable(),
        WireField.Boolean(F.IsSystem).ReadOnly(),
        WireField.String("client_id").ReadOnly());

    /// <summary>
    /// Stores one property of a resource-server row: in the typed property where <see cref="ResourceServerDto"/> models
    /// it, else as an additional property (sharing <paramref name="value"/>, which is immutable). Creates hand their
    /// defaults over through it, so a typed body is completed without being written and read again.
    /// </summary>
    public static void Store(ResourceServerDto row, string name, JsonElement value)
    {
        switch (name)
        {
            case F.SigningAlgorithm: row.SigningAlgorithm = value.GetString(); break;
            case F.TokenLifetime: row.TokenLifetime = value.GetInt64(); break;
            case F.TokenLifetimeForWeb: row.TokenLifetimeForWeb = value.GetInt64(); break;
            case F.AllowOfflineAccess: row.AllowOfflineAccess = value.GetBoolean(); break;
            case F.SkipConsent: row.SkipConsentForVerifiableFirstPartyClients = value.GetBoolean(); break;
            case F.EnforcePolicies: row.EnforcePolicies = value.GetBoolean(); break;
            case F.TokenDialect: row.TokenDialect = value.GetString(); break;
            case F.Name: row.Name = value.GetString(); break;
            case F.SigningSecret: row.SigningSecret = value.GetString(); break;
            case F.Identifier or F.Scopes or F.Id or F.IsSystem:
                throw new InvalidOperationException($"'{name}' has no default to store.");
            default: (row.AdditionalProperties ??= new(StringComparer.Ordinal))[name] = value; break;
        }
    }

    private static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Auth0's default web lifetime: the token lifetime, at most two hours.</summary>
    private static JsonElement? DefaultWebLifetime(JsonElement body) =>
        body.TryGetProperty(F.TokenLifetime, out var lifetime) && lifetime.TryGetInt64(out var seconds)
            ? JsonSerializer.SerializeToElement(ApiLimits.DefaultWebLifetimeSeconds(seconds), WireJson.Context.Int64)
            : null;
}
