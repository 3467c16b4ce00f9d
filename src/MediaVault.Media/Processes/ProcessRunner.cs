using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using MediaVault.Core.Processing;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Processes;

/// <summary>
/// The one way external tools run: arguments as a list (never a formatted string), stdout and stderr drained
/// together, and the whole process tree killed on timeout or cancellation. Untrusted media never runs in-process, and
/// a tool given a <see cref="ToolJail"/> sees only that jail's input and output folder (<see cref="SandboxOptions"/>).
/// </summary>
public sealed class ProcessRunner(IOptions<SandboxOptions> options)
{
    private const int StderrTailLength = 2000;
    private static readonly TimeSpan SelfTestTimeout = TimeSpan.FromSeconds(30);
    private readonly Lock _selfTestGate = new();
    private Task? _selfTest;

    /// <summary>A runner with the default confinement (bubblewrap).</summary>
    public ProcessRunner()
        : this(Options.Create(new SandboxOptions()))
    {
    }

    /// <summary>The confinement this runner applies to jailed runs.</summary>
    public ToolSandbox Sandbox => options.Value.Sandbox;

    /// <summary>
    /// A fresh folder of this process's own under the scratch root (<see cref="SandboxOptions.ScratchDirectory"/>), readable
    /// only by this user, for bytes a tool is about to be given; the caller deletes it.
    /// </summary>
    public DirectoryInfo CreateScratchFolder(string prefix)
    {
        Directory.CreateDirectory(options.Value.ScratchRoot);
        var folder = Path.Combine(options.Value.ScratchRoot, prefix + Guid.NewGuid().ToString("N"));
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(folder)
            : Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>
    /// A fresh private folder for one tool run on <paramref name="inputPath"/>; without bubblewrap the input is copied
    /// into it, as the only file there.
    /// </summary>
    public async Task<ToolJail> OpenJailAsync(string inputPath, CancellationToken cancellationToken)
    {
        var jail = new ToolJail(Path.Combine(options.Value.ScratchRoot, "jail-" + Guid.NewGuid().ToString("N")), Path.GetFullPath(inputPath));
        try
        {
            Directory.CreateDirectory(jail.OutputDirectory);
            if (options.Value.Sandbox == ToolSandbox.None)
            {
                await using var source = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
                await using var target = new FileStream(
                    Path.Combine(jail.Root, ToolJail.InputName), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
                await source.CopyToAsync(target, 1024 * 1024, cancellationToken);
            }

            return jail;
        }
        catch
        {
            jail.Dispose();
            throw;
        }
    }

    /// <summary>Runs a tool inside <paramref name="jail"/>: its working directory holds only the input and the output folder.</summary>
    /// <exception cref="ProcessFailedException">The tool or the sandbox is missing, or it ran longer than <paramref name="timeout"/>.</exception>
    /// <exception cref="MediaUnreadableException">The tool printed more than <see cref="BoundedOutput.MaxStandardOutputChars"/> on stdout; it was killed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the process was killed.</exception>
    public async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, ToolJail jail, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string output = "";
        var result = await RunAsync(
            fileName, arguments, jail, timeout, async (stdout, ct) => output = await BoundedOutput.ReadAllAsync(stdout, fileName, BoundedOutput.MaxStandardOutputChars, ct), cancellationToken);
        return result with { StandardOutput = output };
    }

    /// <summary>Runs a tool inside <paramref name="jail"/> with its standard output consumed as a stream.</summary>
    /// <exception cref="ProcessFailedException">The tool or the sandbox is missing, or it ran longer than <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the process was killed.</exception>
    public async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, ToolJail jail, TimeSpan timeout, Func<Stream, CancellationToken, Task> consumeOutput, CancellationToken cancellationToken)
    {
        if (options.Value.Sandbox == ToolSandbox.None)
        {
            return await RunCoreAsync(fileName, arguments, jail.Root, timeout, consumeOutput, cancellationToken);
        }

        await EnsureSandboxWorksAsync(cancellationToken);
        var tool = BubblewrapCommand.Resolve(fileName) ?? throw new ProcessFailedException($"Could not start '{fileName}': not found");
        return await RunCoreAsync(
            options.Value.BubblewrapPath, BubblewrapCommand.Arguments(tool, jail).Concat(arguments), null, timeout, consumeOutput, cancellationToken);
    }

    /// <exception cref="ProcessFailedException">The tool is missing.</exception>
    /// <exception cref="MediaUnreadableException">
    /// The tool ran longer than <paramref name="timeout"/> (code <see cref="MediaFailureCode.ProcessingTimeout"/>), or printed more than
    /// <see cref="BoundedOutput.MaxStandardOutputChars"/> on stdout; it was killed.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the process was killed.</exception>
    public async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string output = "";
        var result = await RunAsync(
            fileName, arguments, timeout, async (stdout, ct) => output = await BoundedOutput.ReadAllAsync(stdout, fileName, BoundedOutput.MaxStandardOutputChars, ct), cancellationToken);
        return result with { StandardOutput = output };
    }

    /// <summary>
    /// Runs a tool whose standard output is consumed as a stream by <paramref name="consumeOutput"/> (for large
    /// outputs such as decoded audio); the result's <see cref="ProcessResult.StandardOutput"/> is empty.
    /// </summary>
    /// <exception cref="ProcessFailedException">The tool is missing.</exception>
    /// <exception cref="MediaUnreadableException">The tool ran longer than <paramref name="timeout"/> (code <see cref="MediaFailureCode.ProcessingTimeout"/>); it was killed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the process was killed.</exception>
    public Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, Func<Stream, CancellationToken, Task> consumeOutput, CancellationToken cancellationToken) =>
        RunCoreAsync(fileName, arguments, null, timeout, consumeOutput, cancellationToken);

    /// <summary>
    /// Runs <c>true</c> in an empty namespace once, so a host where bubblewrap cannot work is reported as such (and the
    /// job retried) instead of every file being called unreadable.
    /// </summary>
    private Task EnsureSandboxWorksAsync(CancellationToken cancellationToken)
    {
        lock (_selfTestGate)
        {
            if (_selfTest is null || _selfTest.IsFaulted || _selfTest.IsCanceled)
            {
                _selfTest = SelfTestAsync(cancellationToken);
            }

            return _selfTest;
        }
    }

    private async Task SelfTestAsync(CancellationToken cancellationToken)
    {
        var probe = BubblewrapCommand.Resolve("true") ?? "/bin/true";
        var result = await RunCoreAsync(
            options.Value.BubblewrapPath, BubblewrapCommand.Arguments(probe, null), null, SelfTestTimeout, DiscardAsync, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new ProcessFailedException(
                $"Tools:Sandbox is Bubblewrap but '{options.Value.BubblewrapPath}' cannot make a namespace here (exit code {result.ExitCode}, arguments {string.Join(' ', BubblewrapCommand.Arguments(probe, null))}): {result.StandardErrorTail}");
        }
    }

    private static Task DiscardAsync(Stream stdout, CancellationToken cancellationToken) => stdout.CopyToAsync(Stream.Null, cancellationToken);

    private static async Task<ProcessResult> RunCoreAsync(
        string fileName, IEnumerable<string> arguments, string? workingDirectory, TimeSpan timeout, Func<Stream, CancellationToken, Task> consumeOutput, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? "",
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
        var stderr = BoundedOutput.ReadTailAsync(process.StandardError, StderrTailLength, timeoutSource.Token);
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
