using System.Diagnostics;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>Runs a tool (ffmpeg) that makes test media, and fails the test with its error output if it fails.</summary>
public static class TestProcesses
{
    public static async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {errors}");
    }
}
