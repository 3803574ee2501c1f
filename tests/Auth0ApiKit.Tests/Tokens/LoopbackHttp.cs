using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Auth0ApiKit.Tests.Tokens;

/// <summary>
/// A bare HTTP/1.1 listener on loopback, for tests that need a real socket: it reads one request head and writes
/// whatever raw answer the test gives, a partial one included.
/// </summary>
internal sealed class LoopbackHttp : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public LoopbackHttp() => _listener.Start();

    /// <summary>The listener's scheme, host and port, such as <c>http://127.0.0.1:5123</c>.</summary>
    public string Origin => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>
    /// Accepts one connection, reads the request head and writes <paramref name="answer"/> as is; the connection stays
    /// open until the returned client is disposed.
    /// </summary>
    public async Task<TcpClient> AnswerAsync(string answer)
    {
        var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[1024];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(answer));
        return client;
    }

    public void Dispose() => _listener.Dispose();
}
