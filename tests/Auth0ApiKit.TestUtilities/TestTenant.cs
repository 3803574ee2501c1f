using Auth0ApiKit.Testing;

namespace Auth0ApiKit.TestUtilities;

/// <summary>
/// The one way tests make a <see cref="FakeTenant"/>: on a <see cref="TestClock"/>, never on the system clock that
/// <see cref="FakeTenantOptions.TimeProvider"/> defaults to.
/// </summary>
public static class TestTenant
{
    /// <summary>
    /// A tenant on a <see cref="TestClock.Fixed"/> clock; <paramref name="configure"/> adjusts the settings (and sets the
    /// test's own clock, when the test moves it or hands it to other components).
    /// </summary>
    public static FakeTenant New(Action<FakeTenantOptions>? configure = null)
    {
        var options = new FakeTenantOptions { TimeProvider = TestClock.Fixed() };
        configure?.Invoke(options);
        return new FakeTenant(options);
    }
}
