using System.Globalization;

namespace Auth0ApiKit.Testing.Endpoints;

/// <summary>The offset paging parameters Auth0's list calls share: <c>page</c>, <c>per_page</c>, <c>include_totals</c>.</summary>
internal readonly record struct Paging(int Page, int PerPage, bool IncludeTotals)
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = Management.OffsetPaging.MaxPerPage;

    /// <summary>The offset of the first row of the page.</summary>
    public int Start => Page * PerPage;

    /// <summary>Reads the parameters; on a bad value returns Auth0's query-validation error.</summary>
    /// <param name="request">The request.</param>
    /// <param name="paging">The parameters read.</param>
    /// <param name="minPerPage">The smallest <c>per_page</c>: 1, but <c>/clients</c> also takes 0.</param>
    public static FakeResponse? Read(FakeRequest request, out Paging paging, int minPerPage = 1)
    {
        paging = default;
        if (ReadInteger(request, "page", 0, int.MaxValue, 0, out var page) is { } pageError)
        {
            return pageError;
        }

        if (ReadInteger(request, "per_page", minPerPage, MaxPerPage, DefaultPerPage, out var perPage) is { } perPageError)
        {
            return perPageError;
        }

        if (ReadBoolean(request, "include_totals", out var includeTotals) is { } totalsError)
        {
            return totalsError;
        }

        if ((long)page * perPage > int.MaxValue)
        {
            return ManagementErrors.InvalidQuery($"Value {page} is greater than maximum {int.MaxValue / perPage}", "page");
        }

        paging = new Paging(page, perPage, includeTotals);
        return null;
    }

    /// <summary>The rows of this page from rows in creation order.</summary>
    public List<T> Slice<T>(IReadOnlyList<T> rows)
    {
        var start = (long)Page * PerPage;
        if (start >= rows.Count)
        {
            return [];
        }

        var count = (int)Math.Min(PerPage, rows.Count - start);
        var page = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            page.Add(rows[(int)start + i]);
        }

        return page;
    }

    public static FakeResponse? ReadInteger(FakeRequest request, string name, int minimum, int maximum, int fallback, out int value)
    {
        value = fallback;
        var text = request.Query[name];
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return ManagementErrors.InvalidQuery("Expected type integer but found type string", name);
        }

        if (number < minimum)
        {
            return ManagementErrors.InvalidQuery($"Value {number} is less than minimum {minimum}", name);
        }

        if (number > maximum)
        {
            return ManagementErrors.InvalidQuery($"Value {number} is greater than maximum {maximum}", name);
        }

        value = (int)number;
        return null;
    }

    public static FakeResponse? ReadBoolean(FakeRequest request, string name, out bool value, bool fallback = false)
    {
        value = fallback;
        var text = request.Query[name];
        if (text is null)
        {
            return null;
        }

        if (!bool.TryParse(text, out value))
        {
            return ManagementErrors.InvalidQuery("Expected type boolean but found type string", name);
        }

        return null;
    }
}

/// <summary>
/// Auth0's checkpoint paging (<c>from</c>, <c>take</c>): a page starts at the row a previous answer's <c>next</c> named,
/// and the answer carries no totals. <c>take</c> wins over <c>include_totals</c>.
/// </summary>
internal readonly record struct Checkpoint(string? From, int Take)
{
    /// <summary>Reads the parameters; <paramref name="checkpoint"/> is <see langword="null"/> when neither is sent (offset paging).</summary>
    public static FakeResponse? Read(FakeRequest request, out Checkpoint? checkpoint)
    {
        checkpoint = null;
        if (Paging.ReadInteger(request, "take", 1, Paging.MaxPerPage, Paging.DefaultPerPage, out var take) is { } takeError)
        {
            return takeError;
        }

        var from = request.Query["from"];
        if (from is not null || request.Query["take"] is not null)
        {
            checkpoint = new Checkpoint(from, take);
        }

        return null;
    }

    /// <summary>The rows from the checkpoint on, and the key of the first row after them (<see langword="null"/> on the last page).</summary>
    /// <returns>Auth0's query-validation error for a checkpoint that names no row, or <see langword="null"/>.</returns>
    public FakeResponse? Slice<T>(IReadOnlyList<T> rows, Func<T, string> key, out List<T> page, out string? next)
    {
        page = [];
        next = null;
        var start = 0;
        if (From is { Length: > 0 } from)
        {
            for (start = 0; start < rows.Count && key(rows[start]) != from; start++)
            {
            }

            if (start == rows.Count)
            {
                return ManagementErrors.InvalidQuery("Invalid checkpoint", "from");
            }
        }

        var count = Math.Min(Take, rows.Count - start);
        page = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            page.Add(rows[start + i]);
        }

        next = start + Take < rows.Count ? key(rows[start + Take]) : null;
        return null;
    }
}
