using System.Runtime.CompilerServices;

namespace Auth0ApiKit.Management;

/// <summary>One page of a list, with the totals Auth0 reports.</summary>
/// <typeparam name="T">The items.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Total">How many items there are in all.</param>
/// <param name="Start">The position of the first item of this page, from 0.</param>
/// <param name="Limit">The page size asked for.</param>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, int Total, int Start, int Limit)
{
    /// <summary>Whether pages follow this one.</summary>
    public bool HasMore => Start + Items.Count < Total;

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
