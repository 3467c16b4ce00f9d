using System.Security.Cryptography;

namespace MediaVault.Core.Uploads;

/// <summary>
/// Where the bytes of unfinished resumable (tus) uploads live; each storage registration provides one: a local file
/// per upload beside the filesystem store, or one object per chunk in the blob store (S3, any number of instances).
/// </summary>
public interface ITusChunkStore
{
    Task CreateAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the body as the bytes from <paramref name="offset"/> on, at most <paramref name="maxBytes"/>, first
    /// dropping anything stored past <paramref name="offset"/>. Every byte read from the body is appended to
    /// <paramref name="checksum"/> when given, and every byte stored to <paramref name="running"/> (the upload's running
    /// hash) in order; after an interrupted result <paramref name="running"/> may also hold bytes that were not stored
    /// and must be rebuilt. A body that breaks off is an interrupted result, not an exception.
    /// </summary>
    /// <exception cref="MediaVault.Core.Storage.StorageFullException">No room for the chunk; nothing of it was kept, the bytes before <paramref name="offset"/> are intact.</exception>
    Task<TusAppendResult> AppendAsync(Guid tenantId, string uploadId, long offset, Stream body, long maxBytes, IncrementalHash? checksum, IncrementalHash? running, CancellationToken cancellationToken);

    /// <summary>Reads the upload's first bytes (for sniffing) into <paramref name="buffer"/>; returns how many were stored.</summary>
    Task<int> ReadStartAsync(Guid tenantId, string uploadId, Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Appends the upload's first <paramref name="length"/> stored bytes, in order, to <paramref name="hash"/> (a running hash lost to a restart).</summary>
    Task HashStoredAsync(Guid tenantId, string uploadId, long length, IncrementalHash hash, CancellationToken cancellationToken);

    /// <summary>
    /// How many bytes of the upload survived, for a store that acknowledges chunks before they are on disk (after a
    /// power cut the offset falls back to it); null for a store whose chunks are durable once stored.
    /// </summary>
    Task<long?> SurvivingLengthAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken);

    /// <summary>Forgets every byte from <paramref name="length"/> on (a chunk whose checksum failed).</summary>
    Task TruncateAsync(Guid tenantId, string uploadId, long length, CancellationToken cancellationToken);

    /// <summary>
    /// The whole upload as one local file in the staging area, for completion; the caller hands it to the ingestor
    /// (which moves it).
    /// </summary>
    /// <exception cref="MediaVault.Core.Storage.StorageFullException">No room to assemble the file; the upload's bytes are kept.</exception>
    Task<string> MaterializeAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken);

    Task DeleteAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken);
}
