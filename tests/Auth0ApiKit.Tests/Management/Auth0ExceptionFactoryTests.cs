using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.Tests.Management;

public sealed class Auth0ExceptionFactoryTests
{
    private readonly FakeTimeProvider _time = TestClock.Fixed();

    public static TheoryData<HttpStatusCode, string, Type, string> DocumentedManagementErrors => new()
    {
        {
            HttpStatusCode.NotFound,
            """{"statusCode":404,"error":"Not Found","message":"The resource server does not exist","errorCode":"inexistent_resource_server"}""",
            typeof(Auth0NotFoundException),
            "Auth0 answered 404 Not Found (inexistent_resource_server): The resource server does not exist."
        },
        {
            HttpStatusCode.NotFound,
            """{"statusCode":404,"error":"Not Found","message":"The grant does not exist.","errorCode":"inexistent_client_grant"}""",
            typeof(Auth0NotFoundException),
            "Auth0 answered 404 Not Found (inexistent_client_grant): The grant does not exist."
        },
        {
            HttpStatusCode.NotFound,
            """{"statusCode":404,"error":"Not Found","message":"The client does not exist","errorCode":"inexistent_client"}""",
            typeof(Auth0NotFoundException),
            "Auth0 answered 404 Not Found (inexistent_client): The client does not exist."
        },
        {
            HttpStatusCode.Conflict,
            """{"statusCode":409,"error":"Conflict","message":"A resource server with the same identifier already exists.","errorCode":"operation_not_supported"}""",
            typeof(Auth0ConflictException),
            "Auth0 answered 409 Conflict (operation_not_supported): A resource server with the same identifier already exists."
        },
        {
            HttpStatusCode.Conflict,
            """{"statusCode":409,"error":"Conflict","message":"A client grant already exists between abc and https://orders.example.com"}""",
            typeof(Auth0ConflictException),
            "Auth0 answered 409 Conflict: A client grant already exists between abc and https://orders.example.com."
        },
        {
            HttpStatusCode.BadRequest,
            """{"statusCode":400,"error":"Bad Request","message":"Payload validation error: 'String is too long (201 chars), maximum 200' on property name.","errorCode":"invalid_body"}""",
            typeof(Auth0ValidationException),
            "Auth0 answered 400 Bad Request (invalid_body): Payload validation error: 'String is too long (201 chars), maximum 200' on property name."
        },
        {
            HttpStatusCode.Unauthorized,
            """{"statusCode":401,"error":"Unauthorized","message":"Invalid token","attributes":{"error":"Invalid token"}}""",
            typeof(Auth0UnauthorizedException),
            "Auth0 answered 401 Unauthorized: Invalid token."
        },
        {
            HttpStatusCode.Forbidden,
            """{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: create:resource_servers","errorCode":"insufficient_scope"}""",
            typeof(Auth0ForbiddenException),
            "Auth0 answered 403 Forbidden (insufficient_scope): Insufficient scope, expected any of: create:resource_servers."
        },
        {
            HttpStatusCode.InternalServerError,
            """{"statusCode":500,"error":"Internal Server Error","message":"An internal server error occurred"}""",
            typeof(Auth0Exception),
            "Auth0 answered 500 Internal Server Error: An internal server error occurred."
        },
    };

    [Theory]
    [MemberData(nameof(DocumentedManagementErrors))]
    public async Task Turns_each_documented_Management_API_error_into_its_exception(HttpStatusCode status, string body, Type expectedType, string expectedMessage)
    {
        using var response = Response(status, body);

        var exception = await FromResponse(response);

        exception.Should().BeOfType(expectedType);
        exception.Message.Should().Be(expectedMessage);
        exception.StatusCode.Should().Be(status);
        exception.ResponseExcerpt.Should().Be(body.Length <= 200 ? body : body[..200] + "…");
    }

