using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;

namespace MediaVault.Storage.S3;

/// <summary>
/// Streams one upload into an object, holding at most one part in memory: a stream that fits in one part is a single
/// PUT, a longer one a multipart upload that is aborted on any failure or cancellation, so only complete objects appear.
/// </summary>
internal sealed class S3MultipartWriter(IAmazonS3 client, string bucket, int partSize)
{
    /// <summary>Returns the number of bytes stored.</summary>
    public async Task<long> WriteAsync(string objectKey, Stream content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // One byte more than a part: a full buffer proves another part follows, without a second buffer to peek with.
        var buffer = ArrayPool<byte>.Shared.Rent(partSize + 1);
        try
        {
            var filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, partSize + 1), partSize + 1, throwOnEndOfStream: false, cancellationToken);
            if (filled <= partSize)
            {
                await PutAsync(objectKey, buffer, filled, cancellationToken);
                return filled;
            }

            return await WriteMultipartAsync(objectKey, content, buffer, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task PutAsync(string objectKey, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = objectKey,
            InputStream = new MemoryStream(buffer, 0, length, writable: false),
            ContentType = "application/octet-stream",
            // aws-chunked framing is not decoded by every S3-compatible server (s3rver stores it as content).
            UseChunkEncoding = false,
        };
        await client.PutObjectAsync(request, cancellationToken);
    }

    /// <summary>Called with a buffer holding one full part plus the first byte of the next.</summary>
    private async Task<long> WriteMultipartAsync(string objectKey, Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var initiate = new InitiateMultipartUploadRequest
        {
            BucketName = bucket,
            Key = objectKey,
            ContentType = "application/octet-stream",
            ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        };
        var uploadId = (await client.InitiateMultipartUploadAsync(initiate, cancellationToken)).UploadId;
        var completed = false;
        try
        {
            var parts = new List<PartETag>();
            var filled = partSize + 1;
            long total = 0;
            while (true)
            {
                var last = filled <= partSize;
                var length = last ? filled : partSize;
                parts.Add(await UploadPartAsync(objectKey, uploadId, parts.Count + 1, buffer, length, cancellationToken));
                total += length;
                if (last)
                {
                    break;
                }

                buffer[0] = buffer[partSize];
                filled = 1 + await content.ReadAtLeastAsync(buffer.AsMemory(1, partSize), partSize, throwOnEndOfStream: false, cancellationToken);
            }

            var complete = new CompleteMultipartUploadRequest { BucketName = bucket, Key = objectKey, UploadId = uploadId, PartETags = parts };
            await client.CompleteMultipartUploadAsync(complete, cancellationToken);
            completed = true;
            return total;
        }
        finally
        {
            if (!completed)
            {
                await AbortAsync(objectKey, uploadId);
            }
        }
    }

    private async Task<PartETag> UploadPartAsync(string objectKey, string uploadId, int partNumber, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        var request = new UploadPartRequest
        {
            BucketName = bucket,
            Key = objectKey,
            UploadId = uploadId,
            PartNumber = partNumber,
            PartSize = length,
            InputStream = new MemoryStream(buffer, 0, length, writable: false),
            ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
            UseChunkEncoding = false,
        };
        var response = await client.UploadPartAsync(request, cancellationToken);
        return new PartETag(response, copyChecksums: true);
    }

    private async Task AbortAsync(string objectKey, string uploadId)
    {
        try
        {
            // Not the caller's token: it may be the reason the upload is being abandoned.
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = objectKey, UploadId = uploadId }, CancellationToken.None);
        }
        catch (AmazonS3Exception)
        {
            // The failure that got us here is what the caller must see. The parts were never completed, so no object is
            // visible either way; left-over parts are reclaimed by the bucket's AbortIncompleteMultipartUpload lifecycle
            // rule (and s3rver does not implement abort at all).
        }
    }
}
