namespace MediaVault.Core.Storage;

/// <summary>Thrown by a blob store when the object does not exist.</summary>
public sealed class BlobNotFoundException : Exception
{
    public BlobNotFoundException()
    {
    }

    public BlobNotFoundException(string message)
        : base(message)
    {
    }

    public BlobNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static BlobNotFoundException For(BlobKey key) => new($"No stored object at '{key.Path}'.");
}
