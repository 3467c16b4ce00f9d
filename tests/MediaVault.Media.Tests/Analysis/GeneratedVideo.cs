using System.Diagnostics;

namespace MediaVault.Media.Tests.Analysis;

/// <summary>Short videos made by ffmpeg for a test, in a folder deleted with it.</summary>
internal sealed class GeneratedVideo : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mv-analysis-").FullName;

    /// <summary>Runs ffmpeg with a lavfi test source and <paramref name="output"/> options, returns the file's path.</summary>
    public async Task<string> MakeAsync(string name, string source, params string[] output)
    {
        var path = Path.Combine(_folder, name);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", source, .. output, path])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
