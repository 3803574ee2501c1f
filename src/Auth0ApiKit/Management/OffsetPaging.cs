using System.Text.Json.Serialization.Metadata;
using Auth0ApiKit.Wire;

namespace Auth0ApiKit.Management;

/// <summary>Auth0's offset paging (<c>page</c>, <c>per_page</c>, <c>include_totals</c>), shared by every <c>ListPageAsync</c>.</summary>
internal static class OffsetPaging
{
    /// <summary>The largest page Auth0 serves, and the size <c>ListAsync</c> fetches.</summary>
    public const int MaxPerPage = 100;

    /// <summary>The query of one page with its totals, after checking the page and its size.</summary>
    public static string Query(int page, int perPage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perPage, MaxPerPage);
        return $"page={page}&per_page={perPage}&include_totals=true";
    }

    /// <summary>The page as Auth0 described it, filling in what an envelope left out.</summary>
    public static ResultPage<T> Page<T>(IReadOnlyList<T> items, int? total, int? start, int? limit, int page, int perPage) =>
        new(items, total ?? items.Count, start ?? page * perPage, limit ?? perPage);

    /// <summary>Fetches one page of a list under <paramref name="path"/> (with <paramref name="filter"/>, <c>&amp;name=value</c> pairs) and its totals.</summary>
    public static async Task<ResultPage<TItem>> FetchAsync<TPage, TItem>(ManagementConnection connection, string path, int page, int perPage, string filter,
        JsonTypeInfo<TPage> pageType, Func<TPage, IEnumerable<TItem>?> items, CancellationToken cancellationToken)
        where TPage : PageEnvelopeDto
    {
        var result = await connection.SendAsync(HttpMethod.Get, $"{path}?{Query(page, perPage)}{filter}", null, pageType, cancellationToken)
            .ConfigureAwait(false);
        return Page([.. items(result) ?? []], result.Total, result.Start, result.Limit, page, perPage);
    }
}
