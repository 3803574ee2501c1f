namespace Auth0ApiKit.TestUtilities;

/// <summary>
/// Bounds on the real clock for every await of a test: a hang fails the test within <see cref="Bound"/> instead of
/// stalling the run. A hang guard, never a timing assertion.
/// </summary>
public static class HangGuard
{
    /// <summary>The bound on every await of a test.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Awaits <paramref name="task"/> within <see cref="Bound"/>.</summary>
    public static Task<T> Within<T>(this Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.WaitAsync(Bound);
    }

    /// <summary>Awaits <paramref name="task"/> within <see cref="Bound"/>.</summary>
    public static Task Within(this Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.WaitAsync(Bound);
    }

    /// <summary>Collects <paramref name="items"/> (the first <paramref name="take"/> when given) within <see cref="Bound"/>.</summary>
    public static async Task<List<T>> ToListWithinAsync<T>(this IAsyncEnumerable<T> items, int? take = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        return await Collect().WaitAsync(Bound);

        async Task<List<T>> Collect()
        {
            var list = new List<T>();
            await foreach (var item in items)
            {
                list.Add(item);
                if (list.Count == take)
                {
                    break;
                }
            }

            return list;
        }
    }

    /// <summary>
    /// A wait that ends only when <paramref name="cancellationToken"/> is cancelled (a handler that never answers). Its
    /// continuations run inline, within the clock step that cancels it, where a cancelled Task.Delay would queue them to
    /// the thread pool and let the rest of the work race the clock.
    /// </summary>
    public static Task UntilCancelled(CancellationToken cancellationToken)
    {
        var never = new TaskCompletionSource();
        cancellationToken.Register(() => never.TrySetCanceled(cancellationToken));
        return never.Task;
    }

    /// <inheritdoc cref="UntilCancelled(CancellationToken)"/>
    public static Task<T> UntilCancelled<T>(CancellationToken cancellationToken)
    {
        var never = new TaskCompletionSource<T>();
        cancellationToken.Register(() => never.TrySetCanceled(cancellationToken));
        return never.Task;
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, for what happens outside the test's clock (a process's output, a
    /// file, a request reaching a real server), looking every 10 ms of real time, within <see cref="Bound"/>; fails at
    /// once if <paramref name="watched"/> ends first.
    /// </summary>
    public static async Task WaitUntilAsync(Func<bool> condition, Task watched)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(watched);
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (watched.IsCompleted)
            {
                await watched;
                throw new InvalidOperationException("The task ended before the condition held.");
            }

            if (TimeProvider.System.GetElapsedTime(started) > Bound)
            {
                throw new TimeoutException($"The condition did not hold within {Bound}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }
    }
}
