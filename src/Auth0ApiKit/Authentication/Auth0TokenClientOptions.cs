namespace Auth0ApiKit.Authentication;

/// <summary>
/// Settings of an <see cref="Auth0TokenClient"/>: its clock, which dates <see cref="AccessToken.ExpiresAt"/>
/// (<see cref="Auth0ComponentOptions"/>). The client neither logs nor measures: the pipeline of the
/// <see cref="HttpClient"/> it sends with does.
/// </summary>
public sealed class Auth0TokenClientOptions : Auth0ComponentOptions
{
}
