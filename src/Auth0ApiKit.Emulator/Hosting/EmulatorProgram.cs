using System.Reflection;
using System.Text.Json;
using Auth0ApiKit.Emulator.CommandLine;

namespace Auth0ApiKit.Emulator;

/// <summary>
/// The <c>auth0-emulator</c> command: parse, start, print what a script needs, serve until stopped. Exit codes:
/// 0 after a clean stop (or for help and version), 2 for a bad command line or configuration, 1 when it cannot start
/// (a busy port) or fails.
/// </summary>
internal static class EmulatorProgram
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadConfiguration = 2;
    private const string Name = "auth0-emulator";

    /// <summary>Runs the command until <paramref name="stop"/> is cancelled (Ctrl+C, SIGTERM).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        EmulatorHost? host = null;
        try
        {
            var (command, options) = EmulatorCommandLine.Parse(args);
            switch (command)
            {
                case EmulatorCommand.Help:
                    await output.WriteLineAsync(EmulatorCommandLine.Usage).ConfigureAwait(false);
                    return Success;
                case EmulatorCommand.Version:
                    await output.WriteLineAsync($"{Name} {Version}").ConfigureAwait(false);
                    return Success;
            }

            host = await EmulatorHost.StartAsync(options, stop).ConfigureAwait(false);
            if (options.CredentialsFile is { } file)
            {
                WriteCredentials(file, host.Credentials);
            }

            await output.WriteAsync(StartupReport.Describe(host.Credentials, options.CredentialsFile)).ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);

            await Task.WhenAny(host.Stopped, Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop)).ConfigureAwait(false);
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await output.WriteLineAsync($"{Name} stopped.").ConfigureAwait(false);
            return Success;
        }
        catch (EmulatorConfigurationException e)
        {
            await error.WriteLineAsync($"{Name}: {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return e.CannotStart ? Failure : BadConfiguration;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await output.WriteLineAsync($"{Name} stopped.").ConfigureAwait(false);
            return Success;
        }
#pragma warning disable CA1031 // The command's last line of defence: one line, a non-zero exit, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"{Name}: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return Failure;
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static string Version =>
        typeof(EmulatorProgram).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// Writes the credentials file whole or not at all (a script polling for it never reads half of it), readable by its
    /// owner only: a new file created 0600 from the start (never widened, then narrowed), renamed over the old one.
    /// </summary>
    private static void WriteCredentials(string path, EmulatorCredentials credentials)
    {
        var temporary = path + ".tmp";
        try
        {
            // A stale temporary file (or a link planted there) is removed, so that CreateNew makes the file itself.
            File.Delete(temporary);
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, create))
            {
                file.Write(JsonSerializer.SerializeToUtf8Bytes(credentials, EmulatorJson.Context.EmulatorCredentials));
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new EmulatorConfigurationException($"cannot write the credentials file '{path}': {e.Message}", e);
        }
    }
}
