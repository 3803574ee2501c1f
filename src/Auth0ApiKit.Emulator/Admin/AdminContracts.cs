using System.Text.Json.Serialization;

namespace Auth0ApiKit.Emulator.Admin;

/// <summary>A fault as admin calls describe it: <c>{"type":"rate_limited","retryAfterSeconds":2}</c>.</summary>
internal sealed class FaultSpec
{
    /// <summary>
    /// <c>rate_limited</c>, <c>server_error</c>, <c>slow</c>, <c>timeout</c>, <c>drop_connection</c>,
    /// <c>malformed_body</c> or <c>proxy_html</c>.
    /// </summary>
    public string? Type { get; set; }

    /// <summary>The status of <c>server_error</c> (408 or 5xx, default 500) and <c>proxy_html</c> (default 502).</summary>
    public int? Status { get; set; }

    /// <summary>The <c>Retry-After</c> of <c>rate_limited</c>.</summary>
    public double? RetryAfterSeconds { get; set; }

    /// <summary>How far ahead <c>x-ratelimit-reset</c> lies for <c>rate_limited</c>.</summary>
    public double? ResetAfterSeconds { get; set; }

    /// <summary>The wait of <c>slow</c>.</summary>
    public double? DelaySeconds { get; set; }

    /// <summary>Strike after the tenant commits the change.</summary>
    public bool? AfterCommit { get; set; }
}

/// <summary><c>POST /_emulator/faults</c>: answer the next <see cref="Times"/> matching requests with a fault.</summary>
internal sealed class ScriptFaultRequest
{
    public string? Method { get; set; }

    public string? Path { get; set; }

    public FaultSpec? Fault { get; set; }

    public int? Times { get; set; }
}

/// <summary><c>POST /_emulator/faults/random</c>: strike matching requests at random, reproducibly from a seed.</summary>
internal sealed class RandomFaultsRequest
{
    public int? Seed { get; set; }

    public string? Method { get; set; }

    public string? Path { get; set; }

    public List<RandomFaultSpec>? Faults { get; set; }
}

/// <summary>A fault and how likely it strikes.</summary>
internal sealed class RandomFaultSpec
{
    public double? Probability { get; set; }

    public FaultSpec? Fault { get; set; }
}

/// <summary><c>PUT /_emulator/faults/rate-limit</c>: at most <see cref="Limit"/> requests, refilled over the period.</summary>
internal sealed class RateLimitRequest
{
    public int? Limit { get; set; }

    public double? PeriodSeconds { get; set; }
}

/// <summary><c>GET /_emulator/faults</c>.</summary>
internal sealed record FaultsResponse(int PendingScriptedFaults);

/// <summary><c>POST /_emulator/clock/advance</c>: move the clock by that many seconds (back when negative).</summary>
internal sealed class ClockAdvanceRequest
{
    public double? Seconds { get; set; }
}

/// <summary><c>PUT /_emulator/clock</c>: set the clock to an instant.</summary>
internal sealed class ClockSetRequest
{
    public DateTimeOffset? Now { get; set; }
}

/// <summary>The emulator's clock.</summary>
internal sealed record ClockResponse(DateTimeOffset Now, double OffsetSeconds);

/// <summary>The signing key that signs RS256 tokens now.</summary>
internal sealed record SigningKeyResponse(string Kid);

/// <summary>The journal's entries (secrets redacted).</summary>
internal sealed record JournalResponse(long TotalRequests, IReadOnlyList<Testing.Journal.JournalEntry> Entries);

/// <summary><c>GET /_emulator/users</c>: the tenant's users, in creation order, each as Auth0's user body.</summary>
internal sealed record UsersResponse(IReadOnlyList<System.Text.Json.JsonElement> Users);

/// <summary>The emulator at a glance.</summary>
internal sealed record StatusResponse(string Issuer, string BaseUrl, DateTimeOffset Now, long StateVersion, long TotalRequests, int Resets);

/// <summary><c>POST /_emulator/tokens/application</c>: a client-credentials token, minted without the token endpoint.</summary>
internal sealed class ApplicationTokenRequest
{
    public string? ClientId { get; set; }

    public string? Api { get; set; }

    /// <summary>The scopes; the application's granted scopes when absent (then it must be authorized).</summary>
    public List<string>? Scopes { get; set; }
}

/// <summary><c>POST /_emulator/tokens/user</c>: a user's access token (and refresh token with offline access).</summary>
internal sealed class UserTokenRequest
{
    public string? ClientId { get; set; }

    public string? Api { get; set; }

    public string? UserId { get; set; }

    public List<string>? Scopes { get; set; }

    public Dictionary<string, string>? Claims { get; set; }
}

/// <summary>A minted token, in the token endpoint's shape.</summary>
internal sealed class MintedTokenResponse
{
    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    [JsonPropertyName("token_type")]
    public string TokenType { get; init; } = "Bearer";

    [JsonPropertyName("expires_in")]
    public long ExpiresIn { get; init; }

    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }
}

/// <summary>An admin call's error: <c>{"error":"invalid_request","message":"..."}</c>.</summary>
internal sealed record AdminError(string Error, string Message);
