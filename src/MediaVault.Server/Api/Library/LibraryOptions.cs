using System.ComponentModel.DataAnnotations;

namespace MediaVault.Server.Api.Library;

/// <summary>Section <c>Library</c>: the library surface's upload window.</summary>
public sealed class LibraryOptions
{
    public const string Section = "Library";

    /// <summary>How long an <c>uploadUrl</c> is valid (the reference's 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Hand out presigned bucket URLs as <c>uploadUrl</c>, so bytes go straight to the bucket (confirm then hashes and
    /// checks them as usual). Needs a store that issues presigned URLs (S3); start fails otherwise. Off: uploads come
    /// through this server's own endpoint.
    /// </summary>
    public bool DirectToBucket { get; set; }

    /// <summary>
    /// Bytes of list answers this instance remembers (<see cref="LibraryListCache"/>, least recently used dropped
    /// first; 0 turns it off). An answer is served again only while its tenant's database-kept change counter and its
    /// signed URLs' expiry window are those it was made under.
    /// </summary>
    [Range(0, 1L << 32)]
    public long ListCacheBytes { get; set; } = 16L << 20;
}
