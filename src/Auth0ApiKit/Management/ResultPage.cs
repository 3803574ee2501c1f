using System.Runtime.CompilerServices;

namespace Auth0ApiKit.Management;

/// <summary>
/// One page of a list, with the totals Auth0 reports. Read-only, compared by reference; tests build one with
/// <see cref="Auth0ModelFactory.ResultPage"/>.
/// </summary>
/// <typeparam name="T">The items.</typeparam>
public sealed class ResultPage<T>
{
    internal ResultPage(IReadOnlyList<T> items, int total, int start, int limit)
    {
        Items = items;
        Total = total;
        Start = start;
        Limit = limit;
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>How many items there are in all.</summary>
    public int Total { get; }

    /// <summary>The position of the first item of this page, from 0.</summary>
    public int Start { get; }

    /// <summary>The page size asked for.</summary>
    public int Limit { get; }

    /// <summary>Whether pages follow this one.</summary>
    public bool HasMore => Start + Items.Count < Total;

    /// <summary>The page's place in the list, such as <c>items 100 to 149 of 180</c>.</summary>
    public override string ToString() =>
        Items.Count == 0 ? $"no items from {Start} of {Total}" : $"items {Start} to {Start + Items.Count - 1} of {Total}";

    /// <summary>Every item of every page, fetching the next page only when the enumeration reaches it.</summary>
    internal static async IAsyncEnumerable<T> EnumerateAsync(
        Func<int, CancellationToken, Task<ResultPage<T>>> fetchPage, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 0; ; page++)
        {
            var result = await fetchPage(page, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items)
            {
                yield return item;
            }

            if (!result.HasMore || result.Items.Count == 0)
            {
                yield break;
            }
        }
    }
}
