using System.Diagnostics;
using System.Globalization;
using MediaVault.Core.Processing;
using MediaVault.Media.Processes;

namespace MediaVault.Media.Tests.Processes;

public sealed class ProcessRunnerTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly ProcessRunner _runner = new();
    private readonly string _pidFile = Path.Combine(Path.GetTempPath(), "mediavault-pid-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => File.Delete(_pidFile);

    [Fact]
    public async Task Run_captures_stdout_and_the_exit_code()
    {
        var result = await _runner.RunAsync("/bin/sh", ["-c", "echo hi; exit 3"], Generous, CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("hi\n", result.StandardOutput);
        Assert.Equal("", result.StandardErrorTail);
    }

    [Fact]
    public async Task Run_captures_stderr_separately()
    {
        var result = await _runner.RunAsync("/bin/sh", ["-c", "echo out; echo 'something broke' >&2"], Generous, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("out\n", result.StandardOutput);
        Assert.Equal("something broke", result.StandardErrorTail);
    }

    [Fact]
    public async Task Run_keeps_only_the_tail_of_a_long_stderr()
    {
        var result = await _runner.RunAsync("/bin/sh", ["-c", "head -c 10000 /dev/zero | tr '\\0' x >&2; echo LAST-LINE >&2"], Generous, CancellationToken.None);

        Assert.InRange(result.StandardErrorTail.Length, 1000, 2000);
        Assert.EndsWith("LAST-LINE", result.StandardErrorTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_reads_a_flood_of_stderr_in_bounded_memory()
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = await _runner.RunAsync(
            "/bin/sh", ["-c", "head -c 300000000 /dev/zero | tr '\\0' x >&2; echo LAST-LINE >&2"], Generous, CancellationToken.None);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.EndsWith("LAST-LINE", result.StandardErrorTail, StringComparison.Ordinal);
        Assert.True(allocated < 200_000_000, $"reading 300 MB of stderr allocated {allocated} bytes");
    }

    [Fact]
    public async Task Run_refuses_stdout_past_its_limit_and_kills_the_tool()
    {
        var error = await Assert.ThrowsAsync<MediaUnreadableException>(
            () => _runner.RunAsync("/bin/sh", ["-c", $"echo $$ > '{_pidFile}'; exec yes"], Generous, CancellationToken.None));

        Assert.Equal(MediaFailureCode.UnreadableMedia, error.Code);
        Assert.Contains("printed more than", error.Message, StringComparison.Ordinal);
        await AssertProcessGoneAsync(await ReadPidAsync());
    }

    [Fact]
    public async Task Run_passes_each_argument_verbatim_without_a_shell()
    {
        var result = await _runner.RunAsync(
            "/bin/sh", ["-c", "printf '%s|' \"$@\"", "sh", "two words", "$HOME", "'quoted'", "; rm -rf /", ""], Generous, CancellationToken.None);

        Assert.Equal("two words|$HOME|'quoted'|; rm -rf /||", result.StandardOutput);
    }

    [Fact]
    public async Task Run_drains_large_stdout_and_stderr_together()
    {
        var result = await _runner.RunAsync(
            "/bin/sh", ["-c", "head -c 1000000 /dev/zero | tr '\\0' e >&2; head -c 1000000 /dev/zero | tr '\\0' o"], Generous, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1_000_000, result.StandardOutput.Length);
    }

    [Fact]
    public async Task Run_kills_a_process_that_outlives_its_timeout()
    {
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<MediaUnreadableException>(
            () => _runner.RunAsync("/bin/sh", ["-c", $"echo $$ > '{_pidFile}'; exec sleep 30"], TimeSpan.FromMilliseconds(500), CancellationToken.None));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.Contains("did not finish", error.Message, StringComparison.Ordinal);
        Assert.Equal(MediaFailureCode.ProcessingTimeout, error.Code);
        await AssertProcessGoneAsync(await ReadPidAsync());
    }

    [Fact]
    public async Task Run_kills_the_whole_process_tree_on_timeout()
    {
        await Assert.ThrowsAsync<MediaUnreadableException>(
            () => _runner.RunAsync("/bin/sh", ["-c", $"sleep 30 & echo $! > '{_pidFile}'; wait"], TimeSpan.FromMilliseconds(500), CancellationToken.None));

        await AssertProcessGoneAsync(await ReadPidAsync());
    }

    [Fact]
    public async Task Run_throws_operation_canceled_and_kills_the_process_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _runner.RunAsync("/bin/sh", ["-c", $"echo $$ > '{_pidFile}'; exec sleep 30"], Generous, cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        await AssertProcessGoneAsync(await ReadPidAsync());
    }

    [Fact]
    public async Task Run_throws_operation_canceled_when_already_cancelled()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _runner.RunAsync("/bin/sh", ["-c", "sleep 30"], Generous, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task Run_of_a_missing_executable_throws_process_failed()
    {
        var error = await Assert.ThrowsAsync<ProcessFailedException>(
            () => _runner.RunAsync("/nonexistent/tool", ["--version"], Generous, CancellationToken.None));

        Assert.Contains("/nonexistent/tool", error.Message, StringComparison.Ordinal);
    }

    private async Task<int> ReadPidAsync()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (File.Exists(_pidFile) && int.TryParse((await File.ReadAllTextAsync(_pidFile)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The process never wrote its pid.");
    }

    /// <summary>Gone means no such process, or a zombie waiting to be reaped (it no longer runs).</summary>
    private static async Task AssertProcessGoneAsync(int pid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            if (!IsRunning(pid))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"process {pid} is still running");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }
}
