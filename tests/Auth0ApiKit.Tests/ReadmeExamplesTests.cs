using Auth0ApiKit.Apis;
using Auth0ApiKit.Applications;

namespace Auth0ApiKit.Tests;

/// <summary>Keeps README's tour true: these are its examples, with the output it shows.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void The_tour_builds_an_api_an_application_and_an_authorization()
    {
        var orders = Api.Define("Orders API")
            .WithIdentifier("https://orders.example.com")
            .SignedWith(SigningAlgorithm.RS256)
            .TokensExpireAfter(TimeSpan.FromHours(2))
            .AllowOfflineAccess()
            .WithScope("read:orders", "Read orders")
            .WithScope("write:orders", "Create and change orders")
            .Build();
        var worker = Application.Define("billing-worker", ApplicationKind.MachineToMachine).Build();

        var grant = Authorization.For(orders, worker).WithScope("read:orders").Build();

        grant.ApiIdentifier.Should().Be("https://orders.example.com");
        grant.Scopes.Should().Equal("read:orders");
    }

    [Fact]
    public void The_validation_example_prints_what_the_readme_shows()
    {
        var builder = Api.Define("Orders <API>")
            .WithIdentifier("https://orders.example.com")
            .TokensExpireAfter(TimeSpan.FromDays(31))
            .WithScope("read orders");

        builder.TryBuild(out _, out var errors).Should().BeFalse();

        errors.Select(e => e.ToString()).Should().Equal(
            "name: The name must not contain '<' or '>' (found '<' at position 7). [forbidden_character]",
            "token_lifetime: The token lifetime is 2,678,400 seconds; Auth0 allows at most 2,592,000. [maximum]",
            "scopes[0].value: The scope value 'read orders' contains white space at position 4; scopes travel space-separated in tokens. [forbidden_character]");
    }
}
