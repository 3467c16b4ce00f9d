namespace MediaVault.Core.Storage;

/// <summary>
/// The storage backend has no room left (a full disk or quota, an object store that says it is full). Nothing of the
/// write that hit it is kept; it succeeds again once space is freed.
/// </summary>
public sealed class StorageFullException : Exception
{
    /// <summary>What a client is told: plain, and naming no server path.</summary>
    public const string ClientMessage = "The server is out of storage space; nothing of this upload was kept. Try again later.";

    // Linux: ENOSPC 28, EDQUOT 122. macOS: ENOSPC 28, EDQUOT 69. Windows: ERROR_HANDLE_DISK_FULL 39, ERROR_DISK_FULL 112.
    private const int LinuxQuota = 122;
    private const int MacQuota = 69;
    private const int NoSpace = 28;
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const int WindowsDiskFull = unchecked((int)0x80070070);

    public StorageFullException()
        : base(ClientMessage)
    {
    }

    public StorageFullException(string message)
        : base(message)
    {
    }

    public StorageFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether <paramref name="exception"/> or anything it wraps says the storage is full.</summary>
    public static bool IsCause(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is StorageFullException || (current is IOException io && IsFullCode(io.HResult)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFullCode(int code) =>
        OperatingSystem.IsWindows()
            ? code is WindowsDiskFull or WindowsHandleDiskFull
            : code == NoSpace || code == (OperatingSystem.IsMacOS() ? MacQuota : LinuxQuota);
}
