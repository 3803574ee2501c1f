namespace Auth0ApiKit.Testing.Store;

/// <summary>
/// Rows kept in creation order and found by key in constant time. Rows are treated as immutable: an update
/// replaces the row, so a reference read under the lock may be serialised after it is released.
/// Not thread-safe by itself: <see cref="TenantStore"/> guards it.
/// </summary>
internal sealed class OrderedTable<TRow>
    where TRow : class
{
    private readonly List<TRow> _rows = [];
    private readonly Dictionary<string, TRow> _byKey = new(StringComparer.Ordinal);
    private readonly Func<TRow, string> _key;

    public OrderedTable(Func<TRow, string> key) => _key = key;

    public int Count => _rows.Count;

    public IReadOnlyList<TRow> Rows => _rows;

    public bool TryGet(string key, out TRow row) => _byKey.TryGetValue(key, out row!);

    public void Add(TRow row)
    {
        _byKey.Add(_key(row), row);
        _rows.Add(row);
    }

    public void Replace(TRow row)
    {
        var key = _key(row);
        var old = _byKey[key];
        _rows[_rows.IndexOf(old)] = row;
        _byKey[key] = row;
    }

    public bool Remove(string key)
    {
        if (!_byKey.Remove(key, out var row))
        {
            return false;
        }

        _rows.Remove(row);
        return true;
    }

    /// <summary>The position of a row in creation order, or -1.</summary>
    public int IndexOf(string key) => _byKey.TryGetValue(key, out var row) ? _rows.IndexOf(row) : -1;
}
