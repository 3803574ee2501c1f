using Auth0ApiKit.Testing.Store;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>
/// What keeps tenants apart costs no call into the random generator per tenant, and loses nothing: every tenant of a
/// process has its own domain, and secrets are drawn evenly from a secure source.
/// </summary>
public sealed class TenantIdentityTests
{
    [Fact]
    public void Tenants_of_one_process_never_share_a_domain()
    {
        var domains = Enumerable.Range(0, 5_000).Select(_ => TestTenant.New().Domain).ToList();

        domains.Should().OnlyHaveUniqueItems().And.AllSatisfy(d => d.Should().MatchRegex("^fake-[0-9a-f]{8}\\.auth0\\.test$"));
    }

    [Fact]
    public void Secure_random_text_uses_every_character_of_its_alphabet_and_nothing_else()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var text = string.Concat(Enumerable.Range(0, 400).Select(_ => SecureRandom.GetString(alphabet, 64)));

        text.Should().HaveLength(400 * 64);
        text.Distinct().Should().BeEquivalentTo(alphabet, "every one of the 62 characters appears in 25,600 draws");
        var counts = text.GroupBy(c => c).Select(g => g.Count()).ToList();
        counts.Should().AllSatisfy(n => n.Should().BeInRange(250, 580, "each character is drawn about 413 times, never folded onto others"));
    }

    [Fact]
    public void Secrets_of_many_applications_are_all_different()
    {
        var tenant = TestTenant.New();

        var secrets = Enumerable.Range(0, 300).Select(i => tenant.Applications.AddMachineToMachine("worker-" + i).ClientSecret.Reveal()).ToList();

        secrets.Should().OnlyHaveUniqueItems().And.AllSatisfy(s => s.Should().MatchRegex("^[A-Za-z0-9_-]{64}$"));
    }
}
