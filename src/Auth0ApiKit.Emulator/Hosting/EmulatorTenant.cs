using Auth0ApiKit.Emulator.Seeding;
using Auth0ApiKit.Testing;
using Auth0ApiKit.Tokens;

namespace Auth0ApiKit.Emulator;

/// <summary>
/// The tenant the emulator serves, and the means to start it over: a reset swaps in a fresh tenant seeded from the same
/// plan, with the same credentials, the initial signing key and no faults, journal or clock offset. Requests in flight
/// during a reset finish against the tenant they started on. Thread-safe.
/// </summary>
internal sealed class EmulatorTenant
{
    private readonly Func<FakeTenantOptions> _options;
    private readonly SeedPlan _plan;
    private readonly Action _onReset;
    private FakeTenant _current;
    private int _resets;

    /// <param name="options">Makes the settings of each new tenant (issuer, clock, initial signing key).</param>
    /// <param name="plan">What every new tenant is seeded with.</param>
    /// <param name="onReset">Runs on each reset, before the new tenant is seeded (the clock goes back to system time).</param>
    public EmulatorTenant(Func<FakeTenantOptions> options, SeedPlan plan, Action onReset)
    {
        _options = options;
        _plan = plan;
        _onReset = onReset;
        _current = Create();
    }

    /// <summary>The tenant that answers new requests.</summary>
    public FakeTenant Current => Volatile.Read(ref _current);

    /// <summary>The issuer and well-known URLs (the same for every tenant the emulator makes).</summary>
    public TenantUrls Urls => Current.Urls;

    /// <summary>How many times the state was reset.</summary>
    public int Resets => Volatile.Read(ref _resets);

    /// <summary>Starts over from the seed.</summary>
    public void Reset()
    {
        _onReset();
        Volatile.Write(ref _current, Create());
        Interlocked.Increment(ref _resets);
    }

    private FakeTenant Create()
    {
        var tenant = new FakeTenant(_options());
        _plan.Apply(tenant);
        return tenant;
    }
}
