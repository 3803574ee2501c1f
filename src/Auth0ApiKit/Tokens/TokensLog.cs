using Microsoft.Extensions.Logging;

namespace Auth0ApiKit.Tokens;

/// <summary>The log messages of token validation. None carries a token, a secret or key material.</summary>
internal static partial class TokensLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Fetched the signing keys from {JwksUri}: {KeyCount} RS256 keys, {IgnoredCount} other entries ignored.")]
    public static partial void KeySetFetched(ILogger logger, Uri jwksUri, int keyCount, int ignoredCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Could not fetch the signing keys from {JwksUri}: {Reason}. Keeping the {KeyCount} keys fetched before.")]
    public static partial void KeySetFetchFailed(ILogger logger, Uri jwksUri, string reason, int keyCount);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Rejected an access token for {Audience}: {Failure}.")]
    public static partial void TokenRejected(ILogger logger, string audience, AccessTokenValidationFailure failure);
}