    [Fact]
    public async Task Keeps_Auth0s_error_fields()
    {
        using var response = Response(HttpStatusCode.Forbidden,
            """{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: create:resource_servers","errorCode":"insufficient_scope"}""");

        var exception = await FromResponse(response);

        exception.Error.Should().Be("Forbidden");
        exception.ErrorCode.Should().Be("insufficient_scope");
        exception.ServiceMessage.Should().Be("Insufficient scope, expected any of: create:resource_servers");
        exception.RequestId.Should().BeNull();
        exception.RateLimit.Should().BeNull();
    }

    [Fact]
    public async Task Reads_the_rate_limit_state_of_a_429()
    {
        var now = _time.GetUtcNow();
        using var response = Response(HttpStatusCode.TooManyRequests,
            """{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached","errorCode":"too_many_requests"}""",
            ("Date", now.ToString("R")), ("x-ratelimit-limit", "30"), ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", now.AddSeconds(7).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)), ("Retry-After", "5"));

        var exception = await FromResponse(response);

        var rateLimited = exception.Should().BeOfType<Auth0RateLimitedException>().Which;
        rateLimited.RateLimit!.Limit.Should().Be(30);
        rateLimited.RateLimit.Remaining.Should().Be(0);
        rateLimited.RateLimit.Reset.Should().Be(now.AddSeconds(7));
        rateLimited.RateLimit.RetryAfter.Should().Be(TimeSpan.FromSeconds(5));
        rateLimited.RetryAt.Should().Be(now.AddSeconds(5));
        rateLimited.RateLimit.ToString().Should().Be("limit 30, remaining 0, resets at 2000-01-01T00:00:07Z, retry after 5 s");
        rateLimited.Message.Should().Be(
            "Auth0 answered 429 Too Many Requests (too_many_requests): Global limit has been reached. Retry at 2000-01-01T00:00:05Z.");
    }

    [Fact]
    public async Task Takes_the_reset_as_the_retry_time_of_a_429_without_Retry_After()
    {
        var reset = _time.GetUtcNow().AddSeconds(42);
        using var response = Response(HttpStatusCode.TooManyRequests, "{}",
            ("x-ratelimit-reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

        var exception = await FromResponse(response);

        exception.Should().BeOfType<Auth0RateLimitedException>().Which.RetryAt.Should().Be(reset);
    }

    [Fact]
    public async Task Ignores_rate_limit_headers_that_are_not_numbers()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, "{}",
            ("x-ratelimit-limit", "many"), ("x-ratelimit-remaining", "-1"), ("x-ratelimit-reset", "99999999999999999999"), ("Retry-After", "soon"));

        var exception = await FromResponse(response);

        exception.RateLimit.Should().BeNull();
        exception.Should().BeOfType<Auth0RateLimitedException>().Which.RetryAt.Should().BeNull();
    }

    public static TheoryData<HttpStatusCode, string, string, string, string?> DocumentedTokenEndpointErrors => new()
    {
        { HttpStatusCode.Unauthorized, """{"error":"access_denied","error_description":"Unauthorized"}""", "access_denied", "Unauthorized", null },
        {
            HttpStatusCode.Forbidden,
            """{"error":"unauthorized_client","error_description":"Grant type 'client_credentials' not allowed for the client.","error_uri":"https://auth0.com/docs/clients/client-grant-types"}""",
            "unauthorized_client", "Grant type 'client_credentials' not allowed for the client.", "https://auth0.com/docs/clients/client-grant-types"
        },
        {
            HttpStatusCode.Forbidden, """{"error":"access_denied","error_description":"Service not found: https://orders.example.com"}""",
            "access_denied", "Service not found: https://orders.example.com", null
        },
        { HttpStatusCode.Forbidden, """{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}""", "invalid_grant", "Unknown or invalid refresh token.", null },
        { HttpStatusCode.BadRequest, """{"error":"unsupported_grant_type","error_description":"Unsupported grant type: password"}""", "unsupported_grant_type", "Unsupported grant type: password", null },
    };

    [Theory]
    [MemberData(nameof(DocumentedTokenEndpointErrors))]
    public async Task Turns_each_documented_token_endpoint_error_into_an_authentication_exception(
        HttpStatusCode status, string body, string error, string description, string? uri)
    {
        using var response = Response(status, body);

        var exception = await FromResponse(response);

        var authentication = exception.Should().BeOfType<Auth0AuthenticationException>().Which;
        authentication.StatusCode.Should().Be(status);
        authentication.Error.Should().Be(error);
        authentication.ErrorCode.Should().Be(error);
        authentication.ErrorDescription.Should().Be(description);
        authentication.ErrorUri.Should().Be(uri);
        authentication.Message.Should().StartWith($"Auth0 answered {(int)status} ").And.Contain($"({error}): {description}");
    }

    [Fact]
    public async Task Takes_a_429_from_the_token_endpoint_as_rate_limited()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, """{"error":"too_many_requests","error_description":"Global limit has been reached"}""");

