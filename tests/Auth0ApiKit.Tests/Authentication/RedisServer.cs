using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Auth0ApiKit.Tests.Authentication;

/// <summary>
/// A real <c>redis-server</c>, started as a child process on a free loopback port without persistence, and killed
/// when disposed (or earlier, by <see cref="Kill"/>, to take Redis away in the middle of a test).
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The full path of <c>redis-server</c> on the PATH, or <see langword="null"/>.</summary>
    public static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, "redis-server"))
        .FirstOrDefault(File.Exists);

    /// <summary>Starts a server and waits (bounded) until it accepts connections; tries another port if the one picked was taken meanwhile.</summary>
    public static async Task<RedisServer> StartAsync(string executable)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var process = new Process
            {
                StartInfo = new ProcessStartInfo(executable)
                {
                    ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                },
                EnableRaisingEvents = true,
            };
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new List<string>();
            process.OutputDataReceived += (_, e) =>
            {
                lock (output)
                {
                    output.Add(e.Data ?? string.Empty);
                }

                if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
                {
                    ready.TrySetResult();
                }
            };
            process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
                $"redis-server exited with {process.ExitCode} before accepting connections:\n{string.Join('\n', output)}"));
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await ready.Task.WaitAsync(Bound);
                return new RedisServer(process, port);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                process.Dispose();
            }
        }
    }

    /// <summary>Takes Redis away: kills the server and waits (bounded) until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(Bound);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
