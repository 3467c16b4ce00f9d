namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>
/// Where the bytes of unfinished uploads live: a local file (filesystem storage, one instance or a shared disk) or
/// one object per chunk in the blob store (S3, any number of instances).
/// </summary>
public interface ITusChunkStore
{
    Task CreateAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken);

    /// <summary>Stores the body as the bytes from <paramref name="offset"/> on, at most <paramref name="maxBytes"/>.</summary>
    /// <exception cref="MediaVault.Core.Storage.StorageFullException">No room for the chunk; nothing of it was kept, the bytes before <paramref name="offset"/> are intact.</exception>
    Task<TusAppendResult> AppendAsync(Guid tenantId, string uploadId, long offset, Stream body, long maxBytes, TusChecksum? checksum, CancellationToken cancellationToken);

    /// <summary>Reads the upload's first bytes (for sniffing) into <paramref name="buffer"/>; returns how many were stored.</summary>
    Task<int> ReadStartAsync(Guid tenantId, string uploadId, Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Forgets every byte from <paramref name="length"/> on (a chunk whose checksum failed).</summary>
    Task TruncateAsync(Guid tenantId, string uploadId, long length, CancellationToken cancellationToken);

    /// <summary>The whole upload as one local file, for completion; the caller hands it to the ingestor (which moves it).</summary>
    Task<string> MaterializeAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken);

    Task DeleteAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken);
}
