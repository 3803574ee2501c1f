using Auth0ApiKit.Testing.Faults;

namespace Auth0ApiKit.Testing.Tests.Tenant;

/// <summary>
/// A fault that could not behave as stated is refused when it is made, naming the argument and its range, and
/// nothing is scripted: the same ranges the emulator's admin endpoints state.
/// </summary>
public sealed class FaultInputTests
{
    public static TheoryData<string, Func<Fault>> Refused => new()
    {
        { "delay", () => Fault.Slow(TimeSpan.FromSeconds(301)) },
        { "delay", () => Fault.Slow(TimeSpan.FromSeconds(1e10)) },
        { "retryAfter", () => Fault.RateLimited(retryAfter: TimeSpan.FromDays(2)) },
        { "retryAfter", () => Fault.RateLimited(retryAfter: TimeSpan.FromSeconds(-1)) },
        { "resetAfter", () => Fault.RateLimited(resetAfter: TimeSpan.FromSeconds(4e11)) },
        { "status", () => Fault.ProxyHtml(99999) },
        { "status", () => Fault.ProxyHtml(200) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_fault_outside_its_range_is_refused_naming_the_argument(string argument, Func<Fault> make)
    {
        make.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(argument);
    }

    [Theory]
    [InlineData("/api/v2/**/clients")]
    [InlineData("/**/x")]
    public void A_double_star_anywhere_but_at_the_end_of_a_route_is_refused_and_nothing_is_scripted(string path)
    {
        var tenant = TestTenant.New();

        var script = () => tenant.Faults.Script("GET", path, Fault.ServiceUnavailable());

        script.Should().Throw<ArgumentException>().WithParameterName(nameof(path)).WithMessage("*'**'*last segment*");
        tenant.Faults.PendingScriptedFaults.Should().Be(0);
    }

    [Fact]
    public void Faults_at_the_edges_of_their_ranges_are_accepted()
    {
        Fault.Slow(TimeSpan.FromSeconds(300)).Delay.Should().Be(TimeSpan.FromSeconds(300));
        Fault.RateLimited(TimeSpan.Zero, TimeSpan.FromDays(1)).ResetAfter.Should().Be(TimeSpan.FromDays(1));
        Fault.ProxyHtml(400).Status.Should().Be(400);
        Fault.ProxyHtml(599).Status.Should().Be(599);
    }
}
