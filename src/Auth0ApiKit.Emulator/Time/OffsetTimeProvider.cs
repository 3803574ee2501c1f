namespace Auth0ApiKit.Emulator.Time;

/// <summary>
/// The emulator's clock: the system clock plus an offset that admin calls move, so that tests in any language can
/// expire tokens or wait out rate limits without sleeping. Timers and stopwatches keep running on real time;
/// only the wall clock (token <c>iat</c>/<c>exp</c>, rate-limit windows, journal times) moves. Thread-safe.
/// </summary>
internal sealed class OffsetTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private long _offsetTicks;

    public OffsetTimeProvider(TimeProvider? inner = null) => _inner = inner ?? System;

    /// <summary>How far the clock is ahead of (or, when negative, behind) the system clock.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    /// <summary>
    /// Moves the clock by <paramref name="delta"/> (backwards when negative) when it then shows an instant from
    /// <paramref name="earliest"/> to <paramref name="latest"/>; otherwise leaves it as it is and answers false.
    /// </summary>
    public bool TryAdvance(TimeSpan delta, DateTimeOffset earliest, DateTimeOffset latest)
    {
        var system = _inner.GetUtcNow().UtcTicks;
        while (true)
        {
            var offset = Interlocked.Read(ref _offsetTicks);
            var target = (decimal)system + offset + delta.Ticks;
            if (target < earliest.UtcTicks || target > latest.UtcTicks)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _offsetTicks, offset + delta.Ticks, offset) == offset)
            {
                return true;
            }
        }
    }

    /// <summary>Sets the clock to <paramref name="now"/>; it runs on from there.</summary>
    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - _inner.GetUtcNow()).Ticks);

    /// <summary>Puts the clock back on the system clock.</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
