using System.Text.Json;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Validation;

namespace Auth0ApiKit.Tests.Management;

public sealed class ApisClientTests : IDisposable
{
    private const string Orders = "https://orders.example.com";
    private readonly ManagementScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    private static ApiDefinition OrdersApi => Api.Define("Orders API").WithIdentifier(Orders).WithScope("read:orders", "Read orders").Build();

    [Fact]
    public async Task Create_sends_only_what_the_definition_sets_and_reads_back_the_tenant_defaults()
    {
        var created = await _scenario.Apis.CreateAsync(OrdersApi).Within();

        created.Id.Should().MatchRegex("^[0-9a-f]{24}$");
        created.IsSystem.Should().BeFalse();
        created.Identifier.Should().Be(Orders);
        created.Definition.Name.Should().Be("Orders API");
        created.Definition.SigningAlgorithm.Should().Be(SigningAlgorithm.RS256);
        created.Definition.TokenLifetime.Should().Be(TimeSpan.FromHours(24));
        created.Definition.WebTokenLifetime.Should().Be(TimeSpan.FromHours(2));
        created.Definition.AllowOfflineAccess.Should().BeFalse();
        created.Definition.AllowSkippingUserConsent.Should().BeFalse();
        created.Definition.SigningSecret.Should().BeNull();
        created.Definition.Scopes.Should().Equal(new Scope("read:orders", "Read orders"));
        _scenario.Calls("POST", "resource-servers").Should().ContainSingle()
            .Which.RequestBody.Should().Be("""{"name":"Orders API","identifier":"https://orders.example.com","scopes":[{"value":"read:orders","description":"Read orders"}]}""");
        _scenario.Tenant.Apis.Find(Orders)!.Definition.Should().Be(created.Definition);
    }

