using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Auth0ApiKit.Emulator.Time;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Testing.Faults;
using Microsoft.AspNetCore.Http;

namespace Auth0ApiKit.Emulator.Admin;

/// <summary>
/// The admin endpoints under <see cref="Prefix"/>: what a .NET test does through <see cref="FakeTenant"/>'s faces, for
/// tests in any language. Script faults, move the clock, rotate keys, reset state, read the journal, mint tokens.
/// Only loopback callers are answered; anyone else gets 403.
/// </summary>
internal sealed class AdminEndpoints
{
    /// <summary>The path prefix of every admin endpoint.</summary>
    public const string Prefix = "/_emulator";

    private readonly EmulatorTenant _tenant;
    private readonly OffsetTimeProvider _clock;
    private readonly Func<EmulatorCredentials> _credentials;

    public AdminEndpoints(EmulatorTenant tenant, OffsetTimeProvider clock, Func<EmulatorCredentials> credentials)
    {
        _tenant = tenant;
        _clock = clock;
        _credentials = credentials;
    }

    /// <summary>Whether a request is for the admin endpoints.</summary>
    public static bool IsAdminPath(PathString path) => path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    /// <summary>Whether a caller may use the admin endpoints: a loopback address (or a transport without one, such as a Unix socket).</summary>
    public static bool IsLocalCaller(IPAddress? remote) =>
        remote is null || IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    /// <summary>Answers one admin request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsLocalCaller(context.Connection.RemoteIpAddress))
        {
            await WriteErrorAsync(context, 403, "forbidden", "The admin endpoints answer loopback callers only.").ConfigureAwait(false);
            return;
        }

