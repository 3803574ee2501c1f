namespace Auth0ApiKit.Authentication;

/// <summary>
/// The clock that dates a <see cref="StaticAccessTokenProvider"/>'s token, and its loggers (<see cref="Auth0ComponentOptions"/>;
/// under a management client, those left unset here come from the client's options).
/// </summary>
public sealed class StaticAccessTokenProviderOptions : Auth0ComponentOptions
{
}
