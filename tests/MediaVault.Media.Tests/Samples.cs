using System.Text.Json;
using MediaVault.Media.Ffprobe;

namespace MediaVault.Media.Tests;

/// <summary>The real sample files in <c>TestFiles/</c> and the captured tool output in <c>Fixtures/</c>, as copied to the output folder.</summary>
internal static class Samples
{
    public static string File(string name) => Path.Combine(AppContext.BaseDirectory, "TestFiles", name);

    public static FfprobeOutput Probe(string fixtureName) =>
        JsonSerializer.Deserialize<FfprobeOutput>(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixtureName)))
        ?? throw new InvalidOperationException($"Fixture {fixtureName} is empty.");
}
