namespace Auth0ApiKit.Authentication;

/// <summary>How an application proves its identity to the token endpoint.</summary>
public enum ClientAuthenticationMethod
{
    /// <summary>The secret travels in the request body (<c>client_secret_post</c>), as Auth0's SDKs send it.</summary>
    Post = 0,

    /// <summary>The id and secret travel as HTTP Basic credentials (<c>client_secret_basic</c>).</summary>
    Basic = 1,
}

/// <summary>An application's client id and secret. The secret never shows in <see cref="ToString"/>.</summary>
/// <param name="ClientId">The client id.</param>
/// <param name="ClientSecret">The client secret.</param>
/// <param name="Method">How the secret is sent; in the body by default.</param>
public sealed record ClientCredentials(string ClientId, Secret ClientSecret, ClientAuthenticationMethod Method = ClientAuthenticationMethod.Post)
{
    /// <summary>The client id and the method; never the secret.</summary>
    public override string ToString() => $"Client {ClientId} ({Method}, secret ***)";
}
