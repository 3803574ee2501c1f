namespace Auth0ApiKit.Testing.Tests.Tenant;

public sealed class FakeTenantModelFactoryTests
{
    [Fact]
    public void A_journal_entry_takes_defaults_for_what_is_left_out()
    {
        var entry = FakeTenantModelFactory.JournalEntry("GET", "/api/v2/clients", fault: "rate_limited");

        (entry.Sequence, entry.Status, entry.Timestamp).Should().Be((1L, 200, DateTimeOffset.UnixEpoch));
        (entry.RequestBody, entry.ResponseBody).Should().Be((string.Empty, string.Empty));
        entry.RequestHeaders.Should().BeEmpty();
        entry.ToString().Should().Be("#1 GET /api/v2/clients -> 200 (rate_limited)");
    }
}
