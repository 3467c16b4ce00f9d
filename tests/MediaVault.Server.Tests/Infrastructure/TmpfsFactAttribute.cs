using System.Diagnostics;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>A test that needs a real full disk: a small tmpfs it mounts. Skipped, saying why, only where mounting is not permitted.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Refusal = new(Probe);

    public TmpfsFactAttribute()
    {
        if (Refusal.Value is { } why)
        {
            Skip = $"Needs permission to mount a tmpfs (run as root): {why}";
        }
    }

    /// <summary>The test needs the embedded database on the full disk; with PostgreSQL the database lives elsewhere.</summary>
    public bool EmbeddedDatabase
    {
        get => false;
        init
        {
            if (value && Skip is null && TestBackends.Postgres is not null)
            {
                Skip = "The database is PostgreSQL, not on the tmpfs";
            }
        }
    }

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> at <paramref name="path"/> (created if missing).</summary>
    public static void Mount(string path, long bytes)
    {
        Directory.CreateDirectory(path);
        if (Run("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", path) is { } error)
        {
            throw new InvalidOperationException($"mount failed: {error}");
        }
    }

    public static void Unmount(string path)
    {
        if (Run("umount", path) is not null)
        {
            // Something still holds a file open: detach now, the kernel frees it once closed.
            Run("umount", "-l", path);
        }
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "tmpfs is Linux only";
        }

        var path = Path.Combine(Path.GetTempPath(), "mediavault-tmpfs-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        try
        {
            var error = Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", path);
            if (error is null)
            {
                Unmount(path);
            }

            return error;
        }
        finally
        {
            Directory.Delete(path);
        }
    }

    /// <summary>Null on success, else what the command said.</summary>
    private static string? Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"{command} exited {process.ExitCode}: {stderr.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"{command} could not run: {ex.Message}";
        }
    }
}
