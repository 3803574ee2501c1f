using System.Text.Json;

namespace Auth0ApiKit.Wire.Schema;

/// <summary>
/// What checking one create body against a field table found: Auth0's first mistake, or else the defaults the create
/// adds (shared, immutable values). The same body always gives the same answer, so a table remembers it by digest.
/// </summary>
internal sealed class CheckedCreate
{
    private readonly KeyValuePair<string, JsonElement>[] _defaults;

    private CheckedCreate(WireMistake? mistake, KeyValuePair<string, JsonElement>[] defaults)
    {
        Mistake = mistake;
        _defaults = defaults;
    }

    /// <summary>The mistake Auth0 reports for the body, or <see langword="null"/> when the table accepts it.</summary>
    public WireMistake? Mistake { get; }

    /// <summary>How many properties <see cref="AddDefaults"/> hands out.</summary>
    public int DefaultCount => _defaults.Length;

    public static CheckedCreate Refused(WireMistake mistake) => new(mistake, []);

    public static CheckedCreate Accepted(KeyValuePair<string, JsonElement>[] defaults) => new(null, defaults);

    /// <summary>Hands <paramref name="add"/> each property the create stores beyond the body, in table order.</summary>
    public void AddDefaults<TState>(TState state, Action<TState, string, JsonElement> add)
    {
        ArgumentNullException.ThrowIfNull(add);
        foreach (var (name, value) in _defaults)
        {
            add(state, name, value);
        }
    }
}
