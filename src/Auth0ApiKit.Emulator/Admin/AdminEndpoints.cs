using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Auth0ApiKit.Emulator.Http;
using Auth0ApiKit.Emulator.Time;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Testing.Faults;
using Auth0ApiKit.Wire;
using Microsoft.AspNetCore.Http;

namespace Auth0ApiKit.Emulator.Admin;

/// <summary>
/// The admin endpoints under <see cref="Prefix"/>: what a .NET test does through <see cref="FakeTenant"/>'s faces, for
/// tests in any language. Script faults, move the clock, rotate keys, reset state, read the journal, list users, mint
/// tokens.
/// <see cref="AdminAccess"/> decides who is answered; every input is checked against <see cref="AdminLimits"/>
/// before anything changes.
/// </summary>
internal sealed class AdminEndpoints
{
    /// <summary>The path prefix of every admin endpoint.</summary>
    public const string Prefix = "/_emulator";

    private readonly EmulatorTenant _tenant;
    private readonly OffsetTimeProvider _clock;
    private readonly Func<EmulatorCredentials> _credentials;
    private readonly AdminAccess _access;

    public AdminEndpoints(EmulatorTenant tenant, OffsetTimeProvider clock, Func<EmulatorCredentials> credentials, AdminAccess access)
    {
        _tenant = tenant;
        _clock = clock;
        _credentials = credentials;
        _access = access;
    }

