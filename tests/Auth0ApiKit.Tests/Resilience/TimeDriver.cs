using Microsoft.Extensions.Time.Testing;

namespace Auth0ApiKit.Tests.Resilience;

internal static class TimeDriver
{
    /// <summary>The bound on every await of a test.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Moves fake time forward in <paramref name="step"/>s until <paramref name="task"/> completes (a bounded number
    /// of steps: strategies may register their timers only after a step), then awaits it within <see cref="Bound"/>.
    /// </summary>
    /// <remarks>
    /// Each step runs without the test's SynchronizationContext: .NET refuses to run a completed task's continuations
    /// inline on a thread that has one. Without it, the timers a step fires run the code under test up to its next
    /// wait before the step returns, so no step races ahead of the code it drives (see also
    /// <see cref="ScriptedHandler.Hang"/>).
    /// </remarks>
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step, int maxSteps = 20_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            AdvanceWithoutContext(time, step);
            await Task.Yield();
        }

        return await task.WaitAsync(Bound);
    }

    /// <summary>Moves the clock with no SynchronizationContext, so that the timers it fires run their continuations inline.</summary>
    public static void AdvanceWithoutContext(this FakeTimeProvider time, TimeSpan step)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            time.Advance(step);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
