namespace MediaVault.Core.Storage;

/// <summary>
/// Object storage for originals and renditions. Writes are atomic: an object becomes visible
/// only once completely stored, and a cancelled or failed write leaves nothing behind.
/// Backend failures throw <see cref="StorageException"/>, a backend out of space <see cref="StorageFullException"/>;
/// a missing object throws <see cref="BlobNotFoundException"/>. What only some backends can do is a separate capability
/// a registration provides or not: <see cref="ILocalFiles"/>, <see cref="IPresignedUrls"/>; every registration also
/// provides an <see cref="IStagingArea"/> and a <see cref="MediaVault.Core.Uploads.ITusChunkStore"/>.
/// </summary>
public interface IBlobStore
{
    /// <summary>Streams <paramref name="content"/> into <paramref name="key"/>, replacing any object there. Returns the stored size in bytes.</summary>
    Task<long> UploadAsync(BlobKey key, Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a complete local file (written by the caller in the <see cref="IStagingArea"/>) into <paramref name="key"/>.
    /// The local file is gone afterwards whether or not this succeeds.
    /// </summary>
    Task ImportFileAsync(BlobKey key, string localPath, CancellationToken cancellationToken);

    /// <summary>Opens the object for reading, optionally only the inclusive <paramref name="range"/>.</summary>
    Task<Stream> OpenReadAsync(BlobKey key, BlobRange? range, CancellationToken cancellationToken);

    /// <summary>The object's size and modification time, or null when it does not exist.</summary>
    Task<BlobInfo?> GetInfoAsync(BlobKey key, CancellationToken cancellationToken);

    /// <summary>Copies an object within the store (server-side where the backend can), replacing the target.</summary>
    Task CopyAsync(BlobKey source, BlobKey target, CancellationToken cancellationToken);

    /// <summary>Deletes one object. Returns false when there was nothing to delete.</summary>
    Task<bool> DeleteAsync(BlobKey key, CancellationToken cancellationToken);

    /// <summary>Deletes a media's original and every rendition in one area. Returns how many objects were removed.</summary>
    Task<int> DeleteMediaAsync(StorageArea area, Guid tenantId, string mediaId, CancellationToken cancellationToken);

    /// <summary>Every object in one area, in no particular order (for the orphan sweep).</summary>
    IAsyncEnumerable<BlobInfo> ListAsync(StorageArea area, CancellationToken cancellationToken);
}
