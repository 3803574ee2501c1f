using System.Net;

namespace Auth0ApiKit.Emulator.Tests;

/// <summary>Every admin input has a stated range; outside it the call answers 400 naming the field and the range, and changes nothing.</summary>
public class AdminInputTests
{
    [Theory]
    [InlineData("""{"path":"/oauth/token","fault":{"type":"slow","delaySeconds":1e10}}""", "fault.delaySeconds", "0 to 300")]
    [InlineData("""{"path":"/oauth/token","fault":{"type":"slow","delaySeconds":-1}}""", "fault.delaySeconds", "0 to 300")]
    [InlineData("""{"path":"/oauth/token","fault":{"type":"rate_limited","resetAfterSeconds":4e11}}""", "fault.resetAfterSeconds", "0 to 86400")]
    [InlineData("""{"path":"/oauth/token","fault":{"type":"rate_limited","retryAfterSeconds":1e9}}""", "fault.retryAfterSeconds", "0 to 86400")]
    [InlineData("""{"path":"/oauth/token","fault":{"type":"proxy_html","status":99999}}""", "fault.status", "400 to 599")]
    [InlineData("""{"path":"/oauth/token","fault":{"type":"proxy_html","status":200}}""", "fault.status", "400 to 599")]
    [InlineData("""{"path":"/oauth/token","fault":{"type":"server_error","status":99999}}""", "fault.status", "408 or 500 to 599")]
    [InlineData("""{"path":"/oauth/token","fault":{"type":"timeout"},"times":0}""", "times", "1 to 1000000")]
    [InlineData("""{"path":"/api/v2/**/clients","fault":{"type":"timeout"}}""", "path", "'**' only as the last segment")]
    [InlineData("""{"method":"GET /x","path":"/oauth/token","fault":{"type":"timeout"}}""", "method", "'*' or an HTTP method")]
    public async Task Refuses_a_fault_out_of_range_with_400_naming_the_field_and_scripts_nothing(string body, string field, string range)
    {
        await using var emulator = await Emulator.StartAsync();

        using var response = await emulator.AdminAsync(HttpMethod.Post, "faults", body);

        await ShouldBeRefusedAsync(response, field, range);
        emulator.Host.Tenant.Faults.PendingScriptedFaults.Should().Be(0);
        using var token = await emulator.Http.PostAsync("oauth/token", new FormUrlEncodedContent([])).WaitAsync(Bound);
        token.StatusCode.Should().Be(HttpStatusCode.BadRequest, "no fault strikes the next request");
    }

    [Theory]
    [InlineData("""{"seed":1,"path":"/api/**/x","faults":[{"probability":1,"fault":{"type":"timeout"}}]}""", "path", "'**' only as the last segment")]
    [InlineData("""{"seed":1,"faults":[{"probability":1,"fault":{"type":"slow","delaySeconds":301}}]}""", "faults[0].fault.delaySeconds", "0 to 300")]
    public async Task Refuses_random_faults_out_of_range_and_sets_none(string body, string field, string range)
    {
        await using var emulator = await Emulator.StartAsync();

        using var response = await emulator.AdminAsync(HttpMethod.Post, "faults/random", body);

        await ShouldBeRefusedAsync(response, field, range);
        using var jwks = await emulator.Http.GetAsync(".well-known/jwks.json").WaitAsync(Bound);
        jwks.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"limit":0,"periodSeconds":1}""", "limit", "1 to 1000000")]
    [InlineData("""{"limit":1,"periodSeconds":1e12}""", "periodSeconds", "86400")]
    [InlineData("""{"limit":1,"periodSeconds":0}""", "periodSeconds", "86400")]
    public async Task Refuses_a_rate_limit_out_of_range_and_sets_none(string body, string field, string range)
    {
        await using var emulator = await Emulator.StartAsync();

        using var response = await emulator.AdminAsync(HttpMethod.Put, "faults/rate-limit", body);

        await ShouldBeRefusedAsync(response, field, range);
        for (var i = 0; i < 3; i++)
        {
            using var token = await emulator.Http.PostAsync("oauth/token", new FormUrlEncodedContent([])).WaitAsync(Bound);
            token.StatusCode.Should().Be(HttpStatusCode.BadRequest, "no rate limit answers 429");
        }
    }

    [Theory]
    [InlineData("""{"now":"9999-12-31T00:00:00Z"}""")]
    [InlineData("""{"now":"3000-01-01T00:00:01Z"}""")]
    [InlineData("""{"now":"1999-12-31T23:59:59Z"}""")]
    [InlineData("""{"now":"0001-01-01T00:00:00Z"}""")]
    public async Task Refuses_to_set_the_clock_outside_the_range_tokens_work_in_and_keeps_it(string body)
    {
        await using var emulator = await Emulator.StartAsync();
        await emulator.AdminJsonAsync(HttpMethod.Post, "clock/advance", """{"seconds": 60}""");

        using var response = await emulator.AdminAsync(HttpMethod.Put, "clock", body);

        await ShouldBeRefusedAsync(response, "now", "2000-01-01T00:00:00Z to 3000-01-01T00:00:00Z");
        emulator.Host.Clock.Offset.Should().Be(TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData("2000-01-01T00:00:00Z")]
    [InlineData("3000-01-01T00:00:00Z")]
    public async Task Issues_tokens_at_both_ends_of_the_clock_range(string now)
    {
        await using var emulator = await Emulator.StartAsync();

        await emulator.AdminJsonAsync(HttpMethod.Put, "clock", $$"""{"now":"{{now}}"}""");
        var token = await emulator.ManagementTokenAsync();

        var claims = Emulator.Claims(token);
        DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("iat").GetInt64()).Should()
            .BeCloseTo(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(1));
        using var listed = new HttpRequestMessage(HttpMethod.Get, "api/v2/resource-servers");
        listed.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        (await emulator.SendAsync(listed)).StatusCode.Should().Be(HttpStatusCode.OK, "the token is valid on the moved clock");
    }

    [Theory]
    [InlineData(1e11)]
    [InlineData(-1e11)]
    [InlineData(300_000_000_000d)]
    public async Task Refuses_to_advance_the_clock_out_of_range_and_does_not_move_it(double seconds)
    {
        await using var emulator = await Emulator.StartAsync();

        using var response = await emulator.AdminAsync(HttpMethod.Post, "clock/advance",
            $$"""{"seconds": {{seconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}}""");

        await ShouldBeRefusedAsync(response, "seconds", "2000-01-01T00:00:00Z to 3000-01-01T00:00:00Z");
        emulator.Host.Clock.Offset.Should().Be(TimeSpan.Zero);
        (await emulator.AdminJsonAsync(HttpMethod.Get, "clock")).GetProperty("offsetSeconds").GetDouble().Should().Be(0);
    }

    [Fact]
    public async Task Refuses_an_admin_body_over_its_limit_with_413_and_changes_nothing()
    {
        await using var emulator = await Emulator.StartAsync();
        var padding = new string(' ', 70_000);

        using var response = await emulator.AdminAsync(HttpMethod.Post, "faults", $$$"""{"path":"/oauth/token",{{{padding}}}"fault":{"type":"timeout"}}""");

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await Json.ReadAsync(response)).GetProperty("message").GetString().Should().Contain("65536 bytes");
        emulator.Host.Tenant.Faults.PendingScriptedFaults.Should().Be(0);
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string field, string range)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
        var error = System.Text.Json.JsonDocument.Parse(body).RootElement;
        error.GetProperty("error").GetString().Should().Be("invalid_request");
        error.GetProperty("message").GetString().Should().Contain($"'{field}'").And.Contain(range);
    }
}
