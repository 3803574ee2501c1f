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
                var value = NextByte() & state.mask;
                if (value < state.alphabet.Length)
                {
                    span[i++] = state.alphabet[value];
                }
            }
        });
    }

    private static int NextByte()
    {
        var buffer = t_buffer ??= new byte[BufferSize];
        if (t_next == 0)
        {
            RandomNumberGenerator.Fill(buffer);
        }

        var value = buffer[t_next];
        buffer[t_next] = 0;
        t_next = (t_next + 1) % BufferSize;
        return value;
    }
}
