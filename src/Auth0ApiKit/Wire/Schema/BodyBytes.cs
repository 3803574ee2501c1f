namespace Auth0ApiKit.Wire.Schema;

/// <summary>Compares request bodies by their bytes, looked up by span so that a lookup copies nothing.</summary>
internal sealed class BodyBytes : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static BodyBytes Comparer { get; } = new();

    private BodyBytes()
    {
    }

    public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    /// <summary>A hash seeded per process (<see cref="HashCode"/>), so no one can make bodies collide on purpose.</summary>
    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        var hash = default(HashCode);
        hash.AddBytes(alternate);
        return hash.ToHashCode();
    }

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
}
