using System.Text.Json;
using Auth0ApiKit.Testing.Endpoints;
using Auth0ApiKit.Testing.Store;
using Auth0ApiKit.Wire;
using Microsoft.Extensions.Time.Testing;
using static Auth0ApiKit.Testing.Tests.Endpoints.Requests;

namespace Auth0ApiKit.Testing.Tests.Endpoints;

/// <summary>
/// Users of the database connection against Auth0's answers (AUTH0-USER-FLOWS.md section 8; the user object of
/// go-auth0's recorded TestUserManager_Create): create, get, list and search, users-by-email, update, delete.
/// </summary>
public class UsersContractTests
{
    private const string Connection = "Username-Password-Authentication";
    private const string Password = "Correct-Horse-7";
    private const string Chuck = "chuck@example.com";

    private readonly FakeTimeProvider _clock = TestClock.Fixed();
    private readonly TenantStore _store = NewStore();
    private readonly UsersEndpoint _users;

    public UsersContractTests() => _users = new UsersEndpoint(_store, _clock);

    private FakeResponse Create(string body) => _users.Create(Json("POST", "/api/v2/users", body));

    private static string Body(string email = Chuck, string extra = "") =>
        $$"""{"connection":"{{Connection}}","email":"{{email}}","password":"{{Password}}"{{extra}}}""";

    private string CreateId(string email = Chuck, string extra = "") => Create(Body(email, extra)).Parse().GetProperty("user_id").GetString()!;

    private FakeResponse Patch(string id, string body) => _users.Update(Json("PATCH", "/api/v2/users/" + Uri.EscapeDataString(id), body), id);

    private FakeResponse List(string query) => _users.List(Get("/api/v2/users", query));

    private static string Message(FakeResponse response) => response.Parse().GetProperty("message").GetString()!;

    [Fact]
    public void A_create_answers_201_with_the_user_Auth0_makes_of_an_email_and_a_password()
    {
        var created = Create(Body());

        created.Status.Should().Be(201);
        var user = created.Parse();
        user.ShouldHaveExactly("""
            {"created_at":"2000-01-01T00:00:00.000Z","email":"chuck@example.com","email_verified":false,"name":"chuck@example.com","nickname":"chuck",
             "picture":"https://s.gravatar.com/avatar/0b79e7da7bc7877560620cf8f2cc93ae?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2Fch.png",
             "updated_at":"2000-01-01T00:00:00.000Z"}
            """, "user_id", "identities");
        var id = user.GetProperty("user_id").GetString()!;
        id.Should().MatchRegex("^auth0\\|[0-9a-f]{24}$");
        user.GetProperty("identities").GetRawText().Should().Be(
            $$"""[{"connection":"{{Connection}}","user_id":"{{id["auth0|".Length..]}}","provider":"auth0","isSocial":false}]""");
        _users.Get(id).BodyText.Should().Be(created.BodyText);
    }

    [Fact]
    public void A_create_keeps_every_property_it_describes_and_none_of_its_instructions()
    {
        const string described = """
            "email_verified":true,"given_name":"Chuck","family_name":"Norris","name":"Chuck Norris","nickname":"chucky",
            "picture":"https://example.com/chuck.png","blocked":false,"phone_number":"+15551234567","phone_verified":true,
            "app_metadata":{"plan":"gold"},"user_metadata":{"theme":"dark"}
            """;

        var created = Create(Body(extra: "," + described + ""","verify_email":false"""));

        created.Status.Should().Be(201);
        created.Parse().ShouldHaveExactly("{\"email\":\"chuck@example.com\"," + described + "}", "user_id", "identities", "created_at", "updated_at");
    }

    [Theory]
    [InlineData("jane@example.com", "", "ja")]
    [InlineData("jane@example.com", ""","name":"Jane Doe" """, "jd")]
    [InlineData("j@example.com", "", "j")]
    public void The_default_picture_falls_back_to_Auth0s_avatar_of_the_names_initials(string email, string extra, string initials)
    {
        var picture = Create(Body(email, extra)).Parse().GetProperty("picture").GetString();

        picture.Should().StartWith("https://s.gravatar.com/avatar/").And.EndWith($"?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2F{initials}.png");
    }

