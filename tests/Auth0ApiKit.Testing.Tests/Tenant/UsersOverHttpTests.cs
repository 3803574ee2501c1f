using System.Net;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>
/// The users operations through the whole pipeline: each needs its Auth0 scope (a 403 naming it otherwise), the
/// default management application holds them all, and no password reaches an answer, the journal, an exception or a
/// <see cref="object.ToString"/>.
/// </summary>
public class UsersOverHttpTests
{
    private const string Password = "Correct-Horse-7";

    private readonly FakeTenant _tenant = TestTenant.New();
    private readonly HttpClient _http;

    public UsersOverHttpTests() => _http = _tenant.CreateHttpClient();

    public static TheoryData<string, string, string?, string, int> Operations => new()
    {
        { "GET", "api/v2/users", null, "read:users", 200 },
        { "POST", "api/v2/users", """{"connection":"Username-Password-Authentication","email":"new@example.com","password":"Correct-Horse-7"}""", "create:users", 201 },
        { "GET", "api/v2/users/{id}", null, "read:users", 200 },
        { "PATCH", "api/v2/users/{id}", """{"name":"Renamed"}""", "update:users", 200 },
        { "DELETE", "api/v2/users/{id}", null, "delete:users", 204 },
        { "GET", "api/v2/users-by-email?email=seeded%40example.com", null, "read:users", 200 },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_operation_needs_its_scope_and_answers_with_it(string method, string path, string? body, string scope, int status)
    {
        var id = _tenant.Users.Add("seeded@example.com", Password).UserId;
        var target = path.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);
        var without = await ManagementTokenAsync(_tenant, _http, ["read:clients"]);
        var with = await ManagementTokenAsync(_tenant, _http, [scope]);
        var version = _tenant.StateVersion;

        var refused = await _http.SendAsync(new HttpMethod(method), target, without, body);

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Text(refused)).Should().Be(
            $$"""{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, expected any of: {{scope}}","errorCode":"insufficient_scope"}""");
        _tenant.StateVersion.Should().Be(version);
        (await _http.SendAsync(new HttpMethod(method), target, with, body)).StatusCode.Should().Be((HttpStatusCode)status);
    }

    [Fact]
    public async Task The_default_management_application_may_create_read_update_and_delete_users()
    {
        var token = await ManagementTokenAsync(_tenant, _http);

        var created = await _http.SendAsync(HttpMethod.Post, "api/v2/users", token,
            """{"connection":"Username-Password-Authentication","email":"chuck@example.com","password":"Correct-Horse-7"}""");
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await Json(created)).GetProperty("user_id").GetString()!;

        (await _http.SendAsync(HttpMethod.Get, "api/v2/users/" + Uri.EscapeDataString(id), token)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _http.SendAsync(HttpMethod.Get, "api/v2/users?q=" + Uri.EscapeDataString("email:\"chuck@example.com\""), token)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _http.SendAsync(HttpMethod.Patch, "api/v2/users/" + Uri.EscapeDataString(id), token, """{"name":"Chuck"}""")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _http.SendAsync(HttpMethod.Delete, "api/v2/users/" + Uri.EscapeDataString(id), token)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        _tenant.Users.All.Should().BeEmpty();
    }

    [Fact]
    public async Task Passwords_never_reach_an_answer_or_the_journal()
    {
        var token = await ManagementTokenAsync(_tenant, _http);
        var answers = new List<string>
        {
            await Text(await _http.SendAsync(HttpMethod.Post, "api/v2/users", token,
                """{"connection":"Username-Password-Authentication","email":"chuck@example.com","password":"Correct-Horse-7"}""")),
            await Text(await _http.SendAsync(HttpMethod.Post, "api/v2/users", token,
                """{"connection":"Username-Password-Authentication","email":"weak@example.com","password":"feeble"}""")),
        };
        var id = _tenant.Users.Find("chuck@example.com")!.UserId;
        answers.Add(await Text(await _http.SendAsync(HttpMethod.Patch, "api/v2/users/" + Uri.EscapeDataString(id), token, """{"password":"Another-Good-1"}""")));
        answers.Add(await Text(await _http.SendAsync(HttpMethod.Get, "api/v2/users", token)));

        var journal = string.Join("\n", _tenant.Journal.Entries.Select(e => e + e.PathAndQuery + e.RequestBody + e.ResponseBody));

        foreach (var text in answers.Append(journal))
        {
            text.Should().NotContain(Password).And.NotContain("feeble").And.NotContain("Another-Good-1");
        }

        _tenant.Journal.For("POST", "/api/v2/users")[0].RequestBody.Should().Contain("\"password\":\"***\"");
    }

    [Fact]
    public void The_face_seeds_users_through_the_endpoint_and_reads_them_back()
    {
        var version = _tenant.StateVersion;

        var chuck = _tenant.Users.Add("chuck@example.com", Password);
        var jane = _tenant.Users.Add("jane@example.com", Password, name: "Jane Doe", emailVerified: true);

        _tenant.StateVersion.Should().BeGreaterThan(version);
        chuck.UserId.Should().MatchRegex("^auth0\\|[0-9a-f]{24}$");
        (chuck.Email, chuck.Name, chuck.EmailVerified).Should().Be(("chuck@example.com", "chuck@example.com", false));
        (jane.Name, jane.EmailVerified).Should().Be(("Jane Doe", true));
        _tenant.Users.All.Select(u => u.UserId).Should().Equal(chuck.UserId, jane.UserId);
        _tenant.Users.Find(jane.UserId)!.Email.Should().Be("jane@example.com");
        _tenant.Users.Find("JANE@example.com")!.UserId.Should().Be(jane.UserId);
        _tenant.Users.Find("nobody@example.com").Should().BeNull();
        chuck.ToString().Should().Be($"User chuck@example.com ({chuck.UserId})");
        _tenant.Users.Remove(chuck.UserId).Should().BeTrue();
        _tenant.Users.Remove(chuck.UserId).Should().BeFalse();
        _tenant.Users.All.Should().ContainSingle().Which.UserId.Should().Be(jane.UserId);
    }

    [Fact]
    public async Task A_seeded_user_is_the_one_the_management_api_answers()
    {
        var chuck = _tenant.Users.Add("chuck@example.com", Password);
        var token = await ManagementTokenAsync(_tenant, _http);

        var found = await Json(await _http.SendAsync(HttpMethod.Get, "api/v2/users-by-email?email=chuck%40example.com", token));

        found.EnumerateArray().Should().ContainSingle().Which.GetProperty("user_id").GetString().Should().Be(chuck.UserId);
    }

    [Theory]
    [InlineData("feeble-password", "PasswordStrengthError: Password is too weak")]
    [InlineData("Correct-Horse-7", "The user already exists.")]
    public void The_faces_refusals_carry_Auth0s_message_and_never_the_password(string password, string message)
    {
        _tenant.Users.Add("chuck@example.com", "Correct-Horse-7");

        var refusal = FluentActions.Invoking(() => _tenant.Users.Add("chuck@example.com", password)).Should().Throw<FakeTenantException>().Which;

        refusal.Message.Should().Contain(message).And.NotContain(password);
        refusal.ToString().Should().NotContain(password);
    }
}
