using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using MediaVault.Core.Storage;

namespace MediaVault.Storage.S3;

/// <summary>How the SDK's errors map onto the project's storage exceptions.</summary>
internal static class S3Errors
{
    /// <summary>
    /// Runs SDK calls, turning a missing object into <see cref="BlobNotFoundException"/> and any other failure of the
    /// backend into <see cref="StorageException"/>; the caller's cancellation stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<T> TranslateAsync<T>(string objectKey, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (AmazonS3Exception ex) when (IsNotFound(ex))
        {
            throw new BlobNotFoundException($"No stored object at '{objectKey}'.", ex);
        }
        catch (Exception ex) when (IsStorageFull(ex))
        {
            throw new StorageFullException($"S3 has no room for '{objectKey}': {ex.Message}", ex);
        }
        catch (Exception ex) when (IsBackendFailure(ex, cancellationToken))
        {
            throw new StorageException($"S3 request for '{objectKey}' failed: {ex.Message}", ex);
        }
    }

    /// <summary>The object is missing (a HEAD answers a bare 404, a GET or copy says <c>NoSuchKey</c>); a missing bucket is not this.</summary>
    public static bool IsNotFound(AmazonS3Exception ex) =>
        ex.ErrorCode is "NoSuchKey" or "NotFound" || (ex.StatusCode == HttpStatusCode.NotFound && string.IsNullOrEmpty(ex.ErrorCode));

    /// <summary>
    /// The backend is out of space: MinIO answers <c>507 XMinioStorageFull</c>, Ceph's RADOS Gateway <c>403
    /// QuotaExceeded</c> when the user's or bucket's quota is used up (AWS S3 itself never fills up), and the SDK may
    /// have failed writing its own local buffer to a full disk.
    /// </summary>
    public static bool IsStorageFull(Exception ex) =>
        (ex is AmazonS3Exception s3
            && (s3.StatusCode == HttpStatusCode.InsufficientStorage || s3.ErrorCode is "XMinioStorageFull" or "InsufficientStorage" or "QuotaExceeded"))
        || StorageFullException.IsCause(ex);

    public static bool IsBackendFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        AmazonServiceException or AmazonClientException or HttpRequestException or IOException => true,
        // The SDK's HTTP timeout surfaces as a cancellation nobody asked for.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
