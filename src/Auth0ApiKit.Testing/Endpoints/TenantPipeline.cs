using System.Globalization;
using System.Text;
using Auth0ApiKit.Testing.Faults;
using Auth0ApiKit.Testing.Journal;
using Auth0ApiKit.Testing.Store;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>
/// Every request to a fake tenant passes here, whatever the transport: route, authenticate, rate-limit, strike
/// faults, call the endpoint, add Auth0's headers, write the journal. Thread-safe.
/// </summary>
internal sealed class TenantPipeline
{
    private static readonly TimeSpan TimeoutSafetyNet = TimeSpan.FromMinutes(10);

    private readonly FaultInjector _faults;
    private readonly RequestJournal _journal;
    private readonly TimeProvider _time;
    private readonly ManagementAuthenticator _authenticator;
    private readonly ResourceServersEndpoint _resourceServers;
    private readonly ClientsEndpoint _clients;
    private readonly ClientGrantsEndpoint _clientGrants;
    private readonly ClientCredentialsEndpoint _clientCredentials;
    private readonly RolesEndpoint _roles;
    private readonly UserAccessEndpoint _userAccess;
    private readonly TokenEndpoint _token;
    private readonly WellKnownEndpoint _wellKnown;

    public TenantPipeline(TenantStore store, FaultInjector faults, RequestJournal journal, TimeProvider time,
        ManagementAuthenticator authenticator, TokenEndpoint token, WellKnownEndpoint wellKnown)
    {
        _faults = faults;
        _journal = journal;
        _time = time;
        _authenticator = authenticator;
        _token = token;
        _wellKnown = wellKnown;
        _resourceServers = new ResourceServersEndpoint(store);
        _clients = new ClientsEndpoint(store);
        _clientGrants = new ClientGrantsEndpoint(store);
        _clientCredentials = new ClientCredentialsEndpoint(store, time);
        _roles = new RolesEndpoint(store);
        _userAccess = new UserAccessEndpoint(store);
    }

