namespace Auth0ApiKit.Testing.Store;

/// <summary>
/// Makes ids in Auth0's formats. Ids come from a seeded generator, so a tenant made with the same seed hands out the
/// same ids; secrets always come from a cryptographically secure source.
/// </summary>
internal sealed class IdGenerator
{
    private const string Hex = "0123456789abcdef";
    private const string LettersAndDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string SecretAlphabet = LettersAndDigits + "-_";
    private readonly Lock _gate = new();

    /// <summary>
    /// The state of a SplitMix64 sequence: statistically sound for ids, and free to set up (a seeded
    /// <see cref="Random"/> fills a 56-number table first, a microsecond and a half of every new tenant).
    /// </summary>
    private ulong _state;

    public IdGenerator(int seed) => _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL);

    /// <summary>A resource server id: 24 lowercase hex characters.</summary>
    public string ResourceServerId() => Next(Hex, 24);

    /// <summary>A client id: 32 letters and digits.</summary>
    public string ClientId() => Next(LettersAndDigits, 32);

    /// <summary>A client grant id: <c>cgr_</c> and 16 letters and digits.</summary>
    public string ClientGrantId() => "cgr_" + Next(LettersAndDigits, 16);

    /// <summary>A client credential id: <c>cred_</c> and 22 letters and digits.</summary>
    public string ClientCredentialId() => "cred_" + Next(LettersAndDigits, 22);

    /// <summary>A role id: <c>rol_</c> and 16 letters and digits.</summary>
    public string RoleId() => "rol_" + Next(LettersAndDigits, 16);

    /// <summary>A user id for the Auth0 database connection: <c>auth0|</c> and 24 hex characters.</summary>
    public string UserId() => "auth0|" + Next(Hex, 24);

    /// <summary>A client secret: 64 URL-safe characters from a secure source.</summary>
    public static string ClientSecret() => SecureRandom.GetString(SecretAlphabet, 64);

    /// <summary>A refresh token: 48 URL-safe characters from a secure source.</summary>
    public static string RefreshToken() => SecureRandom.GetString(SecretAlphabet, 48);

    /// <summary>An HS256 signing secret: 32 letters and digits from a secure source.</summary>
    public static string SigningSecret() => Secret.Generate().Reveal();

    private string Next(string alphabet, int length)
    {
        lock (_gate)
        {
            return string.Create(length, (alphabet, this), static (span, state) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = state.alphabet[state.Item2.NextIndex(state.alphabet.Length)];
                }
            });
        }
    }

    /// <summary>A number in [0, <paramref name="count"/>): the high half of a 64-bit draw times the count (bias under 2^-32).</summary>
    private int NextIndex(int count) => (int)(((NextUInt64() >> 32) * (ulong)count) >> 32);

    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
