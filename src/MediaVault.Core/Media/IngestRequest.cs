using MediaVault.Core.Storage;

namespace MediaVault.Core.Media;

/// <summary>
/// One incoming file: its bytes, its client-supplied name, where it goes and which kinds are acceptable.
/// <paramref name="MaxBytes"/> caps any file; <paramref name="MaxBytesForKind"/> caps it further once its kind is sniffed
/// (both in bytes, both checked while streaming).
/// </summary>
public sealed record IngestRequest(
    Guid TenantId,
    Stream Content,
    string? FileName,
    StorageArea Area,
    IReadOnlySet<MediaKind> AllowedKinds,
    long? MaxBytes = null,
    Func<MediaKind, long>? MaxBytesForKind = null);
