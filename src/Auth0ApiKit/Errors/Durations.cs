using System.Globalization;

namespace Auth0ApiKit;

/// <summary>Formats a duration for a message a person reads: <c>250 ms</c>, <c>2 s</c>, <c>1.5 s</c>, <c>120 s</c>.</summary>
internal static class Durations
{
    public static string Format(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###} s");
}
