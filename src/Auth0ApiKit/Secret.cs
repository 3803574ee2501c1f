using System.Security.Cryptography;
using System.Text;

namespace Auth0ApiKit;

/// <summary>
/// A secret value (a signing secret or a client secret) that never shows itself by accident:
/// <see cref="ToString"/> is redacted, equality runs in constant time, and the value is read only through
/// <see cref="Reveal"/>.
/// </summary>
public sealed class Secret : IEquatable<Secret>
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly string _value;

    /// <summary>Wraps <paramref name="value"/> as a secret.</summary>
    /// <param name="value">The secret text; may be empty (validation reports it), never <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public Secret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The number of characters of the secret (safe to show).</summary>
    public int Length => _value.Length;

    /// <summary>Generates a secret of <paramref name="length"/> letters and digits from a cryptographically secure random source.</summary>
    /// <param name="length">The number of characters; 32 by default, as Auth0 generates them.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    public static Secret Generate(int length = 32)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return new Secret(RandomNumberGenerator.GetString(Alphabet, length));
    }

    /// <summary>Returns the secret text. Call it only where the value must leave the SDK (a request body, a signing key).</summary>
    public string Reveal() => _value;

    /// <summary>Compares two secrets in time that does not depend on where they differ.</summary>
    public bool Equals(Secret? other) =>
        other is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_value), Encoding.UTF8.GetBytes(other._value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Secret);

    /// <summary>A hash that depends only on the length, so that the value cannot be probed through it.</summary>
    public override int GetHashCode() => _value.Length;

    /// <summary>Always <c>***</c>: the value is never shown.</summary>
    public override string ToString() => "***";
}
