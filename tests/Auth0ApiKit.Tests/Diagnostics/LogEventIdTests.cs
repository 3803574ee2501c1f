using System.Reflection;
using Auth0ApiKit.Management;
using Microsoft.Extensions.Logging;

namespace Auth0ApiKit.Tests.Diagnostics;

public sealed class LogEventIdTests
{
    [Fact]
    public void Every_log_message_of_the_package_has_its_own_stable_event_id()
    {
        var messages = typeof(Auth0ManagementClient).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (m.Name, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToDictionary(m => m.Attribute!.EventId, m => m.Name);

        messages.Should().Equal(new Dictionary<int, string>
        {
            [1] = "KeySetFetched",
            [2] = "KeySetFetchFailed",
            [3] = "TokenRejected",
            [4] = "FetchingToken",
            [5] = "SharedCacheFailed",
            [6] = "RequestAnswered",
            [7] = "RequestFailed",
            [8] = "RequestCancelled",
        }, "event ids are unique across the package, and the documented table of them changes only on purpose");
    }
}
