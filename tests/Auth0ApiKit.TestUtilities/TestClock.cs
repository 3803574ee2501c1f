using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.TestUtilities;

/// <summary>
/// The one clock of the tests: a <see cref="FakeTimeProvider"/> that only the test moves, and the driver that moves it
/// while the code under test waits on it. No test reads the wall clock or sleeps.
/// </summary>
public static class TestClock
{
    /// <summary>Where <see cref="Fixed"/> starts: <see cref="FakeTimeProvider"/>'s own epoch, 2000-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A fake clock at <see cref="Epoch"/>: the default for every test.</summary>
    public static FakeTimeProvider Fixed() => new(Epoch);

    /// <summary>
    /// A fake clock at the real now, read once from <see cref="TimeProvider.System"/>: only for tests where a validator
    /// that reads the wall clock is in the loop (JwtBearer's ID-token checks, a plain JWT library, Node clients, browsers).
    /// </summary>
    public static FakeTimeProvider StartingNow() => new(TimeProvider.System.GetUtcNow());

    /// <summary>A second fake clock, <paramref name="by"/> ahead of <paramref name="clock"/> (a server whose clock runs fast).</summary>
    public static FakeTimeProvider Ahead(this FakeTimeProvider clock, TimeSpan by)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new(clock.GetUtcNow() + by);
    }

    /// <summary>Moves the clock with no SynchronizationContext, so that the timers it fires run their continuations inline.</summary>
    /// <remarks>
    /// .NET refuses to run a completed task's continuations inline on a thread that has a SynchronizationContext (as
    /// the test runner's threads do). Without one, the timers a step fires run the code under test up to its next wait
    /// before the step returns, so no step races ahead of the code it drives.
    /// </remarks>
    public static void AdvanceWithoutContext(this FakeTimeProvider clock, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(clock);
        WithoutContext(() => clock.Advance(step));
    }

    /// <summary>
    /// Moves the clock in <paramref name="step"/>s until <paramref name="task"/> completes (at most
    /// <paramref name="maxSteps"/> steps: strategies may register their timers only after a step), then awaits it
    /// within <see cref="HangGuard.Bound"/>.
    /// </summary>
    /// <remarks>
    /// For work that waits only on this clock and on tasks that complete inline (in-memory handlers): each step runs it
    /// up to its next wait (see <see cref="AdvanceWithoutContext"/>). Work that hops to the thread pool goes through
    /// <see cref="RunAsync{T}"/>.
    /// </remarks>
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider clock, Task<T> task, TimeSpan step, int maxSteps = 20_000)
    {
        ArgumentNullException.ThrowIfNull(task);
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            clock.AdvanceWithoutContext(step);
            await Task.Yield();
        }

        return await task.WaitAsync(HangGuard.Bound);
    }

    /// <inheritdoc cref="DriveAsync{T}(FakeTimeProvider, Task{T}, TimeSpan, int)"/>
    public static Task DriveAsync(this FakeTimeProvider clock, Task task, TimeSpan step, int maxSteps = 20_000) =>
        clock.DriveAsync(AsResult(task), step, maxSteps);

    /// <summary>
    /// Starts <paramref name="work"/> and moves the clock in <paramref name="step"/>s until it completes (at most
    /// <paramref name="maxSteps"/> steps), each step only once the work has gone quiet: no thread runs it and the thread
    /// pool has nothing queued. Then awaits it within <see cref="HangGuard.Bound"/>.
    /// </summary>
    /// <remarks>
    /// For work that hops to the thread pool between waits (Parallel.ForEachAsync, continuations that run
    /// asynchronously): the clock never moves while a piece of it is still on its way to its next wait, however loaded
    /// the machine is. The work is followed through its ExecutionContext, which every piece of it carries.
    /// </remarks>
    public static async Task<T> RunAsync<T>(this FakeTimeProvider clock, Func<Task<T>> work, TimeSpan step, int maxSteps = 20_000)
    {
        ArgumentNullException.ThrowIfNull(work);
        var tracked = new TrackedWork();
        var task = WithoutContext(() => tracked.Start(work));
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await tracked.QuietAsync(task);
            if (!task.IsCompleted)
            {
                clock.AdvanceWithoutContext(step);
            }
        }

        return await task.WaitAsync(HangGuard.Bound);
    }

    /// <inheritdoc cref="RunAsync{T}(FakeTimeProvider, Func{Task{T}}, TimeSpan, int)"/>
    public static Task RunAsync(this FakeTimeProvider clock, Func<Task> work, TimeSpan step, int maxSteps = 20_000)
    {
        ArgumentNullException.ThrowIfNull(work);
        return clock.RunAsync(() => AsResult(work()), step, maxSteps);
    }

    private static T WithoutContext<T>(Func<T> action)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private static void WithoutContext(Action action) => WithoutContext(() =>
    {
        action();
        return true;
    });

    private static async Task<bool> AsResult(Task task)
    {
        await task.ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Counts the threads that run a piece of one work: an <see cref="AsyncLocal{T}"/> set when it starts flows with
    /// every piece, and tells each thread that enters or leaves its ExecutionContext.
    /// </summary>
    private sealed class TrackedWork
    {
        private readonly AsyncLocal<TrackedWork?> _inside;
        private int _running;

        public TrackedWork() => _inside = new AsyncLocal<TrackedWork?>(OnChanged);

        public async Task<T> Start<T>(Func<Task<T>> work)
        {
            _inside.Value = this;
            return await work().ConfigureAwait(false);
        }

        /// <summary>
        /// Returns once the work is quiet twice in a row, a yield apart, or has completed; within
        /// <see cref="HangGuard.Bound"/>.
        /// </summary>
        public async Task QuietAsync(Task task)
        {
            var deadline = TimeProvider.System.GetTimestamp();
            for (var quiet = 0; quiet < 2 && !task.IsCompleted;)
            {
                quiet = IsQuiet ? quiet + 1 : 0;
                await Task.Yield();
                if (TimeProvider.System.GetElapsedTime(deadline) > HangGuard.Bound)
                {
                    throw new TimeoutException($"The work did not go quiet within {HangGuard.Bound}: something in it never waits.");
                }
            }
        }

        private bool IsQuiet => Volatile.Read(ref _running) == 0 && ThreadPool.PendingWorkItemCount == 0;

        private void OnChanged(AsyncLocalValueChangedArgs<TrackedWork?> change)
        {
            if (change.PreviousValue is null && change.CurrentValue is not null)
            {
                Interlocked.Increment(ref _running);
            }
            else if (change.PreviousValue is not null && change.CurrentValue is null)
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }
}
