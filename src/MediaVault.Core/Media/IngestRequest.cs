using MediaVault.Core.Storage;

namespace MediaVault.Core.Media;

/// <summary>One incoming file: its bytes, its client-supplied name, where it goes and which kinds are acceptable.</summary>
public sealed record IngestRequest(
    Guid TenantId,
    Stream Content,
    string? FileName,
    StorageArea Area,
    IReadOnlySet<MediaKind> AllowedKinds,
    long? MaxBytes = null);
