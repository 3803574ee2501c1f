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
}
