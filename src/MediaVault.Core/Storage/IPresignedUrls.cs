namespace MediaVault.Core.Storage;

/// <summary>
/// A store that issues presigned URLs (S3), so clients move bytes straight to and from the bucket. Optional: a
/// setting that needs it fails at start when the configured store does not provide it.
/// </summary>
public interface IPresignedUrls
{
    /// <summary>
    /// A URL that downloads the object as <paramref name="contentType"/> and, with <paramref name="downloadName"/>, as
    /// an attachment of that name, valid for the store's configured lifetime. The object's existence is not checked.
    /// </summary>
    Uri PresignGet(BlobKey key, string contentType, string? downloadName);

    /// <summary>A URL that stores the body of a PUT to it as the object, valid for <paramref name="lifetime"/>.</summary>
    Uri PresignPut(BlobKey key, TimeSpan lifetime);
}
