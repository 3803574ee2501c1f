using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using T = Auth0ApiKit.Wire.AccessTokenFields;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// The outcome of validating an access token: for a valid token its principal, subject, client, scopes,
/// permissions and expiry; for a rejected one the precise <see cref="Failure"/> and a message that never quotes the
/// token or a secret.
/// </summary>
public sealed class AccessTokenValidationResult
{
    private readonly JsonWebToken? _token;
    private IReadOnlyList<string>? _scopes;
    private IReadOnlyList<string>? _permissions;

    private AccessTokenValidationResult(AccessTokenValidationFailure failure, string? message, JsonWebToken? token, ClaimsPrincipal? principal)
    {
        Failure = failure;
        Message = message;
        _token = token;
        Principal = principal;
    }

    /// <summary>Whether the token is valid for the API.</summary>
    public bool IsValid => Failure == AccessTokenValidationFailure.None;

    /// <summary>Why the token was rejected; <see cref="AccessTokenValidationFailure.None"/> when it is valid.</summary>
    public AccessTokenValidationFailure Failure { get; }

    /// <summary>A sentence saying why the token was rejected, or <see langword="null"/> when it is valid.</summary>
    public string? Message { get; }

    /// <summary>
    /// The token's claims as they are (no claim type mapping), or <see langword="null"/> when rejected. Its identity's name
    /// is <c>sub</c> and its roles are the <c>permissions</c>.
    /// </summary>
    public ClaimsPrincipal? Principal { get; }

    /// <summary>The token's <c>sub</c>: <c>{client_id}@clients</c> for an application, the user id for a user.</summary>
    public string? Subject => _token?.Subject;

    /// <summary>The application the token was issued to: <c>azp</c>, or <c>client_id</c> in RFC 9068 tokens.</summary>
    public string? ClientId =>
        _token is null ? null
        : _token.TryGetPayloadValue<string>(T.AuthorizedParty, out var azp) ? azp
        : _token.TryGetPayloadValue<string>(T.ClientId, out var clientId) ? clientId
        : null;

    /// <summary>The granted scopes from the space-separated <c>scope</c> claim; empty when rejected or none.</summary>
    public IReadOnlyList<string> Scopes => _scopes ??= Principal is null ? [] : AccessTokenClaimReader.Scopes(Principal.Claims);

    /// <summary>
    /// The <c>permissions</c> claim of <c>*_authz</c> dialects (an array of strings); empty when rejected or absent. A
    /// string claim is taken as one permission, never parsed as an array: read exactly as ASP.NET Core's
    /// <c>RequirePermission</c> reads it.
    /// </summary>
    public IReadOnlyList<string> Permissions => _permissions ??= Principal is null ? [] : AccessTokenClaimReader.Permissions(Principal.Claims);

    /// <summary>When the token expires (<c>exp</c>), or <see langword="null"/> when rejected.</summary>
    public DateTimeOffset? ExpiresAt => _token is null ? null : new DateTimeOffset(_token.ValidTo, TimeSpan.Zero);

    /// <summary>When the token was issued (<c>iat</c>), or <see langword="null"/> when rejected or absent.</summary>
    public DateTimeOffset? IssuedAt =>
        _token is null || _token.IssuedAt == DateTime.MinValue ? null : new DateTimeOffset(_token.IssuedAt, TimeSpan.Zero);

    /// <summary>Whether the token is valid and grants <paramref name="scope"/>.</summary>
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>Whether the token is valid and carries <paramref name="permission"/> in <c>permissions</c>.</summary>
    public bool HasPermission(string permission) => Permissions.Contains(permission, StringComparer.Ordinal);

    /// <summary>Describes the outcome without the token: <c>Valid access token for sub (client …)</c> or <c>Rejected access token: Expired: …</c>.</summary>
    public override string ToString() =>
        IsValid ? $"Valid access token for {Subject} (client {ClientId}), expires {ExpiresAt:O}" : $"Rejected access token: {Failure}: {Message}";

    internal static AccessTokenValidationResult Valid(JsonWebToken token, ClaimsPrincipal principal) =>
        new(AccessTokenValidationFailure.None, null, token, principal);

    internal static AccessTokenValidationResult Rejected(AccessTokenValidationFailure failure, string message) =>
        new(failure, message, null, null);
}
