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

        options.Apis.Select(a => a.ResourceServer.Identifier).Should().Equal("https://orders.example.com", "urn:billing");
        options.Apis[0].ResourceServer.Scopes!.Select(s => s.Value).Should().Equal("read:orders", "write:orders");
        options.Apis[1].ResourceServer.Scopes.Should().BeNull();
        options.Applications[0].Client.Should().BeEquivalentTo(new { Name = "worker", ClientId = "worker-id", ClientSecret = "s3cr3t:with:colons" });
        options.Applications[1].Client.ClientId.Should().BeNull();
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

    [Fact]
    public void Reads_admin_networks_repeated_or_comma_separated_admin_hosts_and_an_admin_token()
    {
        var (_, options) = EmulatorCommandLine.Parse([
            "--admin-from", "172.17.0.0/16,fd00::/8", "--admin-from=192.0.2.7", "--admin-host", "emulator,Auth0.Test",
            "--admin-token", "ci-admin-token-0123456789abcdefghijklmnop"]);

        options.AdminFrom.Select(n => n.ToString()).Should().Equal("172.17.0.0/16", "fd00::/8", "192.0.2.7/32");
        options.AdminHosts.Should().Equal("emulator", "auth0.test");
        options.AdminToken.Should().Be("ci-admin-token-0123456789abcdefghijklmnop");
    }

    [Theory]
    [InlineData("10/8", "--admin-from '10/8' is not")]
    [InlineData("10.0.0.0/33", "--admin-from '10.0.0.0/33' is not")]
    [InlineData("10.0.0.0/", "--admin-from '10.0.0.0/' is not")]
    [InlineData("10.0.0.0/-1", "--admin-from '10.0.0.0/-1' is not")]
    [InlineData("172.17.0.1/16", "--admin-from '172.17.0.1/16' has bits set past /16; write 172.17.0.0/16")]
    [InlineData("fd00::/129", "--admin-from 'fd00::/129' is not")]
    [InlineData("fe80::1%eth0/64", "--admin-from 'fe80::1%eth0/64' is not")]
    [InlineData("example.com/24", "--admin-from 'example.com/24' is not")]
    [InlineData("", "--admin-from '' is not")]
    public void Refuses_a_malformed_admin_network_with_one_line(string value, string expected)
    {
        var parse = () => EmulatorCommandLine.Parse(["--admin-from", value]);

        parse.Should().Throw<EmulatorConfigurationException>()
            .Which.Message.Should().StartWith(expected).And.NotContain("\n");
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has spaces in it has spaces in it has spaces")]
    [InlineData("ççççççççççççççççççççççççççççççççççççç")]
    [InlineData("quote\"quote\"quote\"quote\"quote\"quote\"quote\"")]
    public void Refuses_a_malformed_admin_token_without_repeating_it(string value)
    {
        var parse = () => EmulatorCommandLine.Parse(["--admin-token", value]);

        parse.Should().Throw<EmulatorConfigurationException>()
            .Which.Message.Should().Be("--admin-token must be 32 to 256 characters from A-Z, a-z, 0-9, '-', '_', '.' and '~'.");
    }

    [Theory]
    [InlineData("*.example")]
    [InlineData("emulator:4780")]
    [InlineData("http://emulator")]
    public void Refuses_an_admin_host_that_is_not_a_host_name(string value)
    {
        var parse = () => EmulatorCommandLine.Parse(["--admin-host", value]);

        parse.Should().Throw<EmulatorConfigurationException>()
            .Which.Message.Should().StartWith($"--admin-host '{value}' is not a host name");
    }
}