        context.Request.Path.StartsWithSegments(Prefix, StringComparison.Ordinal, out var rest);
        var route = rest.Value?.Trim('/') ?? string.Empty;
        var method = context.Request.Method;
        try
        {
            await DispatchAsync(context, method, route).ConfigureAwait(false);
        }
        catch (AdminRequestException e)
        {
            await WriteErrorAsync(context, e.Status, e.Error, e.Message).ConfigureAwait(false);
        }
        catch (FakeTenantException e)
        {
            await WriteErrorAsync(context, e.StatusCode, "refused", e.Message).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            await WriteErrorAsync(context, 400, "invalid_request", e.Message).ConfigureAwait(false);
        }
    }

    private Task DispatchAsync(HttpContext context, string method, string route)
    {
        var tenant = _tenant.Current;
        return (method, route) switch
        {
            ("GET", "" or "status") => WriteAsync(context, 200, Status(), EmulatorJson.Context.StatusResponse),
            ("GET", "credentials") => WriteAsync(context, 200, _credentials(), EmulatorJson.Context.EmulatorCredentials),
            ("POST", "reset") => ResetAsync(context),
            ("GET", "clock") => WriteAsync(context, 200, Clock(), EmulatorJson.Context.ClockResponse),
            ("PUT", "clock") => SetClockAsync(context),
            ("DELETE", "clock") => ResetClockAsync(context),
            ("POST", "clock/advance") => AdvanceClockAsync(context),
            ("POST", "keys/rotate") => WriteAsync(context, 200, new SigningKeyResponse(tenant.Tokens.RotateSigningKey().KeyId),
                EmulatorJson.Context.SigningKeyResponse),
            ("POST", "keys/revoke-previous") => NoContent(context, tenant.Tokens.RevokePreviousSigningKey),
            ("GET", "faults") => WriteAsync(context, 200, new FaultsResponse(tenant.Faults.PendingScriptedFaults), EmulatorJson.Context.FaultsResponse),
            ("POST", "faults") => ScriptFaultAsync(context, tenant),
            ("POST", "faults/random") => RandomFaultsAsync(context, tenant),
            ("PUT", "faults/rate-limit") => LimitRateAsync(context, tenant),
            ("DELETE", "faults") => NoContent(context, tenant.Faults.Clear),
            ("GET", "journal") => WriteAsync(context, 200, Journal(context, tenant), EmulatorJson.Context.JournalResponse),
            ("DELETE", "journal") => NoContent(context, tenant.Journal.Clear),
            ("POST", "tokens/application") => ApplicationTokenAsync(context, tenant),
            ("POST", "tokens/user") => UserTokenAsync(context, tenant),
            _ when IsKnownRoute(route) => throw new AdminRequestException(405, "method_not_allowed", $"{method} is not allowed on {Prefix}/{route}."),
            _ => throw new AdminRequestException(404, "not_found", $"There is no admin endpoint {Prefix}/{route}."),
        };
    }

    private static bool IsKnownRoute(string route) => route is "" or "status" or "credentials" or "reset" or "clock" or "clock/advance"
        or "keys/rotate" or "keys/revoke-previous" or "faults" or "faults/random" or "faults/rate-limit" or "journal"
        or "tokens/application" or "tokens/user";

    private StatusResponse Status()
    {
        var tenant = _tenant.Current;
        return new StatusResponse(tenant.Urls.Issuer, _credentials().BaseUrl, _clock.GetUtcNow(), tenant.StateVersion,
            tenant.Journal.TotalRequests, _tenant.Resets);
    }

    private ClockResponse Clock() => new(_clock.GetUtcNow(), _clock.Offset.TotalSeconds);

    private Task ResetAsync(HttpContext context)
    {
        _tenant.Reset();
        return WriteAsync(context, 200, Status(), EmulatorJson.Context.StatusResponse);
    }

    private async Task SetClockAsync(HttpContext context)
    {
        var request = await ReadAsync(context, EmulatorJson.Context.ClockSetRequest).ConfigureAwait(false);
        _clock.SetUtcNow(request.Now ?? throw Invalid("'now' (an ISO 8601 instant) is required."));
        await WriteAsync(context, 200, Clock(), EmulatorJson.Context.ClockResponse).ConfigureAwait(false);
    }

    private Task ResetClockAsync(HttpContext context)
    {
        _clock.Reset();
        return WriteAsync(context, 200, Clock(), EmulatorJson.Context.ClockResponse);
    }

    private async Task AdvanceClockAsync(HttpContext context)
    {
        var request = await ReadAsync(context, EmulatorJson.Context.ClockAdvanceRequest).ConfigureAwait(false);
        _clock.Advance(Seconds(request.Seconds, "seconds", allowNegative: true) ?? throw Invalid("'seconds' is required."));
        await WriteAsync(context, 200, Clock(), EmulatorJson.Context.ClockResponse).ConfigureAwait(false);
    }

    private static async Task ScriptFaultAsync(HttpContext context, FakeTenant tenant)
    {
        var request = await ReadAsync(context, EmulatorJson.Context.ScriptFaultRequest).ConfigureAwait(false);
        tenant.Faults.Script(request.Method ?? "*", request.Path ?? throw Invalid("'path' (such as /api/v2/resource-servers/*) is required."),
            ToFault(request.Fault, "fault"), request.Times ?? 1);
        context.Response.StatusCode = 204;
    }

    private static async Task RandomFaultsAsync(HttpContext context, FakeTenant tenant)
    {
        var request = await ReadAsync(context, EmulatorJson.Context.RandomFaultsRequest).ConfigureAwait(false);
        var faults = (request.Faults ?? throw Invalid("'faults' (a list of {probability, fault}) is required."))
            .Select((f, i) => new RandomFault(f.Probability ?? throw Invalid($"faults[{i}].probability is required."), ToFault(f.Fault, $"faults[{i}].fault")))
            .ToList();
        tenant.Faults.Randomly(request.Seed ?? throw Invalid("'seed' is required, so that a run can be repeated."), faults,
            request.Method ?? "*", request.Path ?? "/**");
        context.Response.StatusCode = 204;
    }

    private static async Task LimitRateAsync(HttpContext context, FakeTenant tenant)
    {
        var request = await ReadAsync(context, EmulatorJson.Context.RateLimitRequest).ConfigureAwait(false);
        var period = Seconds(request.PeriodSeconds, "periodSeconds", allowNegative: false) ?? throw Invalid("'periodSeconds' is required.");
        if (request.Limit is not > 0 || period <= TimeSpan.Zero)
        {
            throw Invalid("'limit' and 'periodSeconds' must be greater than 0.");
        }

        tenant.Faults.LimitRate(request.Limit.Value, period);
        context.Response.StatusCode = 204;
    }

    private static JournalResponse Journal(HttpContext context, FakeTenant tenant)
    {
        var method = context.Request.Query["method"].ToString();
        var path = context.Request.Query["path"].ToString();
        var entries = path.Length > 0 ? tenant.Journal.For(method.Length > 0 ? method : "GET", path) : tenant.Journal.Entries;
        if (path.Length == 0 && method.Length > 0)
        {
            entries = [.. entries.Where(e => string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase))];
        }

        return new JournalResponse(tenant.Journal.TotalRequests, entries);
    }

    private static async Task ApplicationTokenAsync(HttpContext context, FakeTenant tenant)
    {
        var request = await ReadAsync(context, EmulatorJson.Context.ApplicationTokenRequest).ConfigureAwait(false);
        var token = tenant.Tokens.ForApplication(request.ClientId ?? throw Invalid("'clientId' is required."),
            request.Api ?? throw Invalid("'api' (the API's identifier) is required."), request.Scopes);
        await WriteAsync(context, 200, new MintedTokenResponse
        {
            AccessToken = token.Value,
            ExpiresIn = (long)token.ExpiresIn.TotalSeconds,
            Scope = token.Scopes.Count == 0 ? null : string.Join(' ', token.Scopes),
        }, EmulatorJson.Context.MintedTokenResponse).ConfigureAwait(false);
    }

    private static async Task UserTokenAsync(HttpContext context, FakeTenant tenant)
    {
        var request = await ReadAsync(context, EmulatorJson.Context.UserTokenRequest).ConfigureAwait(false);
        var tokens = tenant.Tokens.ForUser(request.Api ?? throw Invalid("'api' (the API's identifier) is required."),
            request.UserId ?? throw Invalid("'userId' (such as auth0|123) is required."),
            request.ClientId ?? throw Invalid("'clientId' is required."), request.Scopes ?? [], request.Claims);
        await WriteAsync(context, 200, new MintedTokenResponse
        {
            AccessToken = tokens.AccessToken.Value,
            ExpiresIn = (long)tokens.AccessToken.ExpiresIn.TotalSeconds,
            Scope = tokens.AccessToken.Scopes.Count == 0 ? null : string.Join(' ', tokens.AccessToken.Scopes),
            RefreshToken = tokens.RefreshToken?.Reveal(),
        }, EmulatorJson.Context.MintedTokenResponse).ConfigureAwait(false);
    }

    /// <summary>A fault from its description.</summary>
    internal static Fault ToFault(FaultSpec? spec, string path)
    {
        if (spec is null)
        {
            throw Invalid($"'{path}' is required.");
        }

        var fault = spec.Type switch
        {
            "rate_limited" => Fault.RateLimited(Seconds(spec.RetryAfterSeconds, $"{path}.retryAfterSeconds", false),
                Seconds(spec.ResetAfterSeconds, $"{path}.resetAfterSeconds", false)),
            "server_error" => Fault.ServerError(spec.Status ?? 500),
            "slow" => Fault.Slow(Seconds(spec.DelaySeconds, $"{path}.delaySeconds", false) ?? throw Invalid($"{path}.delaySeconds is required.")),
            "timeout" => Fault.Timeout(),
            "drop_connection" => Fault.DropConnection(),
            "malformed_body" => Fault.MalformedBody(),
            "proxy_html" => Fault.ProxyHtml(spec.Status ?? 502),
            _ => throw Invalid($"{path}.type must be rate_limited, server_error, slow, timeout, drop_connection, malformed_body or proxy_html."),
        };
        return spec.AfterCommit == true ? fault.AfterCommit() : fault;
    }

    private static TimeSpan? Seconds(double? seconds, string name, bool allowNegative)
    {
        if (seconds is not { } value)
        {
            return null;
        }

        if (!double.IsFinite(value) || (!allowNegative && value < 0) || Math.Abs(value) > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            throw Invalid($"'{name}' must be a finite number of seconds{(allowNegative ? "" : " of at least 0")}.");
        }

        return TimeSpan.FromSeconds(value);
    }

    private static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, typeInfo, context.RequestAborted).ConfigureAwait(false)
                ?? throw Invalid("The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw Invalid($"The body is not valid JSON for this call{(e.Path is { Length: > 1 } p ? $" (at {p})" : "")}.");
        }
    }

    private static Task NoContent(HttpContext context, Action action)
    {
        action();
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private static Task WriteAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, typeInfo, context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string error, string message) =>
        WriteAsync(context, status, new AdminError(error, message), EmulatorJson.Context.AdminError);

    private static AdminRequestException Invalid(string message) => new(400, "invalid_request", message);

    /// <summary>An admin call that cannot be carried out, with its status.</summary>
    private sealed class AdminRequestException(int status, string error, string message) : Exception(message)
    {
        public int Status { get; } = status;

        public string Error { get; } = error;
    }
}
