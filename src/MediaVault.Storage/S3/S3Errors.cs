using System.Net;
using Amazon.Runtime;
using Amazon.S3;

namespace MediaVault.Storage.S3;

/// <summary>How the SDK's errors map onto the project's storage exceptions.</summary>
internal static class S3Errors
{
    /// <summary>The object is missing (a HEAD answers a bare 404, a GET or copy says <c>NoSuchKey</c>); a missing bucket is not this.</summary>
    public static bool IsNotFound(AmazonS3Exception ex) =>
        ex.ErrorCode is "NoSuchKey" or "NotFound" || (ex.StatusCode == HttpStatusCode.NotFound && string.IsNullOrEmpty(ex.ErrorCode));

    /// <summary>
    /// A failure of the backend or the way to it, as opposed to the caller's cancellation or the caller's own stream failing
    /// (an upload's source throws its own exceptions, as with the filesystem store).
    /// </summary>
    public static bool IsBackendFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        AmazonServiceException or AmazonClientException or HttpRequestException => true,
        // The SDK's HTTP timeout surfaces as a cancellation nobody asked for.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
