using System.Numerics;
using System.Security.Cryptography;

namespace Auth0ApiKit.Testing.Store;

/// <summary>
/// Cryptographically secure random text for secrets and key ids, drawn from a per-thread buffer that the operating
/// system's generator fills 4 KiB at a time: a secret costs no call into the generator of its own (each call costs
/// microseconds, and fake tenants make secrets on every test's path). Each byte is used once and wiped.
/// </summary>
internal static class SecureRandom
{
    private const int BufferSize = 4096;

    [ThreadStatic]
    private static byte[]? t_buffer;

    [ThreadStatic]
    private static int t_next;

    /// <summary>
    /// <paramref name="length"/> characters of <paramref name="alphabet"/> (at most 256 characters), each equally likely:
    /// bytes beyond the alphabet's size (after masking to the next power of two) are skipped, never folded.
    /// </summary>
    public static string GetString(string alphabet, int length)
    {
        ArgumentOutOfRangeException.ThrowIfZero(alphabet.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(alphabet.Length, 256);
        var mask = (int)BitOperations.RoundUpToPowerOf2((uint)alphabet.Length) - 1;
        return string.Create(length, (alphabet, mask), static (span, state) =>
        {
            for (var i = 0; i < span.Length;)
            {
                // A run of bytes at once: the thread-static buffer is looked up once per run, not once per character.
                var bytes = Take(span.Length - i);
                foreach (var b in bytes)
                {
                    var value = b & state.mask;
                    if (value < state.alphabet.Length)
                    {
                        span[i++] = state.alphabet[value];
                    }
                }

                bytes.Clear();
            }
        });
    }

    /// <summary>Up to <paramref name="count"/> unused bytes of this thread's buffer (refilled when it starts over); the caller wipes them.</summary>
    private static Span<byte> Take(int count)
    {
        var buffer = t_buffer ??= new byte[BufferSize];
        var next = t_next;
        if (next == 0)
        {
            RandomNumberGenerator.Fill(buffer);
        }

        var taken = Math.Min(count, BufferSize - next);
        t_next = (next + taken) % BufferSize;
        return buffer.AsSpan(next, taken);
    }
}
