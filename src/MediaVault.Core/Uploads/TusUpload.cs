namespace MediaVault.Core.Uploads;

/// <summary>
/// A resumable (tus) upload in progress. <see cref="Offset"/> counts the bytes durably stored and acknowledged;
/// on completion the bytes become a media of the target named in the metadata.
/// </summary>
public sealed class TusUpload
{
    /// <summary>Opaque, URL-safe, unguessable.</summary>
    public required string Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Total size in bytes; null while the client defers it.</summary>
    public long? Length { get; set; }

    public long Offset { get; set; }

    /// <summary>The <c>Upload-Metadata</c> header as received, echoed on HEAD.</summary>
    public string Metadata { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>Set while a PATCH writes; another PATCH before it expires is refused (423).</summary>
    public string? LockOwner { get; set; }

    public DateTime? LockedUntil { get; set; }

    /// <summary>The media the finished upload became.</summary>
    public string? MediaId { get; set; }

    /// <summary>Why completion was refused (bad content, release no longer editable…).</summary>
    public string? Error { get; set; }
}
