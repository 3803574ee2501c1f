using System.Text.Json;

namespace Auth0ApiKit.Emulator.Seeding;

/// <summary>Reads a seed file, naming the file and the place of any problem in a one-line message.</summary>
internal static class SeedFileReader
{
    /// <summary>Reads and parses the file; every entry is labelled with the file and its place for later messages.</summary>
    /// <exception cref="EmulatorConfigurationException">The file is missing, unreadable or not a valid seed document.</exception>
    public static SeedDocument Read(string path)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new EmulatorConfigurationException($"cannot read the seed file '{path}': {e.Message}", e);
        }

        SeedDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(bytes, EmulatorJson.Context.SeedDocument);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } jsonPath ? $" at {jsonPath}" : string.Empty;
            var line = e.LineNumber is { } number ? $" (line {number + 1})" : string.Empty;
            throw new EmulatorConfigurationException($"the seed file '{name}' is not valid{where}{line}: {FirstSentence(e.Message)}", e);
        }

        document ??= new SeedDocument();
        for (var i = 0; i < (document.Apis?.Count ?? 0); i++)
        {
            document.Apis![i].Source = $"{name}: apis[{i}]";
        }

        for (var i = 0; i < (document.Applications?.Count ?? 0); i++)
        {
            document.Applications![i].Source = $"{name}: applications[{i}]";
        }

        return document;
    }

    /// <summary>System.Text.Json's messages run on with paths and positions already given: keep the first sentence.</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..(end + 1)]).ReplaceLineEndings(" ");
    }
}