    /// <summary>Whether a request is for the admin endpoints.</summary>
    public static bool IsAdminPath(PathString path) => path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    /// <summary>Answers one admin request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_access.Check(context) is { } refusal)
        {
            if (refusal.Challenge is { } challenge)
            {
                context.Response.Headers.WWWAuthenticate = challenge;
            }

            await WriteErrorAsync(context, refusal.Status, refusal.Error, refusal.Message).ConfigureAwait(false);
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
            ("GET", "users") => WriteAsync(context, 200, Users(tenant), EmulatorJson.Context.UsersResponse),
            _ when IsKnownRoute(route) => throw new AdminRequestException(405, "method_not_allowed", $"{method} is not allowed on {Prefix}/{route}."),
            _ => throw new AdminRequestException(404, "not_found", $"There is no admin endpoint {Prefix}/{route}."),
        };
    }

    private static bool IsKnownRoute(string route) => route is "" or "status" or "credentials" or "reset" or "clock" or "clock/advance"
        or "keys/rotate" or "keys/revoke-previous" or "faults" or "faults/random" or "faults/rate-limit" or "journal"
        or "tokens/application" or "tokens/user" or "users";

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
        var now = request.Now ?? throw Invalid("'now' (an ISO 8601 instant) is required.");
        if (now < AdminLimits.EarliestClock || now > AdminLimits.LatestClock)
        {
            throw Invalid($"'now' must be {AdminLimits.ClockRange}, not {now:O}.");
        }

        _clock.SetUtcNow(now);
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
        var seconds = request.Seconds ?? throw Invalid("'seconds' is required.");
        var span = (AdminLimits.LatestClock - AdminLimits.EarliestClock).TotalSeconds;
        if (!(Math.Abs(seconds) <= span) || !_clock.TryAdvance(TimeSpan.FromSeconds(seconds), AdminLimits.EarliestClock, AdminLimits.LatestClock))
        {
            throw Invalid($"'seconds' must keep the clock {AdminLimits.ClockRange}; {Number(seconds)} seconds from {_clock.GetUtcNow():O} does not.");
        }

        await WriteAsync(context, 200, Clock(), EmulatorJson.Context.ClockResponse).ConfigureAwait(false);
    }

    private static async Task ScriptFaultAsync(HttpContext context, FakeTenant tenant)
    {
        var request = await ReadAsync(context, EmulatorJson.Context.ScriptFaultRequest).ConfigureAwait(false);
        var method = Method(request.Method);
        var path = request.Path ?? throw Invalid("'path' (such as /api/v2/resource-servers/*) is required.");
        var fault = ToFault(request.Fault, "fault");
        var times = Count(request.Times ?? 1, "times");
        tenant.Faults.Script(method, path, fault, times);
        context.Response.StatusCode = 204;
    }

    private static async Task RandomFaultsAsync(HttpContext context, FakeTenant tenant)
    {
        var request = await ReadAsync(context, EmulatorJson.Context.RandomFaultsRequest).ConfigureAwait(false);
        var faults = (request.Faults ?? throw Invalid("'faults' (a list of {probability, fault}) is required."))
            .Select((f, i) => new RandomFault(f.Probability ?? throw Invalid($"faults[{i}].probability is required."), ToFault(f.Fault, $"faults[{i}].fault")))
            .ToList();
        tenant.Faults.Randomly(request.Seed ?? throw Invalid("'seed' is required, so that a run can be repeated."), faults,
            Method(request.Method), request.Path ?? "/**");
        context.Response.StatusCode = 204;
    }

    private static async Task LimitRateAsync(HttpContext context, FakeTenant tenant)
    {
        var request = await ReadAsync(context, EmulatorJson.Context.RateLimitRequest).ConfigureAwait(false);
        var limit = Count(request.Limit ?? throw Invalid("'limit' is required."), "limit");
        var period = request.PeriodSeconds ?? throw Invalid("'periodSeconds' is required.");
        if (!(period > 0 && period <= AdminLimits.MaxRateLimitSeconds))
        {
            throw Invalid($"'periodSeconds' must be more than 0 and at most {Number(AdminLimits.MaxRateLimitSeconds)} seconds, not {Number(period)}.");
        }

        tenant.Faults.LimitRate(limit, TimeSpan.FromSeconds(period));
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

    /// <summary>Every user as the Management API answers it (no password: the tenant keeps only hashes, apart from the rows).</summary>
    private static UsersResponse Users(FakeTenant tenant) =>
        new([.. tenant.Users.Bodies.Select(user => WireJson.ToElement(user, WireJson.Context.UserDto))]);

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
        var tokens = tenant.Tokens.ForUser(request.ClientId ?? throw Invalid("'clientId' is required."),
            request.Api ?? throw Invalid("'api' (the API's identifier) is required."),
            request.UserId ?? throw Invalid("'userId' (such as auth0|123) is required."), request.Scopes ?? [], request.Claims);
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
            "rate_limited" => Fault.RateLimited(Seconds(spec.RetryAfterSeconds, $"{path}.retryAfterSeconds", AdminLimits.MaxRateLimitSeconds),
                Seconds(spec.ResetAfterSeconds, $"{path}.resetAfterSeconds", AdminLimits.MaxRateLimitSeconds)),
            "server_error" => ServerError(spec.Status ?? 500, $"{path}.status"),
            "slow" => Fault.Slow(Seconds(spec.DelaySeconds, $"{path}.delaySeconds", AdminLimits.MaxDelaySeconds)
                ?? throw Invalid($"{path}.delaySeconds is required.")),
            "timeout" => Fault.Timeout(),
            "drop_connection" => Fault.DropConnection(),
            "malformed_body" => Fault.MalformedBody(),
            "proxy_html" => Fault.ProxyHtml(ProxyStatus(spec.Status ?? 502, $"{path}.status")),
            _ => throw Invalid($"{path}.type must be rate_limited, server_error, slow, timeout, drop_connection, malformed_body or proxy_html."),
        };
        return spec.AfterCommit == true ? fault.AfterCommit() : fault;
    }

    /// <summary>Seconds from 0 to <paramref name="max"/>, or <see langword="null"/> when absent.</summary>
    private static TimeSpan? Seconds(double? seconds, string field, double max) => seconds switch
    {
        null => null,
        >= 0 and var value when value <= max => TimeSpan.FromSeconds(value),
        var value => throw Invalid($"'{field}' must be from 0 to {Number(max)} seconds, not {Number(value.Value)}."),
    };

    /// <summary>A server error's status: the rule is <see cref="Fault.ServerError"/>'s; the message names the field.</summary>
    private static Fault ServerError(int status, string field)
    {
        try
        {
            return Fault.ServerError(status);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Invalid($"'{field}' must be 408 or 500 to 599, not {status}.");
        }
    }

    private static int ProxyStatus(int status, string field) =>
        status is >= AdminLimits.MinProxyStatus and <= AdminLimits.MaxProxyStatus
            ? status
            : throw Invalid($"'{field}' must be from {AdminLimits.MinProxyStatus} to {AdminLimits.MaxProxyStatus}, not {status}.");

    private static int Count(int count, string field) =>
        count is >= 1 and <= AdminLimits.MaxCount ? count : throw Invalid($"'{field}' must be from 1 to {AdminLimits.MaxCount}, not {count}.");

    /// <summary>A fault's method: <c>*</c> (any) or an HTTP method's name.</summary>
    private static string Method(string? method) =>
        method is null or "*" ? "*"
        : method.Length is > 0 and <= 20 && method.All(char.IsAsciiLetter) ? method
        : throw Invalid($"'method' must be '*' or an HTTP method such as PATCH, not '{method}'.");

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var body = await RequestBody.ReadAsync(context.Request, AdminLimits.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body.Length > AdminLimits.MaxBodyBytes)
        {
            throw new AdminRequestException(413, "payload_too_large", $"Admin request bodies are limited to {AdminLimits.MaxBodyBytes} bytes.");
        }

        try
        {
            return JsonSerializer.Deserialize(body, typeInfo) ?? throw Invalid("The body must be a JSON object.");
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