    /// <summary>Answers one request. Throws <see cref="FakeConnectionDroppedException"/> for a dropped connection.</summary>
    public async Task<FakeResponse> HandleAsync(FakeRequest request, CancellationToken cancellationToken)
    {
        var sequence = _journal.NextSequence();
        var receivedAt = _time.GetUtcNow();
        FakeResponse? response = null;
        Fault? fault = null;
        try
        {
            fault = _faults.Next(request.Method, request.Path);
            response = await AnswerAsync(request, fault, cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            _journal.Add(new JournalEntry(sequence, receivedAt, request, response, fault?.ToString()));
        }
    }

    private async Task<FakeResponse> AnswerAsync(FakeRequest request, Fault? fault, CancellationToken cancellationToken)
    {
        var route = Route(request);
        if (route.Handler is null)
        {
            return route.Error!;
        }

        ManagementCaller? caller = null;
        if (route.RequiredScopes is { } scopes)
        {
            caller = await _authenticator.AuthenticateAsync(request.Header("Authorization"), cancellationToken).ConfigureAwait(false);
            if (caller is null)
            {
                return ManagementErrors.InvalidToken();
            }

            if (scopes.Count > 0 && !caller.HasAny(scopes))
            {
                return ManagementErrors.InsufficientScope(scopes);
            }
        }

        RateLimitState? limit = null;
        if (route.RateLimited && !_faults.TryPassRateLimit(out limit))
        {
            return WithRateLimitHeaders(ManagementErrors.TooManyRequests(), limit, retryAfter: limit!.Value.RetryAfter);
        }

        if (fault is not null && fault.Timing == FaultTiming.BeforeCommit)
        {
            if (fault.Kind == FaultKind.Delay)
            {
                await WaitAsync(fault.Delay, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                return await StrikeAsync(fault, committed: null, limit, cancellationToken).ConfigureAwait(false);
            }
        }

        var response = route.Handler(caller);
        if (route.RateLimited)
        {
            WithRateLimitHeaders(response, limit, retryAfter: null);
        }

        if (fault is not null && fault.Timing == FaultTiming.AfterCommit)
        {
            if (fault.Kind == FaultKind.Delay)
            {
                await WaitAsync(fault.Delay, cancellationToken).ConfigureAwait(false);
                return response;
            }

            return await StrikeAsync(fault, response, limit, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private async Task<FakeResponse> StrikeAsync(Fault fault, FakeResponse? committed, RateLimitState? limit, CancellationToken cancellationToken)
    {
        switch (fault.Kind)
        {
            case FaultKind.Timeout:
                await WaitAsync(TimeoutSafetyNet, cancellationToken).ConfigureAwait(false);
                return ManagementErrors.Error(504, "Gateway Timeout");
            case FaultKind.Drop:
                throw new FakeConnectionDroppedException(committed is not null);
            case FaultKind.Malformed:
                var body = committed?.Body is { Length: > 1 } full ? full[..(full.Length / 2)] : Encoding.UTF8.GetBytes("{\"statusCode\":");
                return new FakeResponse(committed?.Status ?? 200, body, "application/json; charset=utf-8") { Committed = committed is not null };
            case FaultKind.Html:
                var html = $"<html><head><title>{fault.Status} {ManagementErrors.ReasonPhrase(fault.Status)}</title></head><body><h1>{ManagementErrors.ReasonPhrase(fault.Status)}</h1></body></html>";
                return new FakeResponse(fault.Status, Encoding.UTF8.GetBytes(html), "text/html") { Committed = committed is not null };
            default:
                var error = fault.Status == 429
                    ? ManagementErrors.TooManyRequests()
                    : ManagementErrors.Error(fault.Status, ManagementErrors.ReasonPhrase(fault.Status));
                var reset = fault.ResetAfter is { } resetAfter
                    ? new RateLimitState(limit?.Limit ?? DefaultLimit, 0, _time.GetUtcNow() + resetAfter, TimeSpan.Zero)
                    : limit;
                if (fault.Status == 429 || limit is not null)
                {
                    WithRateLimitHeaders(error, fault.Status == 429 ? reset ?? new RateLimitState(DefaultLimit, 0, _time.GetUtcNow() + TimeSpan.FromSeconds(1), TimeSpan.Zero) : limit, fault.RetryAfter);
                }

                return error;
        }
    }

    private const int DefaultLimit = 50;

    /// <summary>Where a Management API path's own segments start, after <c>api/v2</c>.</summary>
    private const int ManagementPathStart = 2;

    /// <summary>The segment of a Management API path that holds the resource's id, as in <c>api/v2/clients/{id}</c>.</summary>
    private const int IdSegment = 3;

    /// <summary>The segment that holds a sub-resource's id, as in <c>api/v2/clients/{id}/credentials/{credential_id}</c>.</summary>
    private const int SubIdSegment = 5;

    /// <summary>
    /// Waits on the tenant's clock. Unlike <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>, whose
    /// cancellation always resumes on the thread pool, a cancelled wait resumes inline, on the thread that cancels: a
    /// client's time-out that fires while a test advances a fake clock is then handled before the advance returns,
    /// so the test's clock never runs ahead of the client.
    /// </summary>
    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource();
        using var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        using var timer = _time.CreateTimer(_ => done.TrySetResult(), null, delay, Timeout.InfiniteTimeSpan);
        await done.Task.ConfigureAwait(false);
    }

    private FakeResponse WithRateLimitHeaders(FakeResponse response, RateLimitState? state, TimeSpan? retryAfter)
    {
        var now = _time.GetUtcNow();
        var shown = state ?? new RateLimitState(DefaultLimit, DefaultLimit, now, TimeSpan.Zero);
        response.Headers["x-ratelimit-limit"] = shown.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-remaining"] = shown.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-reset"] = shown.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            response.Headers["Retry-After"] = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return response;
    }

    private RouteMatch Route(FakeRequest request)
    {
        var segments = request.Path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var method = request.Method;
        if (segments.Length >= 3 && segments[0] == "api" && segments[1] == "v2")
        {
            return RouteManagement(request, method, segments);
        }

        var path = string.Join('/', segments);
        return (method, path) switch
        {
            ("POST", "oauth/token") => new RouteMatch(_ => _token.Handle(request), RateLimited: true),
            ("GET", ".well-known/jwks.json") => new RouteMatch(_ => _wellKnown.Jwks(), RateLimited: false),
            ("GET", ".well-known/openid-configuration") => new RouteMatch(_ => _wellKnown.OpenIdConfiguration(), RateLimited: false),
            _ => RouteMatch.NotFound,
        };
    }

    private RouteMatch RouteManagement(FakeRequest request, string method, string[] segments)
    {
        var path = segments.AsSpan(ManagementPathStart);
        if (ManagementRoutes.Find(method, path) is not { } route)
        {
            // A path Auth0 has but the fake does not model: any valid management token gets Auth0's 403.
            return Auth0ApiPaths.Find(method, path) is { } unmodelled
                ? new RouteMatch(_ => ManagementErrors.Unmodelled(unmodelled), RateLimited: true, RequiredScopes: [])
                : RouteMatch.NotFound;
        }

        return new RouteMatch(caller => Answer(route.Operation, request, caller!, segments), RateLimited: true, RequiredScopes: route.Scopes);
    }

    /// <summary>
    /// Answers one modelled operation, given the request, its caller and the path's decoded segments (from <c>api</c>);
    /// the clients endpoints also learn whether the token may read or write secrets.
    /// </summary>
    private FakeResponse Answer(ManagementOperation operation, FakeRequest r, ManagementCaller c, string[] s) => operation switch
    {
        ManagementOperation.ListResourceServers => _resourceServers.List(r),
        ManagementOperation.CreateResourceServer => _resourceServers.Create(r),
        ManagementOperation.GetResourceServer => _resourceServers.Get(s[IdSegment]),
        ManagementOperation.UpdateResourceServer => _resourceServers.Update(r, s[IdSegment]),
        ManagementOperation.DeleteResourceServer => _resourceServers.Delete(s[IdSegment]),
        ManagementOperation.ListClientGrants => _clientGrants.List(r),
        ManagementOperation.CreateClientGrant => _clientGrants.Create(r),
        ManagementOperation.GetClientGrant => _clientGrants.Get(s[IdSegment]),
        ManagementOperation.UpdateClientGrant => _clientGrants.Update(r, s[IdSegment]),
        ManagementOperation.DeleteClientGrant => _clientGrants.Delete(s[IdSegment]),
        ManagementOperation.ListClients => _clients.List(r, c.Has(ManagementRoutes.ReadClientKeys)),
        ManagementOperation.CreateClient => _clients.Create(r),
        ManagementOperation.GetClient => _clients.Get(r, s[IdSegment], c.Has(ManagementRoutes.ReadClientKeys)),
        ManagementOperation.UpdateClient =>
            _clients.Update(r, s[IdSegment], c.Has(ManagementRoutes.ReadClientKeys), c.Has(ManagementRoutes.UpdateClientKeys)),
        ManagementOperation.DeleteClient => _clients.Delete(s[IdSegment]),
        ManagementOperation.RotateClientSecret => _clients.RotateSecret(s[IdSegment]),
        ManagementOperation.ListClientCredentials => _clientCredentials.List(s[IdSegment]),
        ManagementOperation.CreateClientCredential => _clientCredentials.Create(r, s[IdSegment]),
        ManagementOperation.GetClientCredential => _clientCredentials.Get(s[IdSegment], s[SubIdSegment]),
        ManagementOperation.UpdateClientCredential => _clientCredentials.Update(r, s[IdSegment], s[SubIdSegment]),
        ManagementOperation.DeleteClientCredential => _clientCredentials.Delete(s[IdSegment], s[SubIdSegment]),
        ManagementOperation.ListRoles => _roles.List(r),
        ManagementOperation.CreateRole => _roles.Create(r),
        ManagementOperation.GetRole => _roles.Get(s[IdSegment]),
        ManagementOperation.UpdateRole => _roles.Update(r, s[IdSegment]),
        ManagementOperation.DeleteRole => _roles.Delete(s[IdSegment]),
        ManagementOperation.ListRolePermissions => _roles.ListPermissions(r, s[IdSegment]),
        ManagementOperation.AddRolePermissions => _roles.AddPermissions(r, s[IdSegment]),
        ManagementOperation.RemoveRolePermissions => _roles.RemovePermissions(r, s[IdSegment]),
        ManagementOperation.ListRoleUsers => _roles.ListUsers(r, s[IdSegment]),
        ManagementOperation.AddRoleUsers => _roles.AddUsers(r, s[IdSegment]),
        ManagementOperation.ListUserRoles => _userAccess.ListRoles(r, s[IdSegment]),
        ManagementOperation.AddUserRoles => _userAccess.AddRoles(r, s[IdSegment]),
        ManagementOperation.RemoveUserRoles => _userAccess.RemoveRoles(r, s[IdSegment]),
        ManagementOperation.ListUserPermissions => _userAccess.ListPermissions(r, s[IdSegment]),
        ManagementOperation.AddUserPermissions => _userAccess.AddPermissions(r, s[IdSegment]),
        ManagementOperation.RemoveUserPermissions => _userAccess.RemovePermissions(r, s[IdSegment]),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "No endpoint answers this operation."),
    };

    /// <summary>
    /// The endpoint a request goes to, or the error that answers it instead. <see cref="RequiredScopes"/> is
    /// <see langword="null"/> when no token is needed, empty when any valid Management API token will do.
    /// </summary>
    private sealed record RouteMatch(Func<ManagementCaller?, FakeResponse>? Handler, bool RateLimited, FakeResponse? Error = null,
        IReadOnlyList<string>? RequiredScopes = null)
    {
        public static RouteMatch NotFound => Fail(ManagementErrors.RouteNotFound());

        public static RouteMatch Fail(FakeResponse error) => new(null, false, error);
    }
}
