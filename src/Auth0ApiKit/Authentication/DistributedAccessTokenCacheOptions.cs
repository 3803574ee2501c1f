namespace Auth0ApiKit.Authentication;

/// <summary>
/// The clock that turns a token's expiry into a <see cref="DistributedAccessTokenCache"/> entry's time to live: the token
/// provider's clock (<see cref="Auth0ComponentOptions"/>; under <c>WithDistributedTokenCache</c>, those left unset come
/// from the management client's options, then from the container).
/// </summary>
public sealed class DistributedAccessTokenCacheOptions : Auth0ComponentOptions
{
}
