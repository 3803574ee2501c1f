using System.Net.Http.Headers;
using System.Text;
using static Auth0ApiKit.Testing.Tests.Tenant.TenantHttp;

namespace Auth0ApiKit.Testing.Tests.Tenant;

public class JournalTests
{
    [Fact]
    public async Task Every_request_is_recorded_with_secrets_credentials_and_tokens_redacted()
    {
        var tenant = TestTenant.New();
        using var http = tenant.CreateHttpClient();
        var app = tenant.CreateManagementApplication();
        var tokenResponse = await http.PostAsync("oauth/token", Form(("grant_type", "client_credentials"), ("client_id", app.ClientId),
            ("client_secret", app.ClientSecret.Reveal()), ("audience", tenant.Urls.ManagementApiAudience))).WaitAsync(Bound);
        var token = (await Json(tokenResponse)).GetProperty("access_token").GetString()!;
        await http.SendAsync(HttpMethod.Post, "api/v2/resource-servers", token,
            """{"identifier":"urn:hs","signing_alg":"HS256","signing_secret":"a-very-secret-signing-key"}""");
        var basic = new HttpRequestMessage(HttpMethod.Post, "oauth/token") { Content = Form(("grant_type", "client_credentials")) };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{app.ClientId}:{app.ClientSecret.Reveal()}")));
        await http.SendAsync(basic).WaitAsync(Bound);

        var entries = tenant.Journal.Entries;

        entries.Should().HaveCount(3);
        entries.Select(e => e.Sequence).Should().Equal(1, 2, 3);
        var everything = string.Join("\n", entries.Select(e => e.ToString() + string.Join(";", e.RequestHeaders.Values) + e.RequestBody + e.ResponseBody));
        everything.Should().NotContain(app.ClientSecret.Reveal());
        everything.Should().NotContain(token);
        everything.Should().NotContain("a-very-secret-signing-key");
        everything.Should().NotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{app.ClientId}:{app.ClientSecret.Reveal()}")));
        entries[1].RequestHeaders["Authorization"].Should().Be("Bearer ***");
        entries[2].RequestHeaders["Authorization"].Should().Be("Basic ***");
        entries[1].Status.Should().Be(201);
        tenant.Journal.For("POST", "/api/v2/resource-servers").Should().ContainSingle();
    }

    [Fact]
    public async Task The_journal_keeps_only_its_capacity()
    {
        var tenant = TestTenant.New(o => o.JournalCapacity = 3);
        using var http = tenant.CreateHttpClient();

        for (var i = 0; i < 5; i++)
        {
            await http.GetAsync(".well-known/jwks.json").WaitAsync(Bound);
        }

        tenant.Journal.Entries.Select(e => e.Sequence).Should().Equal(3, 4, 5);
        tenant.Journal.TotalRequests.Should().Be(5);
    }

    [Fact]
    public async Task A_secret_in_the_query_is_redacted_even_when_it_decodes_to_spaces_or_ampersands()
    {
        var tenant = TestTenant.New();
        using var http = tenant.CreateHttpClient();

        await http.GetAsync(".well-known/jwks.json?client_secret=top%20secret%26more&x=1").WaitAsync(Bound);

        var entry = tenant.Journal.Entries.Single();
        entry.PathAndQuery.Should().Be("/.well-known/jwks.json?client_secret=***&x=1");
    }
}