    [Fact]
    public void An_external_user_id_becomes_the_database_users_id_and_cannot_be_taken_twice()
    {
        var created = Create(Body(extra: ""","user_id":"abc123" """));
        created.BodyText.Should().Contain("\"user_id\":\"auth0|abc123\"");

        var again = Create(Body("other@example.com", ""","user_id":"abc123" """));

        again.Status.Should().Be(409);
    }

    [Theory]
    [InlineData("chuck@example.com")]
    [InlineData("Chuck@Example.com")]
    public void A_taken_email_answers_409_as_Auth0_does(string email)
    {
        CreateId();

        Create(Body(email)).BodyText.Should().Be(
            """{"statusCode":409,"error":"Conflict","message":"The user already exists.","errorCode":"auth0_idp_error"}""");
    }

    [Theory]
    [InlineData("""{"connection":"Other","email":"a@example.com","password":"Correct-Horse-7"}""", "Connection does not exist.")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"a@example.com","password":"Correct-Horse-7","username":"a"}""",
        "Cannot set username for connection without requires_username.")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"a@example.com","password":"Short-1"}""", "PasswordStrengthError: Password is too weak")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"a@example.com","password":"alllowercaseletters1"}""", "PasswordStrengthError: Password is too weak")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"a@example.com","password":"UPPERlower"}""", "PasswordStrengthError: Password is too weak")]
    [InlineData("""{"email":"a@example.com","password":"Correct-Horse-7"}""", "Payload validation error: 'Missing required property: connection'.")]
    [InlineData("""{"connection":"Username-Password-Authentication","password":"Correct-Horse-7"}""", "Payload validation error: 'Missing required property: email'.")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"a@example.com"}""", "Payload validation error: 'Missing required property: password'.")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"not-an-email","password":"Correct-Horse-7"}""",
        "Payload validation error: 'Object didn't pass validation for format email: not-an-email' on property email (The user's email.).")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"a@example.com","password":""}""",
        "Payload validation error: 'String is too short (0 chars), minimum 1' on property password (Initial password for this user. Only valid for auth0 connection strategy.).")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"a@example.com","password":"Correct-Horse-7","user_id":"a b"}""",
        "Payload validation error: 'String does not match pattern ^\\S*$: a b' on property user_id (The external user's id provided by the identity provider.).")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"a@example.com","password":"Correct-Horse-7","phone_number":"555"}""",
        "Payload validation error: 'String does not match pattern ^\\+[0-9]{1,15}$: 555' on property phone_number (The user's phone number (following the E.164 recommendation).).")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"a@example.com","password":"Correct-Horse-7","picture":"chuck.png"}""",
        "Payload validation error: 'Object didn't pass validation for format strict-uri: chuck.png' on property picture (A URI pointing to the user's picture.).")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"a@example.com","password":"Correct-Horse-7","app_metadata":[]}""",
        "Payload validation error: 'Expected type object but found type array' on property app_metadata.")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"a@example.com","password":"Correct-Horse-7","identities":[]}""",
        "Payload validation error: 'Additional properties not allowed: identities'.")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"a@example.com","password":"Correct-Horse-7","client_id":"abc"}""",
        "Payload validation error: 'Additional properties not allowed: client_id'.")]
    public void Create_refusals_answer_400_with_Auth0s_text(string body, string message)
    {
        var response = Create(body);

        response.Status.Should().Be(400);
        Message(response).Should().Be(message);
        _store.Users.Rows.Should().BeEmpty();
    }

    [Theory]
    [InlineData("given_name", 150)]
    [InlineData("family_name", 150)]
    [InlineData("name", 300)]
    [InlineData("nickname", 300)]
    public void Names_are_limited_at_Auth0s_length(string property, int max)
    {
        Create(Body(extra: $$""","{{property}}":"{{new string('n', max)}}" """)).Status.Should().Be(201);

        var response = Create(Body("b@example.com", $$""","{{property}}":"{{new string('n', max + 1)}}" """));

        Message(response).Should().StartWith($"Payload validation error: 'String is too long ({max + 1} chars), maximum {max}' on property {property} (");
    }

    [Fact]
    public void A_good_password_mixes_three_kinds_of_character_in_eight_or_more()
    {
        Create(Body("a@example.com").Replace(Password, "abcdEF12", StringComparison.Ordinal)).Status.Should().Be(201);
        Create(Body("b@example.com").Replace(Password, "abcdefg!1", StringComparison.Ordinal)).Status.Should().Be(201);
        Create(Body("c@example.com").Replace(Password, "abcDE!1", StringComparison.Ordinal)).Status.Should().Be(400);
        Create(Body("d@example.com").Replace(Password, "abcdefghIJKLMNOP", StringComparison.Ordinal)).Status.Should().Be(400);
    }

    [Fact]
    public void An_unknown_user_answers_404_inexistent_user()
    {
        const string expected = """{"statusCode":404,"error":"Not Found","message":"The user does not exist.","errorCode":"inexistent_user"}""";

        _users.Get("auth0|000000000000000000000000").BodyText.Should().Be(expected);
        Patch("auth0|000000000000000000000000", """{"name":"x"}""").BodyText.Should().Be(expected);
    }

    [Fact]
    public void A_list_answers_a_bare_array_in_creation_order_or_a_page_with_totals()
    {
        var ids = new[] { CreateId("a@example.com"), CreateId("b@example.com"), CreateId("c@example.com") };

        List("").Parse().EnumerateArray().Select(u => u.GetProperty("user_id").GetString()).Should().Equal(ids);
        var page = List("page=1&per_page=2&include_totals=true");
        page.Status.Should().Be(200);
        var envelope = page.Parse();
        envelope.EnumerateObject().Select(p => p.Name).Should().Equal("users", "start", "limit", "length", "total");
        envelope.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("user_id").GetString()).Should().Equal(ids[2]);
        (envelope.GetProperty("start").GetInt32(), envelope.GetProperty("limit").GetInt32(), envelope.GetProperty("length").GetInt32(),
            envelope.GetProperty("total").GetInt32()).Should().Be((2, 2, 1, 3));
    }

    [Theory]
    [InlineData("email:\"b@example.com\"", 1)]
    [InlineData("email:b@example.com", 1)]
    [InlineData("email:B@EXAMPLE.COM", 1)]
    [InlineData("email:b*", 1)]
    [InlineData("email:*", 3)]
    [InlineData("identities.connection:\"Username-Password-Authentication\"", 3)]
    [InlineData("app_metadata.plan:gold", 1)]
    [InlineData("email_verified:false AND app_metadata.plan:gold", 1)]
    [InlineData("email:a@example.com email:b@example.com", 0)]
    [InlineData("email:nobody@example.com", 0)]
    public void A_search_by_q_matches_Auth0s_field_value_terms(string q, int count)
    {
        CreateId("a@example.com");
        CreateId("b@example.com", ""","app_metadata":{"plan":"gold"}""");
        CreateId("c@example.com");

        var response = List("search_engine=v3&q=" + Uri.EscapeDataString(q));

        response.Status.Should().Be(200);
        response.Parse().GetArrayLength().Should().Be(count);
    }

    [Fact]
    public void A_search_by_user_id_finds_that_user()
    {
        CreateId("a@example.com");
        var id = CreateId("b@example.com");

        var found = List("q=" + Uri.EscapeDataString($"user_id:\"{id}\"")).Parse();

        found.EnumerateArray().Select(u => u.GetProperty("user_id").GetString()).Should().Equal(id);
    }

    [Fact]
    public void A_list_sorts_by_created_at_either_way()
    {
        var first = CreateId("a@example.com");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = CreateId("b@example.com");

        List("sort=created_at:-1").Parse().EnumerateArray().Select(u => u.GetProperty("user_id").GetString()).Should().Equal(second, first);
        List("sort=created_at:1").Parse().EnumerateArray().Select(u => u.GetProperty("user_id").GetString()).Should().Equal(first, second);
    }

    [Theory]
    [InlineData("search_engine=v1", "You are not allowed to use search_engine=v1.")]
    [InlineData("search_engine=v2", "You are not allowed to use search_engine=v2. Use search_engine=v3 instead.")]
    [InlineData("search_engine=v4", "Query validation error: 'No enum match for: \"v4\"' on property search_engine (The version of the search engine).")]
    [InlineData("page=10&per_page=100", "You can only page through the first 1000 records. See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation.")]
    [InlineData("per_page=101", "Query validation error: 'Value 101 is greater than maximum 100' on property per_page.")]
    [InlineData("sort=created_at", "Query validation error: 'String does not match pattern ^(([a-zA-Z0-9_\\\\.]+))\\:(1|-1)$: created_at' on property sort.")]
    public void List_refusals_answer_400_invalid_query_string(string query, string message)
    {
        var response = List(query);

        response.QueryErrorMessage().Should().Be(message);
    }

    [Fact]
    public void Users_by_email_answers_a_bare_array_matching_the_email_exactly()
    {
        var id = CreateId();

        _users.ByEmail(Get("/api/v2/users-by-email", "email=" + Uri.EscapeDataString(Chuck))).Parse()
            .EnumerateArray().Select(u => u.GetProperty("user_id").GetString()).Should().Equal(id);
        _users.ByEmail(Get("/api/v2/users-by-email", "email=CHUCK%40example.com")).BodyText.Should().Be("[]");
        _users.ByEmail(Get("/api/v2/users-by-email", "email=nobody%40example.com")).BodyText.Should().Be("[]");
        _users.ByEmail(Get("/api/v2/users-by-email")).QueryErrorMessage().Should().Be("Query validation error: 'Missing required property: email' on property email.");
    }

    [Fact]
    public void A_patch_merges_metadata_at_its_first_level_and_a_null_removes_a_key()
    {
        var id = CreateId(extra: ""","user_metadata":{"theme":"dark","address":{"city":"Paris","zip":"75001"},"old":1},"app_metadata":{"plan":"gold"}""");

        var patched = Patch(id, """{"user_metadata":{"address":{"city":"Lyon"},"old":null,"new":true},"app_metadata":{"roles":["admin"]}}""");

        patched.Status.Should().Be(200);
        patched.Parse().GetProperty("user_metadata").GetRawText().Should().Be("""{"theme":"dark","address":{"city":"Lyon"},"new":true}""");
        patched.Parse().GetProperty("app_metadata").GetRawText().Should().Be("""{"plan":"gold","roles":["admin"]}""");
    }

    [Fact]
    public void A_patch_replaces_plain_properties_unsets_them_with_null_and_moves_updated_at()
    {
        var id = CreateId(extra: ""","given_name":"Chuck","blocked":false""");
        _clock.Advance(TimeSpan.FromMinutes(1));

        var patched = Patch(id, """{"given_name":null,"name":"Chuck Norris","blocked":true}""").Parse();

        patched.TryGetProperty("given_name", out _).Should().BeFalse();
        patched.GetProperty("name").GetString().Should().Be("Chuck Norris");
        patched.GetProperty("blocked").GetBoolean().Should().BeTrue();
        patched.GetProperty("created_at").GetString().Should().Be("2000-01-01T00:00:00.000Z");
        patched.GetProperty("updated_at").GetString().Should().Be("2000-01-01T00:01:00.000Z");
        _users.Get(id).Parse().GetProperty("name").GetString().Should().Be("Chuck Norris");
    }

    [Fact]
    public void A_new_email_is_unverified_again_unless_the_patch_says_otherwise()
    {
        var id = CreateId(extra: ""","email_verified":true""");

        Patch(id, """{"email":"norris@example.com"}""").Parse().GetProperty("email_verified").GetBoolean().Should().BeFalse();
        Patch(id, """{"email":"chuck.norris@example.com","email_verified":true}""").Parse().GetProperty("email_verified").GetBoolean().Should().BeTrue();
        _users.ByEmail(Get("/api/v2/users-by-email", "email=chuck.norris%40example.com")).Parse().GetArrayLength().Should().Be(1);
        _users.ByEmail(Get("/api/v2/users-by-email", "email=norris%40example.com")).BodyText.Should().Be("[]");
    }

    [Fact]
    public void A_patch_changes_the_password_under_the_policy()
    {
        var id = CreateId();

        Message(Patch(id, """{"password":"weak"}""")).Should().Be("PasswordStrengthError: Password is too weak");
        Patch(id, """{"password":"Another-Good-1","connection":"Username-Password-Authentication"}""").Status.Should().Be(200);

        lock (_store.Gate)
        {
            _store.Users.VerifyPassword(id, "Another-Good-1").Should().BeTrue();
            _store.Users.VerifyPassword(id, Password).Should().BeFalse();
        }
    }

    [Theory]
    [InlineData("""{"password":"Another-Good-1","email":"x@example.com"}""", 400, "Cannot update password and email simultaneously.")]
    [InlineData("""{"password":"Another-Good-1","email_verified":true}""", 400, "Cannot update password and email_verified simultaneously.")]
    [InlineData("""{"connection":"Other","name":"x"}""", 400, "Connection does not exist.")]
    [InlineData("""{"username":"chuck"}""", 400, "Cannot set username for connection without requires_username.")]
    [InlineData("""{"email":"taken@example.com"}""", 409, "The user already exists.")]
    [InlineData("""{"user_id":"other"}""", 400, "Payload validation error: 'Additional properties not allowed: user_id'.")]
    [InlineData("""{"email":null}""", 400, "Payload validation error: 'Expected type string but found type null' on property email (The user's email.).")]
    [InlineData("""{"blocked":"yes"}""", 400,
        "Payload validation error: 'Expected type boolean but found type string' on property blocked (Whether this user was blocked by an administrator (true) or not (false).).")]
    public void Patch_refusals_answer_with_Auth0s_text_and_change_nothing(string body, int status, string message)
    {
        CreateId("taken@example.com");
        var id = CreateId();
        var before = _users.Get(id).BodyText;

        var response = Patch(id, body);

        response.Status.Should().Be(status);
        Message(response).Should().Be(message);
        _users.Get(id).BodyText.Should().Be(before);
    }

    [Fact]
    public void A_delete_answers_204_forgets_the_user_and_its_password_and_answers_204_again()
    {
        var id = CreateId();
        var version = _store.Version;

        _users.Delete(id).Status.Should().Be(204);

        _store.Version.Should().BeGreaterThan(version);
        _users.Get(id).Status.Should().Be(404);
        lock (_store.Gate)
        {
            _store.Users.VerifyPassword(id, Password).Should().BeFalse();
            _store.Users.FindByEmail(Chuck).Should().BeNull();
        }

        _users.Delete(id).Status.Should().Be(204);
        Create(Body()).Status.Should().Be(201, "the email is free again");
    }

    [Fact]
    public void No_answer_and_no_stored_row_holds_the_password()
    {
        var id = CreateId();
        var answers = new[]
        {
            _users.Get(id), List(""), List("include_totals=true"), Patch(id, """{"password":"Another-Good-1"}"""),
            Patch(id, """{"name":"x"}"""), Create(Body()), Create(Body("feeble@example.com").Replace(Password, "feeble", StringComparison.Ordinal)),
            Create($$"""{"connection":"{{Connection}}","email":"n@example.com","password":7}"""),
        };

        foreach (var answer in answers)
        {
            answer.BodyText.Should().NotContain(Password).And.NotContain("Another-Good-1").And.NotContain("feeble\"").And.NotContain("\"password\":");
        }

        lock (_store.Gate)
        {
            var row = JsonSerializer.Serialize(_store.Users.Rows[0], WireJson.Context.UserDto);
            row.Should().NotContain("password").And.NotContain("Another-Good-1");
        }
    }
}
