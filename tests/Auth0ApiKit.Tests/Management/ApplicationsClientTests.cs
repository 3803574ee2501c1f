using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;
using Auth0ApiKit.Authentication;

namespace Auth0ApiKit.Tests.Management;

public sealed class ApplicationsClientTests : IDisposable
{
    private const string Orders = "https://orders.example.com";
    private readonly ManagementScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    public static TheoryData<string, string, string[]> Kinds => new()
    {
        { "non_interactive", "client_secret_post", ["client_credentials"] },
        { "regular_web", "client_secret_post", ["authorization_code", "implicit", "refresh_token", "client_credentials"] },
        { "spa", "none", ["authorization_code", "implicit", "refresh_token"] },
        { "native", "none", ["authorization_code", "implicit", "refresh_token"] },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Create_makes_an_application_of_a_kind_and_returns_its_secret(string kind, string authMethod, string[] grantTypes)
    {
        var created = await _scenario.Applications.CreateAsync(Application.Define("Billing", new ApplicationKind(kind)).Build()).Within();

        created.ClientId.Should().MatchRegex("^[A-Za-z0-9]{32}$");
        created.Name.Should().Be("Billing");
        created.Kind.Value.Should().Be(kind);
        created.Definition.EffectiveGrantTypes.Select(g => g.Value).Should().Equal(grantTypes);
        created.ClientSecret.Should().NotBeNull();
        created.ClientSecret!.Reveal().Should().Be(_scenario.Tenant.Applications.Find(created.ClientId)!.ClientSecret.Reveal());
        created.ToString().Should().NotContain(created.ClientSecret.Reveal());
        var post = _scenario.Calls("POST", "clients").Should().ContainSingle().Subject;
        post.RequestBody.Should().Be(
            $$"""{"name":"Billing","app_type":"{{kind}}","grant_types":[{{string.Join(',', grantTypes.Select(g => $"\"{g}\""))}}],"token_endpoint_auth_method":"{{authMethod}}"}""",
            "the kind's grant types and authentication method are sent, as the dashboard does: a tenant's own defaults differ");
        post.ResponseBody.Should().Contain("\"client_secret\":\"***\"").And.Contain($"\"token_endpoint_auth_method\":\"{authMethod}\"");
    }

    [Fact]
    public async Task Create_sends_the_grant_types_callbacks_and_first_party_flag_that_are_set()
    {
        var definition = Application.Define("Portal", ApplicationKind.RegularWeb).WithGrantTypes([GrantType.AuthorizationCode])
            .WithCallback(new Uri("https://portal.example.com/callback")).FirstParty(false).Build();

        var created = await _scenario.Applications.CreateAsync(definition).Within();

        created.Definition.CanUseClientCredentials.Should().BeFalse();
        created.Definition.IsFirstParty.Should().BeFalse();
        created.Definition.Callbacks.Should().Equal(new Uri("https://portal.example.com/callback"));
        _scenario.Calls("POST", "clients").Single().RequestBody.Should().Be(
            """{"name":"Portal","app_type":"regular_web","grant_types":["authorization_code"],"token_endpoint_auth_method":"client_secret_post","is_first_party":false,"callbacks":["https://portal.example.com/callback"]}""");
    }

    [Fact]
    public async Task Get_reads_an_application_and_answers_null_for_an_unknown_one()
    {
        var seeded = _scenario.Tenant.Applications.AddMachineToMachine("worker");

        var found = await _scenario.Applications.GetAsync(seeded.ClientId).Within();

        found!.Definition.Should().Be(seeded.Definition);
        found.ClientSecret!.Reveal().Should().Be(seeded.ClientSecret.Reveal(), "the management application has read:client_keys");
        (await _scenario.Applications.GetAsync("0123456789abcdefABCDEF0123456789").Within()).Should().BeNull();
    }

    [Fact]
    public async Task Get_returns_no_secret_without_read_client_keys()
    {
        using var scenario = new ManagementScenario(["read:clients"]);
        var seeded = scenario.Tenant.Applications.AddMachineToMachine("worker");

        var found = await scenario.Applications.GetAsync(seeded.ClientId).Within();

        found!.ClientSecret.Should().BeNull();
        found.Name.Should().Be("worker");
    }

    [Fact]
    public async Task List_pages_lazily()
    {
        for (var i = 0; i < 149; i++)
        {
            _scenario.Tenant.Applications.Add($"app {i}", ApplicationKind.SinglePage);
        }

        var first = await _scenario.Applications.ListAsync().ToListWithinAsync(100);
        _scenario.Calls("GET", "clients").Should().HaveCount(1);

        var all = await _scenario.Applications.ListAsync().ToListWithinAsync();

        first.Should().HaveCount(100);
        all.Should().HaveCount(150, "the management application is listed too");
        all.Select(a => a.ClientId).Should().OnlyHaveUniqueItems();
        _scenario.Calls("GET", "clients").Should().HaveCount(3);
    }

    [Fact]
    public async Task List_page_reports_the_totals()
    {
        for (var i = 0; i < 14; i++)
        {
            _scenario.Tenant.Applications.Add($"app {i}", ApplicationKind.SinglePage);
        }

        var page = await _scenario.Applications.ListPageAsync(1, 10).Within();

        page.Total.Should().Be(15, "the management application is listed too");
        page.Start.Should().Be(10);
        page.Limit.Should().Be(10);
        page.Items.Select(a => a.Name).Should().Equal(Enumerable.Range(9, 5).Select(i => $"app {i}"));
        page.HasMore.Should().BeFalse();
        _scenario.Calls("GET", "clients").Select(e => e.PathAndQuery).Should().Equal("/api/v2/clients?page=1&per_page=10&include_totals=true&is_global=false");
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, 101)]
    public async Task List_page_refuses_arguments_out_of_range_before_sending(int page, int perPage)
    {
        var act = () => _scenario.Applications.ListPageAsync(page, perPage).Within();

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
        _scenario.Calls("GET", "clients").Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_is_idempotent_and_takes_the_authorizations_along()
    {
        _scenario.Tenant.Apis.Add(Api.WithIdentifier(Orders).WithScope("read:orders").Build());
        var worker = _scenario.Tenant.Applications.AddMachineToMachine("worker");
        _scenario.Tenant.Authorizations.Authorize(worker.ClientId, Orders, ["read:orders"]);

        var first = await _scenario.Applications.DeleteAsync(worker.ClientId).Within();
        var second = await _scenario.Applications.DeleteAsync(worker.ClientId).Within();

        first.Should().BeTrue("the application was there");
        second.Should().BeFalse("it was already gone");
        _scenario.Tenant.Applications.Find(worker.ClientId).Should().BeNull();
        _scenario.Tenant.Authorizations.Find(worker.ClientId, Orders).Should().BeNull();
        _scenario.Calls("DELETE", $"clients/{worker.ClientId}").Select(e => e.Status).Should().Equal([204], "the second delete finds nothing to delete");
    }

    [Fact]
    public async Task Rotate_secret_returns_a_new_secret_and_the_old_one_stops_working()
    {
        var api = _scenario.Tenant.Apis.Add(Api.WithIdentifier(Orders).WithScope("read:orders").Build());
        var worker = _scenario.Tenant.Applications.AddMachineToMachine("worker");
        _scenario.Tenant.Authorizations.Authorize(worker.ClientId, Orders, ["read:orders"]);

        var rotated = await _scenario.Applications.RotateSecretAsync(worker.ClientId).Within();

        rotated.ClientSecret!.Reveal().Should().NotBe(worker.ClientSecret.Reveal());
        var old = await _scenario.Apis.TestAsync(api.Identifier, worker.ClientId, worker.ClientSecret).Within();
        var fresh = await _scenario.Apis.TestAsync(api.Identifier, worker.ClientId, rotated.ClientSecret).Within();
        old.Passed.Should().BeFalse();
        old.Refusal.Should().Be("Auth0 answered 401 Unauthorized (access_denied): Unauthorized.");
        fresh.Passed.Should().BeTrue();
        _scenario.Calls("POST", $"clients/{worker.ClientId}/rotate-secret").Single().ResponseBody.Should().Contain("\"client_secret\":\"***\"");
    }

    [Fact]
    public async Task Rotate_secret_of_an_unknown_application_is_not_found()
    {
        var act = () => _scenario.Applications.RotateSecretAsync("0123456789abcdefABCDEF0123456789").Within();

        (await act.Should().ThrowAsync<Auth0NotFoundException>()).Which.ErrorCode.Should().Be("inexistent_client");
    }

    [Fact]
    public async Task The_machine_to_machine_view_lists_exactly_the_applications_with_client_credentials_and_their_authorization()
    {
        _scenario.Tenant.Apis.Add(Api.WithIdentifier(Orders).WithScope("read:orders").WithScope("write:orders").Build());
        _scenario.Tenant.Apis.Add(Api.WithIdentifier("urn:other").WithScope("read:other").Build());
        var worker = _scenario.Tenant.Applications.AddMachineToMachine("worker");
        var portal = _scenario.Tenant.Applications.Add("portal", ApplicationKind.RegularWeb);
        var idle = _scenario.Tenant.Applications.AddMachineToMachine("idle");
        _scenario.Tenant.Applications.Add("spa", ApplicationKind.SinglePage);
        _scenario.Tenant.Applications.Add(Application.Define("no-cc", ApplicationKind.RegularWeb).WithGrantTypes([GrantType.AuthorizationCode]).Build());
        _scenario.Tenant.Authorizations.Authorize(worker.ClientId, Orders, ["read:orders"]);
        _scenario.Tenant.Authorizations.Authorize(portal.ClientId, Orders, []);
        _scenario.Tenant.Authorizations.Authorize(idle.ClientId, "urn:other", ["read:other"]);

        var view = await _scenario.Applications.ListMachineToMachineAsync(Orders).ToListWithinAsync();

        view.Select(v => (v.Application.Name, v.IsAuthorized, string.Join(' ', v.Scopes))).Should().Equal(
            ("Auth0ApiKit management", false, ""),
            ("worker", true, "read:orders"),
            ("portal", true, ""),
            ("idle", false, ""));
    }

    [Fact]
    public async Task A_client_without_the_needed_scope_gets_a_forbidden_error_naming_it()
    {
        using var scenario = new ManagementScenario(["read:clients"]);

        var act = () => scenario.Applications.CreateAsync(Application.Define("x", ApplicationKind.MachineToMachine).Build()).Within();

        var forbidden = (await act.Should().ThrowAsync<Auth0ForbiddenException>()).Which;
        forbidden.ErrorCode.Should().Be("insufficient_scope");
        forbidden.ServiceMessage.Should().Be("Insufficient scope, expected any of: create:clients");
        scenario.TokenFetches.Should().HaveCount(2, "a 403 insufficient_scope is tried once more with a fresh token");
        ((ClientCredentialsTokenProvider)scenario.Client.Tokens).FetchCount.Should().Be(2);
    }

    [Fact]
    public async Task The_tenants_global_client_is_not_an_application()
    {
        _scenario.Tenant.Applications.AddMachineToMachine("worker");
        var globalId = await GlobalClientIdAsync();

        var all = await _scenario.Applications.ListAsync().ToListWithinAsync();
        var got = await _scenario.Applications.GetAsync(globalId).Within();
        var deleted = await _scenario.Applications.DeleteAsync(globalId).Within();

        all.Select(a => a.Name).Should().Contain("worker").And.NotContain("All Applications");
        got.Should().BeNull();
        deleted.Should().BeFalse();
        _scenario.Calls("DELETE", $"clients/{globalId}").Should().BeEmpty("no one tries to delete the global client");
    }

    private async Task<string> GlobalClientIdAsync()
    {
        using var http = _scenario.Tenant.CreateHttpClient();
        var token = _scenario.Tenant.Tokens.ForApplication("tester", _scenario.Tenant.Urls.ManagementApiAudience, ["read:clients"]).Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v2/clients?is_global=true&fields=client_id");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request).Within();
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync().Within());
        return body.RootElement[0].GetProperty("client_id").GetString()!;
    }
}
