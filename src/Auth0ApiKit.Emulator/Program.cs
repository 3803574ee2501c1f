using System.Runtime.InteropServices;

namespace Auth0ApiKit.Emulator;

/// <summary>The entry point of <c>auth0-emulator</c>.</summary>
internal static class Program
{
    /// <summary>Runs the emulator; Ctrl+C and SIGTERM stop it gracefully (a second signal is left to the runtime).</summary>
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            if (!stop.IsCancellationRequested)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await EmulatorProgram.RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
    }
}
