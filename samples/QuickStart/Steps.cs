using Auth0ApiKit.Sync;

namespace Auth0ApiKit.QuickStart;

/// <summary>Prints the sample's steps readably and remembers whether one failed.</summary>
internal sealed class Steps(TextWriter output)
{
    private bool _failed;

    public Steps() : this(Console.Out)
    {
    }

    public void Title(string text)
    {
        output.WriteLine(text);
        output.WriteLine(new string('=', text.Length));
    }

    public T Step<T>(string title, Func<T> step)
    {
        Header(title);
        return step();
    }

    public void Step(string title, Action step)
    {
        Header(title);
        step();
    }

    public async Task<T> StepAsync<T>(string title, Func<Task<T>> step)
    {
        Header(title);
        return await step();
    }

    public async Task StepAsync(string title, Func<Task> step)
    {
        Header(title);
        await step();
    }

    public void Line(string text) => output.WriteLine("   " + text);

    public void Block(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Line(line.TrimEnd('\r'));
        }
    }

    /// <summary>Reports a failed step; always true, for use in an exception filter.</summary>
    public bool Fail(Exception error)
    {
        _failed = true;
        output.WriteLine();
        output.WriteLine($"FAILED: {error.GetType().Name}: {error.Message}");
        return true;
    }

    public int Finish()
    {
        output.WriteLine();
        output.WriteLine(_failed ? "Some steps failed." : "Every step worked.");
        return _failed ? 1 : 0;
    }

    private void Header(string title)
    {
        output.WriteLine();
        output.WriteLine(title);
    }
}

/// <summary>Prints apply progress as it happens (synchronously, so lines keep their order).</summary>
internal sealed class ConsoleProgress(Steps steps) : IProgress<SyncProgress>
{
    public void Report(SyncProgress value) => steps.Line(value.ToString());
}
