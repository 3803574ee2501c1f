using System.Net;
using Auth0ApiKit.Emulator.CommandLine;

namespace Auth0ApiKit.Emulator.Tests;

public class CommandLineTests
{
    [Fact]
    public void Defaults_to_loopback_the_default_port_and_a_management_application()
    {
        var (command, options) = EmulatorCommandLine.Parse([]);

        command.Should().Be(EmulatorCommand.Run);
        options.Host.Should().Be(IPAddress.Loopback);
        options.Port.Should().Be(EmulatorOptions.DefaultPort);
        options.Domain.Should().BeNull();
        options.CreateManagementApplication.Should().BeTrue();
        options.JournalCapacity.Should().Be(1_000);
    }

    [Fact]
    public void Reads_options_with_separate_and_inline_values()
    {
        var (_, options) = EmulatorCommandLine.Parse([
            "--host", "::1", "--port=0", "--domain", "dev-abc.us.auth0.com", "--seed-file", "seed.json",
            "--write-credentials=creds.json", "--signing-key", "key.pem", "--journal-capacity", "50",
            "--management-client-id", "mgmt", "--management-client-secret", "mgmt-secret"]);

        options.Host.Should().Be(IPAddress.IPv6Loopback);
        options.Port.Should().Be(0);
        options.Domain.Should().Be("dev-abc.us.auth0.com");
        options.SeedFile.Should().Be("seed.json");
        options.CredentialsFile.Should().Be("creds.json");
        options.SigningKeyFile.Should().Be("key.pem");
        options.JournalCapacity.Should().Be(50);
        options.ManagementClientId.Should().Be("mgmt");
        options.ManagementClientSecret.Should().Be("mgmt-secret");
    }

    [Fact]
    public void Reads_repeated_seeding_flags_whose_values_hold_colons_and_equals_signs()
    {
        var (_, options) = EmulatorCommandLine.Parse([
            "--api", "https://orders.example.com=read:orders,write:orders",
            "--api=urn:billing",
            "--app", "worker=worker-id:s3cr3t:with:colons",
            "--app", "reporter",
            "--authorize", "worker=https://orders.example.com=read:orders",
            "--authorize=reporter=urn:billing",
            "--no-management-app"]);

        options.Apis.Select(a => a.Identifier).Should().Equal("https://orders.example.com", "urn:billing");
        options.Apis[0].Scopes!.Select(s => s.Value).Should().Equal("read:orders", "write:orders");
        options.Apis[1].Scopes.Should().BeNull();
        options.Applications[0].Should().BeEquivalentTo(new { Name = "worker", ClientId = "worker-id", ClientSecret = "s3cr3t:with:colons" });
        options.Applications[1].ClientId.Should().BeNull();
        options.Authorizations[0].Application.Should().Be("worker");
        options.Authorizations[0].Authorization.Api.Should().Be("https://orders.example.com");
        options.Authorizations[0].Authorization.Scopes.Should().Equal("read:orders");
        options.Authorizations[1].Authorization.Scopes.Should().BeNull("no scopes means all of the API's");
        options.CreateManagementApplication.Should().BeFalse();
    }

    [Theory]
    [InlineData(new[] { "--help" }, "Help")]
    [InlineData(new[] { "-h" }, "Help")]
    [InlineData(new[] { "--port", "1", "--version" }, "Version")]
    public void Recognises_help_and_version(string[] args, string expected) =>
        EmulatorCommandLine.Parse(args).Command.ToString().Should().Be(expected);

    [Theory]
    [InlineData(new[] { "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "--port" }, "--port needs a value")]
    [InlineData(new[] { "--port", "70000" }, "--port must be a whole number from 0 to 65535, not '70000'")]
    [InlineData(new[] { "--port", "-1" }, "--port must be a whole number")]
    [InlineData(new[] { "--host", "example.com" }, "--host must be an IP address")]
    [InlineData(new[] { "--app", "worker=id-without-secret" }, "--app 'worker': write fixed credentials as <name>=<client id>:<client secret>")]
    [InlineData(new[] { "--authorize", "worker" }, "write <app>=<api identifier>")]
    [InlineData(new[] { "--journal-capacity", "0" }, "--journal-capacity must be a whole number from 1")]
    [InlineData(new[] { "--no-management-app=yes" }, "--no-management-app takes no value")]
    public void Refuses_a_bad_command_line_with_a_one_line_message(string[] args, string expected)
    {
        var parse = () => EmulatorCommandLine.Parse(args);

        parse.Should().Throw<EmulatorConfigurationException>()
            .Which.Message.Should().Contain(expected).And.NotContain("\n");
    }
}