        var exception = await FromResponse(response);

        exception.Should().BeOfType<Auth0RateLimitedException>().Which.ErrorCode.Should().Be("too_many_requests");
    }

    [Fact]
    public async Task Turns_a_proxys_HTML_page_into_a_plain_exception_with_a_short_excerpt()
    {
        var html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n" +
                   string.Concat(Enumerable.Repeat("<!-- padding -->\n", 50)) + "</body>\r\n</html>";
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent(html, Encoding.UTF8, "text/html") };

        var exception = await FromResponse(response);

        exception.Should().BeOfType<Auth0Exception>();
        exception.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        exception.ResponseExcerpt.Should().StartWith("<html> <head><title>502 Bad Gateway</title></head> <body>").And.EndWith("…");
        exception.ResponseExcerpt!.Length.Should().Be(201);
        exception.Message.Should().Be("Auth0 answered 502 Bad Gateway with a body that is not an Auth0 error (text/html): " + exception.ResponseExcerpt);
    }

    [Fact]
    public async Task Does_not_take_a_proxys_404_page_for_Auth0_saying_the_resource_does_not_exist()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("<h1>Not Found</h1>", Encoding.UTF8, "text/html") };

        var exception = await FromResponse(response);

        exception.Should().BeOfType<Auth0Exception>();
        exception.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"statusCode":404,"error":"Not Fo""")]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("""{"statusCode":"four hundred four","message":"The resource server does not exist"}""")]
    [InlineData("""{"message":{"text":"nested"}}""")]
    [InlineData("not json at all")]
    public async Task Turns_a_body_of_another_shape_into_a_plain_exception_never_a_JsonException(string body)
    {
        using var response = Response(HttpStatusCode.NotFound, body);

        var exception = await FromResponse(response);

        exception.Should().BeOfType<Auth0Exception>();
        exception.StatusCode.Should().Be(HttpStatusCode.NotFound);
        exception.InnerException.Should().BeNull();
        exception.Message.Should().Be("Auth0 answered 404 Not Found with a body that is not an Auth0 error (application/json): " + body + ".");
    }

    [Fact]
    public async Task Says_so_when_the_body_is_empty()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        var exception = await FromResponse(response);

        exception.Should().BeOfType<Auth0Exception>();
        exception.ResponseExcerpt.Should().BeNull();
        exception.Message.Should().Be("Auth0 answered 503 Service Unavailable with an empty body.");
    }

    [Fact]
    public async Task Reads_at_most_64_KiB_of_a_huge_body()
    {
        var stream = new CountingStream(Encoding.UTF8.GetBytes("{\"message\":\"" + new string('a', 1024 * 1024) + "\"}"));
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StreamContent(stream) };

        var exception = await FromResponse(response);

        stream.BytesRead.Should().Be(64 * 1024);
        exception.Should().BeOfType<Auth0Exception>("the cut JSON is not an Auth0 error any more");
        exception.ResponseExcerpt.Should().HaveLength(201);
    }

    [Fact]
    public async Task Turns_a_body_that_breaks_off_while_read_into_an_exception_carrying_the_cause()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StreamContent(new BrokenStream()) };

        var exception = await FromResponse(response);

        exception.Should().BeOfType<Auth0Exception>();
        exception.InnerException.Should().BeOfType<IOException>();
        exception.Message.Should().Be("Auth0 answered 502 Bad Gateway, and its body could not be read: connection reset.");
    }

    [Fact]
    public async Task Lets_a_cancellation_through()
    {
        using var response = Response(HttpStatusCode.NotFound, "{}");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => Auth0ExceptionFactory.FromResponseAsync(response, _time, cancellation.Token).WaitAsync(Bound);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Theory]
    [InlineData("X-Auth0-RequestId")]
    [InlineData("X-Request-Id")]
    public async Task Names_the_request_id(string header)
    {
        using var response = Response(HttpStatusCode.NotFound,
            """{"statusCode":404,"error":"Not Found","message":"The client does not exist","errorCode":"inexistent_client"}""", (header, "4ad55daa560e468bdfe1"));

        var exception = await FromResponse(response);

        exception.RequestId.Should().Be("4ad55daa560e468bdfe1");
        exception.Message.Should().EndWith("The client does not exist. Request id: 4ad55daa560e468bdfe1.");
    }

    [Fact]
    public async Task Redacts_secrets_credentials_and_JWTs_from_the_message_and_the_excerpt()
    {
        const string jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJlc2lnbmF0dXJl";
        const string secret = "Sup3rS3cr3tClientSecretValue000001";
        var body = $$"""{"statusCode":400,"error":"Bad Request","message":"Token {{jwt}} and Basic YWxpY2U6c2VjcmV0 refused","errorCode":"invalid_body","client_secret":"{{secret}}"}""";
        using var response = Response(HttpStatusCode.BadRequest, body);

        var exception = await FromResponse(response);

        var everything = exception.ToString() + exception.ServiceMessage + exception.ResponseExcerpt;
        everything.Should().NotContain(jwt).And.NotContain(secret).And.NotContain("YWxpY2U6c2VjcmV0").And.NotContain("eyJ");
        exception.ServiceMessage.Should().Be("Token *** and Basic *** refused");
        exception.ResponseExcerpt.Should().Contain("\"client_secret\":\"***\"");
    }

    [Fact]
    public async Task Redacts_a_secret_in_a_body_that_is_not_an_Auth0_error()
    {
        using var response = Response(HttpStatusCode.OK, """[{"client_id":"abc","client_secret":"s3cr3t-value-that-must-not-show"}]""");

        var exception = await FromResponse(response);

        exception.Message.Should().NotContain("s3cr3t").And.Contain("\"client_secret\":\"***\"");
    }

    [Fact]
    public void Gives_each_subclass_its_status_through_the_standard_constructors()
    {
        new Auth0NotFoundException("gone").StatusCode.Should().Be(HttpStatusCode.NotFound);
        new Auth0ConflictException().StatusCode.Should().Be(HttpStatusCode.Conflict);
        new Auth0ValidationException("bad", new InvalidOperationException()).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        new Auth0UnauthorizedException().StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        new Auth0ForbiddenException().StatusCode.Should().Be(HttpStatusCode.Forbidden);
        new Auth0RateLimitedException().StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        new Auth0AuthenticationException().StatusCode.Should().BeNull();
        new Auth0TimeoutException().Timeout.Should().BeNull();
        new Auth0Exception("plain").Message.Should().Be("plain");
    }

    private Task<Auth0Exception> FromResponse(HttpResponseMessage response) =>
        Auth0ExceptionFactory.FromResponseAsync(response, _time, CancellationToken.None).WaitAsync(Bound);

    private static HttpResponseMessage Response(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    /// <summary>A one-way stream over <c>bytes</c> that counts what it handed out.</summary>
    private sealed class CountingStream(byte[] bytes) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, bytes.Length - BytesRead);
            bytes.AsSpan((int)BytesRead, count).CopyTo(buffer);
            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class BrokenStream : MemoryStream
    {
        public override bool CanSeek => false;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new IOException("connection reset"));

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("connection reset");
    }
}
