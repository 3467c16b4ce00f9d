using System.Globalization;
using MediaVault.Core.Processing;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Tests.Processes;

public sealed class ToolJailTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly string _host = Directory.CreateTempSubdirectory("mediavault-jail-test-").FullName;

    public void Dispose() => Directory.Delete(_host, recursive: true);

    [Fact]
    public async Task A_bubblewrapped_tool_sees_the_system_its_input_and_its_output_folder_only()
    {
        var input = Write("upload", "the upload");
        var neighbour = Write("neighbour.txt", "another tenant's file");
        var runner = Runner(ToolSandbox.Bubblewrap);
        using var jail = await runner.OpenJailAsync(input, CancellationToken.None);

        var result = await runner.RunAsync("/bin/sh", ["-c",
            $"pwd; echo '#'; ls -A; echo '#'; cat input; echo '#'; ls -A /; echo '#'; test -e '{neighbour}' && echo NEIGHBOUR; "
            + "ls -A /etc /root /home 2>/dev/null; echo written > out/result; echo x > input || echo READONLY"],
            jail, Generous, CancellationToken.None);

        var sections = result.StandardOutput.Split("#\n").Select(s => s.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(["/work"], sections[0]);
        Assert.Equal(["input", "out"], sections[1]);
        Assert.Equal(["the upload"], sections[2]);
        Assert.Subset(new HashSet<string> { "bin", "sbin", "lib", "lib32", "lib64", "libx32", "usr", "etc", "proc", "dev", "tmp", "var", "work" }, sections[3].ToHashSet());
        Assert.DoesNotContain("NEIGHBOUR", sections[4]);
        Assert.DoesNotContain("passwd", sections[4]);
        Assert.Contains("READONLY", sections[4]);
        Assert.Equal("the upload", File.ReadAllText(input));
        Assert.Equal("written\n", File.ReadAllText(jail.HostOutput("result")));
    }

    [Fact]
    public async Task Without_bubblewrap_a_tool_runs_in_a_fresh_folder_holding_only_a_copy_of_its_input()
    {
        var input = Write("upload", "the upload");
        var runner = Runner(ToolSandbox.None);
        using var jail = await runner.OpenJailAsync(input, CancellationToken.None);

        var result = await runner.RunAsync("/bin/sh", ["-c", "pwd; ls -A; cat input"], jail, Generous, CancellationToken.None);

        Assert.Equal($"{jail.Root}\ninput\nout\nthe upload", result.StandardOutput);
        Assert.NotEqual(Path.GetDirectoryName(input), jail.Root);
    }

    [Fact]
    public async Task Disposing_the_jail_deletes_its_folder_and_whatever_the_tool_left()
    {
        var runner = Runner(ToolSandbox.Bubblewrap);
        var jail = await runner.OpenJailAsync(Write("upload", "x"), CancellationToken.None);
        await runner.RunAsync("/bin/sh", ["-c", "echo left > out/left"], jail, Generous, CancellationToken.None);

        jail.Dispose();

        Assert.False(Directory.Exists(jail.Root));
    }

    [Fact]
    public async Task A_bubblewrapped_tool_that_overruns_is_killed_with_everything_in_its_namespace()
    {
        var marker = "31." + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var runner = Runner(ToolSandbox.Bubblewrap);
        using var jail = await runner.OpenJailAsync(Write("upload", "x"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<MediaUnreadableException>(
            () => runner.RunAsync("/bin/sh", ["-c", $"sleep {marker} & sleep {marker}"], jail, TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Equal(MediaFailureCode.ProcessingTimeout, error.Code);

        await Task.Delay(300);
        Assert.DoesNotContain(Directory.EnumerateDirectories("/proc"), dir => CommandLine(dir).Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public void Bubblewrap_configured_but_missing_fails_at_start_naming_the_setting()
    {
        var result = new SandboxOptionsValidator().Validate(null, new SandboxOptions { BubblewrapPath = "/nonexistent/bwrap" });

        Assert.True(result.Failed);
        Assert.Contains("Tools:Sandbox", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new SandboxOptionsValidator().Validate(null, new SandboxOptions()).Succeeded);
        Assert.True(new SandboxOptionsValidator().Validate(null, new SandboxOptions { Sandbox = ToolSandbox.None, BubblewrapPath = "/nonexistent/bwrap" }).Succeeded);
    }

    private static ProcessRunner Runner(ToolSandbox sandbox) => new(Options.Create(new SandboxOptions { Sandbox = sandbox }));

    private static string CommandLine(string procDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procDirectory, "cmdline"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_host, name);
        File.WriteAllText(path, content);
        return path;
    }
}
