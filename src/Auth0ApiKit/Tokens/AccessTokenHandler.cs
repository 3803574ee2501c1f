using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth0ApiKit.Tokens;

/// <summary>
/// IdentityModel's token handler for one API's tokens: it keeps claim types as they are, and validating a token given
/// as text first runs <see cref="AccessTokenValidation.PrecheckAsync"/> (size, form, pinned algorithm, RS256 key by
/// <c>kid</c>, fetching the JWKS when needed), so that hosts which call the handler themselves, such as ASP.NET Core's
/// JwtBearer, check exactly what <see cref="AccessTokenValidator"/> checks. Thread-safe.
/// </summary>
internal sealed class AccessTokenHandler : JsonWebTokenHandler
{
    private readonly AccessTokenValidation _validation;

    public AccessTokenHandler(AccessTokenValidation validation)
    {
        _validation = validation;
        MapInboundClaims = false;
        MaximumTokenSizeInBytes = validation.MaximumTokenLength;
    }

    /// <summary>Runs the prechecks, then IdentityModel's validation with <paramref name="validationParameters"/>.</summary>
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var precheck = await _validation.PrecheckAsync(token, CancellationToken.None).ConfigureAwait(false);
        return precheck.Rejection is { } rejection
            ? new TokenValidationResult { IsValid = false, Exception = rejection.ToException() }
            : await ValidateTokenAsync(precheck.Token!, validationParameters).ConfigureAwait(false);
    }
}
