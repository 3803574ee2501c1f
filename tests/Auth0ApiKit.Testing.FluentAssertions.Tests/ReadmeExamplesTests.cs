using System.Net;
using Auth0ApiKit.Apis;
using Auth0ApiKit.Testing.Faults;

namespace Auth0ApiKit.Testing.FluentAssertions.Tests;

/// <summary>Keeps README's "Testing without a network" section true.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public async Task The_testing_tour_works_as_written()
    {
        var orders = Api.Define("Orders API").WithIdentifier("https://orders.example.com").WithScope("read:orders").Build();

        var clock = TestClock.Fixed();                                   // README: new FakeTimeProvider(), the same epoch
        var tenant = TestTenant.New(o => o.TimeProvider = clock);
        tenant.Apis.Add(orders);
        var worker = tenant.Applications.AddMachineToMachine("billing-worker");
        tenant.Authorizations.Authorize(worker.ClientId, orders.Identifier, ["read:orders"]);

        using var http = tenant.CreateHttpClient();
        var response = await http.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = worker.ClientId,
            ["client_secret"] = worker.ClientSecret.Reveal(), ["audience"] = orders.Identifier,
        })).WaitAsync(Bound);
        response.StatusCode.Should().Be(HttpStatusCode.OK);

        var token = tenant.Tokens.ForApplication(worker.ClientId, orders.Identifier);
        token.Should().BeSignedWith(SigningAlgorithm.RS256).And.HaveAudience(orders.Identifier).And.HaveScopes("read:orders");

        tenant.Faults.Script("POST", "/api/v2/resource-servers", Fault.RateLimited(retryAfter: TimeSpan.FromSeconds(2)));
        tenant.Faults.Script("*", "/api/v2/**", Fault.ServiceUnavailable().AfterCommit());
        tenant.Faults.Randomly(seed: 42, [new RandomFault(0.3, Fault.RateLimited()), new RandomFault(0.05, Fault.Timeout())]);
        clock.Advance(TimeSpan.FromHours(25));
        token.ExpiresAt.Should().BeBefore(clock.GetUtcNow());

        tenant.Should().HaveApi(orders.Identifier);
        tenant.Journal.Entries.Should().ContainSingle();
    }
}
