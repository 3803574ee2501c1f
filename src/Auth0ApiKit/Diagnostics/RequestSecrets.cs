namespace Auth0ApiKit.Diagnostics;

/// <summary>
/// The secrets a request carries (client secret, refresh token, bearer token), kept on the request so that whatever
/// describes its answer can scrub them even when a server echoes them back in a form no pattern knows.
/// </summary>
internal static class RequestSecrets
{
    private static readonly HttpRequestOptionsKey<List<string>> Key = new("Auth0ApiKit.Secrets");

    /// <summary>Notes that <paramref name="request"/> carries <paramref name="secret"/>.</summary>
    public static void Add(HttpRequestMessage request, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        if (!request.Options.TryGetValue(Key, out var secrets))
        {
            secrets = [];
            request.Options.Set(Key, secrets);
        }

        secrets.Add(secret);
    }

    /// <summary>The secrets <paramref name="request"/> carries; none when it is <see langword="null"/>.</summary>
    public static IReadOnlyList<string> Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var secrets) ? secrets : [];
}
