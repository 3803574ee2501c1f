namespace Auth0ApiKit.Tests;

public class SecretTests
{
    [Fact]
    public void Never_shows_its_value()
    {
        var secret = new Secret("my-very-secret-value");

        secret.ToString().Should().Be("***");
        $"{secret}".Should().Be("***");
        secret.Reveal().Should().Be("my-very-secret-value");
        secret.Length.Should().Be(20);
    }

    [Fact]
    public void Generate_gives_32_letters_and_digits_by_default()
    {
        var secret = Secret.Generate();

        secret.Length.Should().Be(32);
        secret.Reveal().Should().MatchRegex("^[A-Za-z0-9]{32}$");
    }

    [Fact]
    public void Generated_secrets_differ_and_use_the_whole_alphabet()
    {
        var secrets = Enumerable.Range(0, 200).Select(_ => Secret.Generate().Reveal()).ToList();

        secrets.Should().OnlyHaveUniqueItems();
        var characters = secrets.SelectMany(s => s).ToHashSet();
        characters.Should().HaveCount(62, "6,400 draws from 62 letters and digits miss one with negligible probability");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(64)]
    public void Generate_takes_a_length(int length) =>
        Secret.Generate(length).Reveal().Should().MatchRegex($"^[A-Za-z0-9]{{{length}}}$");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Generate_refuses_a_length_that_is_not_positive(int length) =>
        FluentActions.Invoking(() => Secret.Generate(length)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(length));

    [Fact]
    public void Secrets_are_equal_by_value()
    {
        var secret = new Secret("same-value");

        secret.Should().Be(new Secret("same-value"));
        secret.Equals((object)new Secret("same-value")).Should().BeTrue();
        secret.GetHashCode().Should().Be(new Secret("same-value").GetHashCode());
        secret.Should().NotBe(new Secret("Same-value"));
        secret.Should().NotBe(new Secret("same-value-longer"));
        secret.Equals((object)"same-value").Should().BeFalse("a secret never equals its plain text");
        secret.Equals((Secret?)null).Should().BeFalse();
    }

    [Fact]
    public void An_empty_secret_is_allowed_and_null_is_not()
    {
        new Secret("").Length.Should().Be(0);
        FluentActions.Invoking(() => new Secret(null!)).Should().Throw<ArgumentNullException>().WithParameterName("value");
    }
}
