namespace MediaVault.Media.Processes;

/// <summary>
/// The bubblewrap arguments that run one tool in a namespace of its own: the system's programs and libraries read-only,
/// a private <c>/tmp</c>, the jail's input read-only and its output folder writable under <see cref="JailRoot"/>, and
/// no network, IPC, PID or user sharing with the host.
/// </summary>
internal static class BubblewrapCommand
{
    public const string JailRoot = "/work";

    private static readonly string[] SystemDirectories = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    // Libraries picked through Debian's alternatives (libblas for ffmpeg) and fonts for PDF pages resolve as on the host.
    private static readonly string[] SystemConfiguration =
        ["/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/fonts", "/var/cache/fontconfig"];

    // No --die-with-parent: its parent-death signal follows the thread that forked bwrap, and .NET retires pool threads,
    // which would kill tools mid-run. The runner kills the whole tree on timeout or cancellation instead.
    public static List<string> Arguments(string tool, ToolJail? jail)
    {
        List<string> arguments =
        [
            "--unshare-all", "--new-session",
            "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp",
        ];
        foreach (var directory in SystemDirectories)
        {
            var info = new DirectoryInfo(directory);
            if (info.LinkTarget is { } target)
            {
                arguments.AddRange(["--symlink", target, directory]);
            }
            else if (info.Exists)
            {
                arguments.AddRange(["--ro-bind", directory, directory]);
            }
        }

        foreach (var path in SystemConfiguration)
        {
            arguments.AddRange(["--ro-bind-try", path, path]);
        }

        if (!SystemDirectories.Any(d => tool.StartsWith(d + "/", StringComparison.Ordinal)))
        {
            arguments.AddRange(["--ro-bind", tool, tool]);
        }

        arguments.AddRange(["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]);
        if (jail is null)
        {
            arguments.AddRange(["--chdir", "/tmp"]);
        }
        else
        {
            arguments.AddRange(
            [
                "--ro-bind", jail.InputSource, JailRoot + "/" + ToolJail.InputName,
                "--bind", jail.OutputDirectory, JailRoot + "/" + ToolJail.OutputFolderName,
                "--chdir", JailRoot,
            ]);
        }

        arguments.AddRange(["--", tool]);
        return arguments;
    }

    /// <summary>The absolute path of a tool named bare (found on the host's PATH), so the namespace can run it.</summary>
    public static string? Resolve(string tool)
    {
        if (tool.Contains('/', StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(tool);
            return File.Exists(full) ? full : null;
        }

        var searchPath = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        return searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
    }
}