    [Fact]
    public async Task Create_sends_every_setting_that_is_set_in_Auth0_words()
    {
        var api = Api.Define("Ledger").WithIdentifier("urn:ledger").SignedWith(SigningAlgorithm.HS256).WithSigningSecret("0123456789abcdef0123")
            .TokensExpireAfter(TimeSpan.FromHours(1)).WebTokensExpireAfter(TimeSpan.FromMinutes(30)).AllowOfflineAccess().AllowSkippingUserConsent()
            .EnforcePolicies().WithTokenDialect(TokenDialect.AccessTokenAuthz).WithNoScopes().Build();

        var created = await _scenario.Apis.CreateAsync(api).Within();

        created.Definition.SigningSecret!.Reveal().Should().Be("0123456789abcdef0123");
        created.Definition.TokenLifetime.Should().Be(TimeSpan.FromHours(1));
        created.Definition.WebTokenLifetime.Should().Be(TimeSpan.FromMinutes(30));
        created.Definition.TokenDialect.Should().Be(TokenDialect.AccessTokenAuthz);
        created.Definition.EnforcePolicies.Should().BeTrue();
        using var body = JsonDocument.Parse(_scenario.Calls("POST", "resource-servers").Single().RequestBody);
        body.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal(
            "name", "identifier", "signing_alg", "signing_secret", "token_lifetime", "token_lifetime_for_web", "allow_offline_access",
            "skip_consent_for_verifiable_first_party_clients", "scopes", "enforce_policies", "token_dialect");
        body.RootElement.GetProperty("signing_secret").GetString().Should().Be("***", "the journal redacts the secret");
        body.RootElement.GetProperty("scopes").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Create_of_an_HS256_API_returns_the_secret_the_tenant_generated()
    {
        var created = await _scenario.Apis.CreateAsync(Api.Define("Legacy").WithIdentifier("urn:legacy").SignedWith(SigningAlgorithm.HS256).Build()).Within();

        created.Definition.SigningSecret.Should().NotBeNull();
        created.Definition.SigningSecret!.Length.Should().Be(32);
        created.ToString().Should().NotContain(created.Definition.SigningSecret.Reveal());
    }

    [Fact]
    public async Task Create_refuses_a_definition_whose_resulting_values_break_a_rule_before_sending()
    {
        var secretForRs256 = Api.WithIdentifier("urn:x").WithSigningSecret("0123456789abcdef0123").Build();

        var act = () => _scenario.Apis.CreateAsync(secretForRs256).Within();

        (await act.Should().ThrowAsync<DefinitionException>()).Which.Errors.Should().ContainSingle()
            .Which.Rule.Should().Be(RuleCodes.NotApplicable);
        _scenario.ManagementCalls.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_adopts_an_existing_API_that_has_every_setting_the_definition_sets()
    {
        var existing = _scenario.Tenant.Apis.Add(Api.Define("Orders API").WithIdentifier(Orders).WithScope("read:orders", "Read orders")
            .TokensExpireAfter(TimeSpan.FromHours(3)).Build());

        var adopted = await _scenario.Apis.CreateAsync(OrdersApi).Within();

        adopted.Should().BeEquivalentTo(existing);
        _scenario.ManagementCalls.Should().Equal(
            "POST resource-servers 409", $"GET resource-servers?identifiers={Orders} 200");
    }

    [Fact]
    public async Task Concurrent_identical_creates_make_one_API_and_all_succeed()
    {
        var calls = Enumerable.Range(0, 5).Select(_ => Task.Run(() => _scenario.Apis.CreateAsync(OrdersApi)));

        var created = await Task.WhenAll(calls).Within();

        created.Select(a => a.Id).Distinct().Should().ContainSingle();
        _scenario.Tenant.Apis.All.Should().HaveCount(2);
    }

    public static TheoryData<string, ApiDefinition> DifferentExistingApis => new()
    {
        { "another name", Api.Define("Other").WithIdentifier(Orders).WithScope("read:orders", "Read orders").Build() },
        { "other scopes", Api.Define("Orders API").WithIdentifier(Orders).WithScope("read:orders", "Reads").Build() },
        { "another signing algorithm", Api.Define("Orders API").WithIdentifier(Orders).SignedWith(SigningAlgorithm.HS256).WithScope("read:orders", "Read orders").Build() },
    };

    [Theory]
    [MemberData(nameof(DifferentExistingApis))]
    public async Task Create_reports_a_conflict_when_the_existing_API_differs(string difference, ApiDefinition existing)
    {
        _scenario.Tenant.Apis.Add(existing);
        var desired = difference == "another signing algorithm" ? OrdersApi.ToBuilder().SignedWith(SigningAlgorithm.RS256).Build() : OrdersApi;
        var version = _scenario.Tenant.StateVersion;

        var act = () => _scenario.Apis.CreateAsync(desired).Within();

        (await act.Should().ThrowAsync<Auth0ConflictException>(difference)).Which.StatusCode.Should().Be(System.Net.HttpStatusCode.Conflict);
        _scenario.Tenant.StateVersion.Should().Be(version);
    }

    public static TheoryData<string> AwkwardIdentifiers => new()
    {
        "https://orders.example.com/api/v2",
        "urn:orders:v1",
        "orders api with spaces",
        "0123456789abcdef01234567",
        "a+b&c=d?e#f",
        "percent%2Fencoded",
        "ünïcode:api",
    };

    [Theory]
    [MemberData(nameof(AwkwardIdentifiers))]
    public async Task Get_finds_an_API_by_an_identifier_a_path_would_mangle(string identifier)
    {
        _scenario.Tenant.Apis.Add(Api.Define("Decoy").WithIdentifier("urn:decoy").Build());
        var expected = _scenario.Tenant.Apis.Add(Api.Define("Target").WithIdentifier(identifier).Build());

        var found = await _scenario.Apis.GetAsync(identifier).Within();

        found.Should().BeEquivalentTo(expected);
        _scenario.Calls("GET", "resource-servers").Should().ContainSingle();
    }

    [Fact]
    public async Task Get_by_identifier_is_not_fooled_by_an_identifier_that_is_another_API_id()
    {
        var first = _scenario.Tenant.Apis.Add(Api.Define("First").WithIdentifier("urn:first").Build());
        var second = _scenario.Tenant.Apis.Add(Api.Define("Second").WithIdentifier(first.Id).Build());

        var byIdentifier = await _scenario.Apis.GetAsync(first.Id).Within();
        var byId = await _scenario.Apis.GetByIdAsync(first.Id).Within();

        byIdentifier.Should().BeEquivalentTo(second);
        byId.Should().BeEquivalentTo(first);
    }

    [Fact]
    public async Task Get_answers_null_for_an_unknown_identifier_or_id()
    {
        (await _scenario.Apis.GetAsync("urn:nowhere").Within()).Should().BeNull();
        (await _scenario.Apis.GetByIdAsync("0123456789abcdef01234567").Within()).Should().BeNull();
        (await _scenario.Apis.GetByIdAsync("not/an id").Within()).Should().BeNull();
    }

    [Fact]
    public async Task Get_by_id_reads_the_system_API()
    {
        var system = _scenario.Tenant.Apis.System;

        var found = await _scenario.Apis.GetByIdAsync(system.Id).Within();

        found.Should().BeEquivalentTo(system);
        found!.IsSystem.Should().BeTrue();
        found.Definition.DefinesScope("read:resource_servers").Should().BeTrue();
    }

    [Fact]
    public async Task List_pages_lazily_100_at_a_time()
    {
        for (var i = 0; i < 250; i++)
        {
            _scenario.Tenant.Apis.Add(Api.WithIdentifier($"urn:api:{i:000}").Build());
        }

        var listing = _scenario.Apis.ListAsync();
        _scenario.Calls("GET", "resource-servers").Should().BeEmpty("nothing is fetched before the enumeration starts");

        var all = await listing.ToListWithinAsync();

        all.Should().HaveCount(251, "the system API is listed too");
        all[0].IsSystem.Should().BeTrue();
        all.Skip(1).Select(a => a.Identifier).Should().Equal(Enumerable.Range(0, 250).Select(i => $"urn:api:{i:000}"));
        _scenario.Calls("GET", "resource-servers").Select(e => e.PathAndQuery).Should().Equal(
            "/api/v2/resource-servers?page=0&per_page=100&include_totals=true",
            "/api/v2/resource-servers?page=1&per_page=100&include_totals=true",
            "/api/v2/resource-servers?page=2&per_page=100&include_totals=true");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(150, 2)]
    public async Task List_stopped_early_fetches_only_the_pages_it_read(int take, int calls)
    {
        for (var i = 0; i < 250; i++)
        {
            _scenario.Tenant.Apis.Add(Api.WithIdentifier($"urn:api:{i}").Build());
        }

        var some = await _scenario.Apis.ListAsync().ToListWithinAsync(take);

        some.Should().HaveCount(take);
        _scenario.Calls("GET", "resource-servers").Should().HaveCount(calls);
    }

    [Fact]
    public async Task List_stops_with_a_cancellation_at_the_next_page()
    {
        for (var i = 0; i < 150; i++)
        {
            _scenario.Tenant.Apis.Add(Api.WithIdentifier($"urn:api:{i}").Build());
        }

        using var cancellation = new CancellationTokenSource();
        var seen = 0;
        var act = async () =>
        {
            await foreach (var _ in _scenario.Apis.ListAsync().WithCancellation(cancellation.Token))
            {
                if (++seen == 100)
                {
                    await cancellation.CancelAsync();
                }
            }
        };

        await act.Invoking(a => a().Within()).Should().ThrowAsync<OperationCanceledException>();
        seen.Should().Be(100);
        _scenario.Calls("GET", "resource-servers").Should().ContainSingle();
    }

    [Fact]
    public async Task List_of_exactly_full_pages_stops_without_asking_for_an_empty_page()
    {
        for (var i = 0; i < 199; i++)
        {
            _scenario.Tenant.Apis.Add(Api.WithIdentifier($"urn:api:{i}").Build());
        }

        (await _scenario.Apis.ListAsync().ToListWithinAsync()).Should().HaveCount(200);
        _scenario.Calls("GET", "resource-servers").Should().HaveCount(2);
    }

    [Fact]
    public async Task List_page_reports_the_totals()
    {
        for (var i = 0; i < 24; i++)
        {
            _scenario.Tenant.Apis.Add(Api.WithIdentifier($"urn:api:{i}").Build());
        }

        var page = await _scenario.Apis.ListPageAsync(1, 10).Within();
        var last = await _scenario.Apis.ListPageAsync(2, 10).Within();

        page.Total.Should().Be(25);
        page.Start.Should().Be(10);
        page.Limit.Should().Be(10);
        page.Items.Select(a => a.Identifier).Should().Equal(Enumerable.Range(9, 10).Select(i => $"urn:api:{i}"));
        page.HasMore.Should().BeTrue();
        last.Items.Should().HaveCount(5);
        last.HasMore.Should().BeFalse();
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, 101)]
    public async Task List_page_refuses_arguments_out_of_range_before_sending(int page, int perPage)
    {
        var act = () => _scenario.Apis.ListPageAsync(page, perPage).Within();

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
        _scenario.ManagementCalls.Should().BeEmpty();
    }

    [Fact]
    public async Task Update_sends_only_the_settings_that_change()
    {
        _scenario.Tenant.Apis.Add(Api.Define("Orders API").WithIdentifier(Orders).TokensExpireAfter(TimeSpan.FromHours(2))
            .WithScope("read:orders", "Read orders").Build());
        var desired = Api.Define("Orders").WithIdentifier(Orders).TokensExpireAfter(TimeSpan.FromHours(2)).AllowOfflineAccess()
            .WithScope("read:orders", "Read orders").Build();

        var updated = await _scenario.Apis.UpdateAsync(desired).Within();

        updated.Definition.Name.Should().Be("Orders");
        updated.Definition.AllowOfflineAccess.Should().BeTrue();
        updated.Definition.TokenLifetime.Should().Be(TimeSpan.FromHours(2));
        var patch = _scenario.Calls("PATCH", $"resource-servers/{updated.Id}").Should().ContainSingle().Subject;
        patch.RequestBody.Should().Be("""{"name":"Orders","allow_offline_access":true}""");
    }

    [Fact]
    public async Task Update_sends_nothing_when_nothing_changes()
    {
        var existing = _scenario.Tenant.Apis.Add(OrdersApi);
        var version = _scenario.Tenant.StateVersion;

        var same = await _scenario.Apis.UpdateAsync(Api.WithIdentifier(Orders).WithScope("read:orders", "Read orders").TokensExpireAfter(TimeSpan.FromDays(1)).Build()).Within();

        same.Should().BeEquivalentTo(existing);
        _scenario.ManagementCalls.Should().ContainSingle().Which.Should().StartWith("GET resource-servers?identifiers=");
        _scenario.Tenant.StateVersion.Should().Be(version);
    }

    [Fact]
    public async Task Update_refuses_a_change_of_signing_algorithm_before_any_PATCH()
    {
        _scenario.Tenant.Apis.Add(OrdersApi);

        var act = () => _scenario.Apis.UpdateAsync(OrdersApi.ToBuilder().SignedWith(SigningAlgorithm.HS256).Build()).Within();

        var error = (await act.Should().ThrowAsync<DefinitionException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Rule.Should().Be(RuleCodes.Immutable);
        error.Path.Should().Be("signing_alg");
        _scenario.ManagementCalls.Should().NotContain(c => c.StartsWith("PATCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_by_id_refuses_a_change_of_identifier_before_any_PATCH()
    {
        var existing = _scenario.Tenant.Apis.Add(OrdersApi);

        var act = () => _scenario.Apis.UpdateByIdAsync(existing.Id, OrdersApi.ToBuilder().WithIdentifier("https://orders.example.org").Build()).Within();

        var error = (await act.Should().ThrowAsync<DefinitionException>()).Which.Errors.Should().ContainSingle().Subject;
        error.Rule.Should().Be(RuleCodes.Immutable);
        error.Path.Should().Be("identifier");
        _scenario.ManagementCalls.Should().Equal($"GET resource-servers/{existing.Id} 200");
    }

    [Fact]
    public async Task Update_by_id_changes_the_API_with_that_id()
    {
        var existing = _scenario.Tenant.Apis.Add(OrdersApi);

        var updated = await _scenario.Apis.UpdateByIdAsync(existing.Id, OrdersApi.ToBuilder().Named("Renamed").Build()).Within();

        updated.Definition.Name.Should().Be("Renamed");
        _scenario.Calls("PATCH", $"resource-servers/{existing.Id}").Single().RequestBody.Should().Be("""{"name":"Renamed"}""");
    }

    [Fact]
    public async Task Update_refuses_a_web_lifetime_above_the_resulting_token_lifetime_before_any_PATCH()
    {
        _scenario.Tenant.Apis.Add(Api.WithIdentifier(Orders).TokensExpireAfter(TimeSpan.FromHours(2)).Build());

        var act = () => _scenario.Apis.UpdateAsync(Api.WithIdentifier(Orders).WebTokensExpireAfter(TimeSpan.FromHours(3)).Build()).Within();

        (await act.Should().ThrowAsync<DefinitionException>()).Which.Errors.Should().ContainSingle()
            .Which.Rule.Should().Be(RuleCodes.NotAboveOtherField);
        _scenario.ManagementCalls.Should().NotContain(c => c.StartsWith("PATCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_of_an_unknown_API_is_not_found()
    {
        var act = () => _scenario.Apis.UpdateAsync(OrdersApi).Within();

        await act.Should().ThrowAsync<Auth0NotFoundException>().WithMessage("*https://orders.example.com*");
    }

    [Fact]
    public async Task Delete_is_idempotent()
    {
        var existing = _scenario.Tenant.Apis.Add(OrdersApi);

        (await _scenario.Apis.DeleteAsync(Orders).Within()).Should().BeTrue();
        (await _scenario.Apis.DeleteAsync(Orders).Within()).Should().BeFalse();

        _scenario.Tenant.Apis.Find(Orders).Should().BeNull();
        _scenario.Calls("DELETE", $"resource-servers/{existing.Id}").Should().ContainSingle().Which.Status.Should().Be(204);
    }

    [Fact]
    public async Task Delete_of_the_system_API_is_refused_by_the_tenant()
    {
        var act = () => _scenario.Apis.DeleteAsync(_scenario.Tenant.Urls.ManagementApiAudience).Within();

        (await act.Should().ThrowAsync<Auth0ValidationException>()).Which.ServiceMessage.Should().Be("System resource servers cannot be deleted.");
    }
}
