using Auth0ApiKit.Testing.Store;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>Ids in Auth0's formats from a seeded sequence; secrets from a secure source.</summary>
public class IdGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_ids_and_another_seed_others()
    {
        var first = new IdGenerator(42);
        var second = new IdGenerator(42);
        var other = new IdGenerator(43);

        var ids = Enumerable.Range(0, 5).Select(_ => first.ClientId()).ToList();

        Enumerable.Range(0, 5).Select(_ => second.ClientId()).Should().Equal(ids);
        Enumerable.Range(0, 5).Select(_ => other.ClientId()).Should().NotIntersectWith(ids);
    }

    [Fact]
    public void Ids_have_auth0s_formats()
    {
        var ids = new IdGenerator(1);

        ids.ResourceServerId().Should().MatchRegex("^[0-9a-f]{24}$");
        ids.ClientId().Should().MatchRegex("^[A-Za-z0-9]{32}$");
        ids.ClientGrantId().Should().MatchRegex("^cgr_[A-Za-z0-9]{16}$");
        ids.ClientCredentialId().Should().MatchRegex("^cred_[A-Za-z0-9]{22}$");
        ids.UserId().Should().MatchRegex("^auth0\\|[0-9a-f]{24}$");
    }

    [Fact]
    public void Every_character_of_the_alphabet_turns_up_about_equally_often()
    {
        var ids = new IdGenerator(7);
        var counts = new Dictionary<char, int>();
        for (var i = 0; i < 2_000; i++)
        {
            foreach (var c in ids.ClientId())
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        // 64,000 draws over 62 characters: about 1,032 each; a broken mapping would leave some out or pile up on others.
        counts.Should().HaveCount(62);
        counts.Values.Should().OnlyContain(n => n > 850 && n < 1_220);
    }

    [Fact]
    public void Secrets_are_long_url_safe_and_never_repeat()
    {
        var secrets = Enumerable.Range(0, 200).Select(_ => IdGenerator.ClientSecret()).ToList();

        secrets.Should().OnlyContain(s => s.Length == 64 && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
        secrets.Should().OnlyHaveUniqueItems();
        IdGenerator.RefreshToken().Should().HaveLength(48);
    }
}
