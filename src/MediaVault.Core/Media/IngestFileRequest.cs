using MediaVault.Core.Storage;

namespace MediaVault.Core.Media;

/// <summary>
/// A complete local file (a finished resumable upload) to become a media. <paramref name="MediaId"/> reuses an existing
/// (pending) media's id instead of making a new one. Limits are in bytes. <paramref name="Sha256"/> (lowercase hex) is the
/// file's hash when the caller computed it while receiving the bytes; the file is then not read again to hash it.
/// </summary>
public sealed record IngestFileRequest(
    Guid TenantId,
    string LocalPath,
    string? FileName,
    StorageArea Area,
    IReadOnlySet<MediaKind> AllowedKinds,
    long? MaxBytes = null,
    Func<MediaKind, long>? MaxBytesForKind = null,
    string? MediaId = null,
    string? Sha256 = null);
