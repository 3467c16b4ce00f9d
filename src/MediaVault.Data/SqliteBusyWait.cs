using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace MediaVault.Data;

/// <summary>
/// How a connection waits for SQLite's write lock. SQLite's own handler (what <c>busy_timeout</c> installs) sleeps
/// 1, 2, 5, 10, 15, 20, 25 … ms between tries, so a writer that met a commit holding the lock for a millisecond slept
/// 3–8 ms (perf trace, 100 images uploaded and processed: ~100–150 such sleeps, 0.4–0.7 s of waiting). This handler
/// tries again every 250 µs for the first 50 tries (~15 ms), then every millisecond, and gives up after
/// <see cref="Timeout"/> as <c>busy_timeout=30000</c> did. Installed through SQLite's C interface
/// (<c>sqlite3_busy_handler</c> of the bundled <c>e_sqlite3</c>); where that library is not the one in use, the
/// connection keeps <c>busy_timeout</c>.
/// </summary>
public static unsafe partial class SqliteBusyWait
{
    /// <summary>How long a writer waits for the lock before SQLite answers "busy".</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const int QuickTries = 50;
    private const uint QuickPauseMicroseconds = 250;
    private const uint PauseMicroseconds = 1000;

    [ThreadStatic]
    private static long _waitingSince;

    private static long _pauses;

    /// <summary>Pauses taken by this handler since the process started (every writer, every connection).</summary>
    public static long Pauses => Interlocked.Read(ref _pauses);

    /// <summary>The pause before try <paramref name="count"/> + 1 after <paramref name="waited"/>; null to give up.</summary>
    public static uint? PauseBefore(int count, TimeSpan waited) =>
        waited >= Timeout ? null : count < QuickTries ? QuickPauseMicroseconds : PauseMicroseconds;

    /// <summary>Installs the handler on an open connection; false (nothing changed) when the native library is not <c>e_sqlite3</c>.</summary>
    public static bool TryInstall(SqliteConnection connection)
    {
        if (connection.Handle is not { } handle)
        {
            return false;
        }

        try
        {
            return sqlite3_busy_handler(handle.DangerousGetHandle(), &OnBusy, IntPtr.Zero) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnBusy(IntPtr argument, int count)
    {
        var now = Stopwatch.GetTimestamp();
        if (count == 0)
        {
            _waitingSince = now;
        }

        if (PauseBefore(count, Stopwatch.GetElapsedTime(_waitingSince, now)) is not { } pause)
        {
            return 0;
        }

        Interlocked.Increment(ref _pauses);
        usleep(pause);
        return 1;
    }

    [LibraryImport("e_sqlite3")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_busy_handler(IntPtr database, delegate* unmanaged[Cdecl]<IntPtr, int, int> handler, IntPtr argument);

    [LibraryImport("libc")]
    private static partial int usleep(uint microseconds);
}
