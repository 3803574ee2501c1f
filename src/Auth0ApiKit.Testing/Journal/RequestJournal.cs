namespace Auth0ApiKit.Testing.Journal;

/// <summary>
/// The fake tenant's record of every request and answer, for assertions. It keeps the most recent
/// <see cref="Capacity"/> entries; secrets, Basic credentials, signing secrets and tokens never show in an entry
/// (each is redacted when first read). Thread-safe.
/// </summary>
public sealed class RequestJournal
{
    private readonly object _gate = new();
    private readonly Queue<JournalEntry> _entries = new();
    private long _sequence;

    internal RequestJournal(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    /// <summary>How many entries the journal keeps; older ones are dropped.</summary>
    public int Capacity { get; }

    /// <summary>How many requests the tenant has received in all, including those no longer kept.</summary>
    public long TotalRequests => Interlocked.Read(ref _sequence);

    /// <summary>A snapshot of the kept entries, oldest first.</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The kept entries for one method and path (without query), oldest first.</summary>
    public IReadOnlyList<JournalEntry> For(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        return [.. Entries.Where(e => string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase) &&
                                      string.Equals(e.PathAndQuery.Split('?')[0], path, StringComparison.Ordinal))];
    }

    /// <summary>Forgets every kept entry.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(JournalEntry entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(entry);
            while (_entries.Count > Capacity)
            {
                _entries.Dequeue();
            }
        }
    }
}
