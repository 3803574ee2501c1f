using System.Globalization;

namespace Auth0ApiKit.Sync;

/// <summary>How a sync plans and applies: what it may delete or replace, and how many calls it makes at once.</summary>
public sealed class SyncOptions
{
    private const int MaxConcurrencyLimit = 64;

    /// <summary>
    /// Whether the plan deletes what the desired state does not define: APIs outside the managed set (never system
    /// APIs), authorizations not in the desired state (never those for system APIs) and, only when the desired state
    /// declares roles, roles it does not declare. Default <see langword="false"/>: a sync only creates and changes.
    /// </summary>
    public bool Prune { get; set; }

    /// <summary>
    /// Whether the plan may replace an API (delete it and create it again) because its identifier or signing
    /// algorithm differs. Default <see langword="false"/>: such a plan shows the replacement as refused and cannot be
    /// applied, since replacing an API invalidates every token it issued and removes its authorizations.
    /// </summary>
    public bool AllowReplacement { get; set; }

    /// <summary>How many changes an apply carries out at once. Default 4; range 1 to 64.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>A copy, so that a plan keeps the options it was made with.</summary>
    internal SyncOptions Clone() => new() { Prune = Prune, AllowReplacement = AllowReplacement, MaxConcurrency = MaxConcurrency };

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first property out of its range.</summary>
    internal void Validate(string parameterName)
    {
        if (MaxConcurrency is < 1 or > MaxConcurrencyLimit)
        {
            throw new ArgumentOutOfRangeException(parameterName, MaxConcurrency, string.Create(CultureInfo.InvariantCulture,
                $"{nameof(SyncOptions)}.{nameof(MaxConcurrency)} must be between 1 and {MaxConcurrencyLimit}; it is {MaxConcurrency}."));
        }
    }
}
