namespace MediaVault.Core.Storage;

/// <summary>Thrown by a blob store when its backend fails (I/O error, refused request). Each store translates its SDK's errors into this.</summary>
public sealed class StorageException : Exception
{
    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
