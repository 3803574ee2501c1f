using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Auth0ApiKit.Testing.Faults;

namespace Auth0ApiKit.Emulator.Tests;

/// <summary>The auth0-emulator command: start, print, serve, stop; and the one-line errors that end it.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("auth0-emulator-program-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await EmulatorProgram.RunAsync(args, output, error, CancellationToken.None).WaitAsync(Bound);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Exits_with_1_and_one_line_when_the_port_is_busy()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var (exit, output, error) = await RunAsync("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--signing-key", Emulator.SharedSigningKeyFile);

        exit.Should().Be(EmulatorProgram.Failure);
        output.Should().BeEmpty();
        error.Should().Be($"auth0-emulator: port {port} on 127.0.0.1 is already in use; choose another with --port, or --port 0 for a free one.{Environment.NewLine}");
    }

    [Theory]
    [InlineData(new[] { "--port", "http" }, "auth0-emulator: --port must be a whole number from 0 to 65535, not 'http'.")]
    [InlineData(new[] { "--seed-file", "/nonexistent/seed.json" }, "auth0-emulator: cannot read the seed file '/nonexistent/seed.json': ")]
    [InlineData(new[] { "--api", "urn:a", "--api", "urn:a" }, "auth0-emulator: --api 'urn:a': the identifier 'urn:a' is seeded twice.")]
    [InlineData(new[] { "--domain", "https://dev.example.com/" }, "auth0-emulator: --domain 'https://dev.example.com/': The domain must be a host name")]
    [InlineData(new[] { "--host", "192.0.2.1" }, "auth0-emulator: --host 192.0.2.1 is not loopback, so the emulator's own http URL cannot be its issuer")]
    [InlineData(new[] { "--signing-key", "/nonexistent/key.pem" }, "auth0-emulator: cannot read the signing key '/nonexistent/key.pem'")]
    public async Task Exits_with_2_and_one_line_on_bad_configuration(string[] args, string expected)
    {
        var (exit, output, error) = await RunAsync(args);

        exit.Should().Be(EmulatorProgram.BadConfiguration);
        output.Should().BeEmpty();
        error.Should().StartWith(expected).And.EndWith(Environment.NewLine);
        error.TrimEnd().Should().NotContain("\n");
    }

    [Fact]
    public async Task Refuses_a_signing_key_file_that_holds_no_usable_key()
    {
        var path = Path.Combine(_directory, "key.pem");
        await File.WriteAllTextAsync(path, "not a key");

        var (exit, _, error) = await RunAsync("--signing-key", path);

        exit.Should().Be(EmulatorProgram.BadConfiguration);
        error.Should().StartWith($"auth0-emulator: --signing-key '{path}': ");
    }

    [Fact]
    public async Task Prints_help_and_version()
    {
        var help = await RunAsync("--help");
        var version = await RunAsync("--version");

        help.Exit.Should().Be(0);
        help.Output.Should().Contain("Usage: auth0-emulator [options]").And.Contain("--write-credentials");
        version.Output.Should().MatchRegex(@"^auth0-emulator \d+\.\d+\.\d+");
    }

    [Fact]
    public async Task Prints_the_URL_and_credentials_writes_them_as_JSON_serves_and_stops_gracefully()
    {
        var credentialsFile = Path.Combine(_directory, "credentials.json");
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = EmulatorProgram.RunAsync(
            ["--port", "0", "--signing-key", Emulator.SharedSigningKeyFile, "--write-credentials", credentialsFile,
             "--api", "urn:orders=read:orders", "--app", "worker=worker-id:worker-secret", "--authorize", "worker=urn:orders"],
            output, error, stop.Token);
        await WaitUntilAsync(() => File.Exists(credentialsFile) && output.ToString().Contains("Press Ctrl+C", StringComparison.Ordinal), run);

        var printed = output.ToString();
        var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(credentialsFile)).RootElement;
        var baseUrl = credentials.GetProperty("baseUrl").GetString()!;
        printed.Should().StartWith($"auth0-emulator listening on {baseUrl}{Environment.NewLine}");
        printed.Should().Contain("client_id=worker-id client_secret=worker-secret").And.Contain("authorized for urn:orders (read:orders)")
            .And.Contain($"client_id={credentials.GetProperty("management").GetProperty("clientId").GetString()}");
        credentials.GetProperty("applications")[0].GetProperty("clientSecret").GetString().Should().Be("worker-secret");
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        (await http.GetAsync(".well-known/jwks.json").WaitAsync(Bound)).StatusCode.Should().Be(HttpStatusCode.OK);

        await stop.CancelAsync();
        var exit = await run.WaitAsync(Bound);

        exit.Should().Be(0);
        error.ToString().Should().BeEmpty();
        output.ToString().Should().EndWith($"auth0-emulator stopped.{Environment.NewLine}");
        var afterStop = () => http.GetAsync(".well-known/jwks.json").WaitAsync(Bound);
        await afterStop.Should().ThrowAsync<HttpRequestException>("the port is closed");
    }

    [Fact]
    public async Task Prints_the_admin_token_and_writes_it_to_the_credentials_file()
    {
        var credentialsFile = Path.Combine(_directory, "credentials.json");
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = EmulatorProgram.RunAsync(["--port", "0", "--signing-key", Emulator.SharedSigningKeyFile, "--write-credentials", credentialsFile],
            output, error, stop.Token);
        await WaitUntilAsync(() => File.Exists(credentialsFile) && output.ToString().Contains("Press Ctrl+C", StringComparison.Ordinal), run);

        var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(credentialsFile)).RootElement;
        var token = credentials.GetProperty("adminToken").GetString()!;
        using var http = new HttpClient { BaseAddress = new Uri(credentials.GetProperty("adminUrl").GetString()!) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "status");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var status = await http.SendAsync(request).WaitAsync(Bound);
        await stop.CancelAsync();
        await run.WaitAsync(Bound);

        token.Should().MatchRegex("^[A-Za-z0-9_-]{43}$");
        output.ToString().Should().Contain($"admin token:      {token}");
        status.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Writes_the_credentials_file_readable_by_its_owner_only(bool replacing)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var credentialsFile = Path.Combine(_directory, "credentials.json");
        if (replacing)
        {
            await File.WriteAllTextAsync(credentialsFile, "{}");
            File.SetUnixFileMode(credentialsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = EmulatorProgram.RunAsync(["--port", "0", "--signing-key", Emulator.SharedSigningKeyFile, "--write-credentials", credentialsFile],
            output, error, stop.Token);
        await WaitUntilAsync(() => output.ToString().Contains("Press Ctrl+C", StringComparison.Ordinal), run);
        var mode = File.GetUnixFileMode(credentialsFile);
        var written = await File.ReadAllTextAsync(credentialsFile);
        await stop.CancelAsync();
        await run.WaitAsync(Bound);

        mode.Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        written.Should().Contain("adminToken");
        Directory.GetFiles(_directory).Should().Equal(credentialsFile);
    }

    [Fact]
    public async Task Stops_promptly_while_a_request_hangs_on_a_time_out_fault()
    {
        await using var emulator = await Emulator.StartAsync(o => o.ShutdownTimeout = TimeSpan.FromMinutes(10));
        emulator.Host.Tenant.Faults.Script("GET", "/.well-known/jwks.json", Fault.Timeout());
        var hanging = emulator.Http.GetAsync(".well-known/jwks.json");
        await WaitUntilAsync(() => emulator.Host.Tenant.Faults.PendingScriptedFaults == 0, hanging);

        // With a ten-minute shutdown time-out, only cutting the hanging fault lets the stop finish within the bound.
        await emulator.Host.StopAsync().WaitAsync(Bound);

        var outcome = () => hanging.WaitAsync(Bound);
        await outcome.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task Runs_as_a_process_and_reports_a_busy_port_on_one_line()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var dll = Path.Combine(AppContext.BaseDirectory, "Auth0ApiKit.Emulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { dll, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--signing-key", Emulator.SharedSigningKeyFile })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        process.ExitCode.Should().Be(1);
        (await output).Should().BeEmpty();
        (await error).Should().Be($"auth0-emulator: port {port} on 127.0.0.1 is already in use; choose another with --port, or --port 0 for a free one.{Environment.NewLine}");
    }
}
