using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using MediaVault.Core.Processing;

namespace MediaVault.Media.Processes;

/// <summary>
/// The one way external tools run: arguments as a list (never a formatted string), stdout and stderr drained
/// together, and the whole process tree killed on timeout or cancellation. Untrusted media never runs in-process.
/// </summary>
public sealed class ProcessRunner
{
    private const int StderrTailLength = 2000;

    /// <exception cref="ProcessFailedException">The tool is missing.</exception>
    /// <exception cref="MediaUnreadableException">The tool ran longer than <paramref name="timeout"/> (code <see cref="MediaFailureCode.ProcessingTimeout"/>); it was killed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the process was killed.</exception>
    public async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string output = "";
        var result = await RunAsync(fileName, arguments, timeout, async (stdout, ct) =>
        {
            using var reader = new StreamReader(stdout, Encoding.UTF8);
            output = await reader.ReadToEndAsync(ct);
        }, cancellationToken);
        return result with { StandardOutput = output };
    }

    /// <summary>
    /// Runs a tool whose standard output is consumed as a stream by <paramref name="consumeOutput"/> (for large
    /// outputs such as decoded audio); the result's <see cref="ProcessResult.StandardOutput"/> is empty.
    /// </summary>
    /// <exception cref="ProcessFailedException">The tool is missing.</exception>
    /// <exception cref="MediaUnreadableException">The tool ran longer than <paramref name="timeout"/> (code <see cref="MediaFailureCode.ProcessingTimeout"/>); it was killed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the process was killed.</exception>
    public async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, Func<Stream, CancellationToken, Task> consumeOutput, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new ProcessFailedException($"Could not start '{fileName}': {ex.Message}", ex);
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var stdout = consumeOutput(process.StandardOutput.BaseStream, timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await stdout;
            await process.WaitForExitAsync(timeoutSource.Token);
            var error = await stderr;
            return new ProcessResult(process.ExitCode, "", Tail(error));
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            // Every tool here reads one media file: running past the limit is the file's doing, and would again.
            throw new MediaUnreadableException(MediaFailureCode.ProcessingTimeout, $"'{fileName}' did not finish within {timeout.TotalSeconds:0.#} s and was killed.");
        }
        catch
        {
            // The output consumer failed: the tool must not outlive the job that started it.
            Kill(process);
            throw;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the timeout and the kill.
        }
    }

    private static string Tail(string text) => text.Length <= StderrTailLength ? text.Trim() : text[^StderrTailLength..].Trim();
}
