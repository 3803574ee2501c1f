using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Auth0ApiKit.Tests.Http;

/// <summary>
/// A tiny HTTP/1.1 server on a loopback port that answers with raw bytes a test writes: for what an in-memory
/// handler cannot show (a redirect to another listener, a body that stalls or breaks off after the headers).
/// Every request it receives (head and body, as text) is recorded. Connections are closed after one answer.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, Stream, CancellationToken, Task> _answer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _accepting;

    /// <summary>Starts listening; <paramref name="answer"/> gets each request's text and writes the raw answer to the stream.</summary>
    public LoopbackServer(Func<string, Stream, CancellationToken, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>A server that answers every request with <paramref name="rawAnswer"/> and closes the connection.</summary>
    public static LoopbackServer Answering(string rawAnswer) =>
        new(async (_, stream, ct) => await stream.WriteAsync(Encoding.UTF8.GetBytes(rawAnswer), ct));

    /// <summary>A server that sends <paramref name="head"/> (status line and headers) and <paramref name="bodyStart"/>, then nothing until it stops.</summary>
    public static LoopbackServer Stalling(string head, string bodyStart = "") =>
        new(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(head + bodyStart), ct);
            await stream.FlushAsync(ct);
            await HangGuard.UntilCancelled(ct);
        });

    /// <summary>The server's address: <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The server's scheme, host and port: <c>http://127.0.0.1:{port}</c>.</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>The host and port the server listens on, as a URL authority.</summary>
    public string Authority => BaseAddress.Authority;

    /// <summary>The requests received so far (head and body, as text).</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>A raw HTTP/1.1 answer with a JSON body.</summary>
    public static string Json(int status, string reason, string body, string extraHeaders = "") =>
        $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n" +
        $"Connection: close\r\n{extraHeaders}\r\n{body}";

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var socket = await _listener.AcceptTcpClientAsync(_stopping.Token);
                connections.Add(ServeAsync(socket));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient socket)
    {
        using (socket)
        {
            try
            {
                var stream = socket.GetStream();
                var request = await ReadRequestAsync(stream, _stopping.Token);
                _requests.Enqueue(request);
                await _answer(request, stream, _stopping.Token);
                await stream.FlushAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>Reads the request head and, when it declares one, its body.</summary>
    private static async Task<string> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return Encoding.UTF8.GetString(received.ToArray());
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString(received.ToArray(), 0, headEnd);
        var length = head.Split("\r\n")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(parts => int.Parse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        while (received.Count < headEnd + 4 + length)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }

    private static int IndexOfHeadEnd(List<byte> received)
    {
        for (var i = 0; i + 3 < received.Count; i++)
        {
            if (received[i] == '\r' && received[i + 1] == '\n' && received[i + 2] == '\r' && received[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
