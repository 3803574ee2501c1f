using System.Diagnostics;
using System.Globalization;
using Auth0ApiKit.Resilience;
using Auth0ApiKit.Tokens;
using Microsoft.Extensions.Logging;

namespace Auth0ApiKit.Diagnostics;

/// <summary>
/// The outermost handler of the SDK's HTTP pipelines: one activity, one count and one duration per request to Auth0
/// (retries included, counted in <c>http.request.resend_count</c>), and a log line, all by route template and without
/// secrets. See <see cref="Auth0ApiKitTelemetry"/> for the names.
/// </summary>
internal sealed partial class Auth0TelemetryHandler : DelegatingHandler
{
    private const string TokenEndpointPath = "/" + TenantUrls.TokenPath;

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Auth0ApiKitMetrics _metrics;

    public Auth0TelemetryHandler(ComponentServices services)
    {
        _timeProvider = services.TimeProvider;
        _logger = services.CreateLogger<Auth0TelemetryHandler>();
        _metrics = services.Metrics;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method.Method;
        var route = RouteTemplate.Of(request.RequestUri);
        var host = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.Host : string.Empty;
        var tokenFetch = route.EndsWith(TokenEndpointPath, StringComparison.Ordinal);
        using var activity = Auth0ApiKitTelemetry.ActivitySource.StartActivity(
            tokenFetch ? "Auth0ApiKit.TokenFetch" : "Auth0ApiKit.Request", ActivityKind.Client);
        if (activity is not null)
        {
            activity.DisplayName = $"{method} {route}";
            activity.SetTag("http.request.method", method);
            activity.SetTag("url.template", route);
            activity.SetTag("server.address", host);
        }

        var started = _timeProvider.GetTimestamp();
        int? status = null;
        string? errorType = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            errorType = status >= 400 ? status.Value.ToString(CultureInfo.InvariantCulture) : null;
            return response;
        }
        catch (Exception e)
        {
            errorType = e is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http
                ? http.HttpRequestError.ToString()
                : e.GetType().FullName;
            throw;
        }
        finally
        {
            var elapsed = _timeProvider.GetElapsedTime(started);
            var retries = request.Options.TryGetValue(ResilienceTelemetry.Attempts, out var attempts) ? Math.Max(0, attempts - 1) : 0;
            var tags = new TagList
            {
                { "http.request.method", method },
                { "url.template", route },
                { "server.address", host },
            };
            if (status is { } code)
            {
                tags.Add("http.response.status_code", code);
            }

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            _metrics.Requests.Add(1, tags);
            _metrics.Duration.Record(elapsed.TotalSeconds, tags);
            if (tokenFetch)
            {
                _metrics.TokenFetches.Add(1, tags);
            }

            if (activity is not null)
            {
                activity.SetTag("http.request.resend_count", retries);
                activity.SetTag("http.response.status_code", status);
                if (errorType is not null)
                {
                    activity.SetTag("error.type", errorType);
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }

            Log(method, route, status, errorType, elapsed, retries, cancellationToken.IsCancellationRequested);
        }
    }

    private void Log(string method, string route, int? status, string? errorType, TimeSpan elapsed, int retries, bool cancelled)
    {
        var milliseconds = (long)elapsed.TotalMilliseconds;
        if (status is { } code && (code < 500 && code != 429))
        {
            RequestAnswered(_logger, method, route, code, milliseconds, retries);
        }
        else if (cancelled)
        {
            RequestCancelled(_logger, method, route, milliseconds, retries);
        }
        else
        {
            RequestFailed(_logger, method, route, errorType ?? "unknown", milliseconds, retries);
        }
    }

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Auth0 answered {StatusCode} to {Method} {Route} in {ElapsedMilliseconds} ms ({RetryCount} retries).")]
    private static partial void RequestAnswered(ILogger logger, string method, string route, int statusCode, long elapsedMilliseconds, int retryCount);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "{Method} {Route} to Auth0 failed with {ErrorType} after {ElapsedMilliseconds} ms ({RetryCount} retries).")]
    private static partial void RequestFailed(ILogger logger, string method, string route, string errorType, long elapsedMilliseconds, int retryCount);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "{Method} {Route} to Auth0 was cancelled after {ElapsedMilliseconds} ms ({RetryCount} retries).")]
    private static partial void RequestCancelled(ILogger logger, string method, string route, long elapsedMilliseconds, int retryCount);
}
