namespace Auth0ApiKit.Testing.Actions;

/// <summary>
/// A token request that an Action denied, or whose custom claims break Auth0's size limit: the token endpoint answers it
/// with <see cref="Status"/> and the OAuth error; <see cref="FakeTenantTokens"/> turns it into a <see cref="FakeTenantException"/>.
/// </summary>
internal sealed class ActionDeniedException(int status, string error, string description)
    : Exception($"{error}: {description}")
{
    public int Status { get; } = status;

    public string Error { get; } = error;

    public string Description { get; } = description;
}
