using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;

namespace MediaVault.Storage.S3;

/// <summary>
/// Streams one upload into an object, holding at most one part in memory: a stream that fits in one part is a single
/// PUT, a longer one a multipart upload that is aborted on any failure or cancellation, so only complete objects appear.
/// Failures of the content stream itself are the caller's and pass through untranslated.
/// </summary>
internal sealed class S3MultipartWriter(IAmazonS3 client, string bucket, int partSize)
{
    /// <summary>Returns the number of bytes stored.</summary>
    public async Task<long> WriteAsync(string objectKey, Stream content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var buffer = ArrayPool<byte>.Shared.Rent(partSize);
        try
        {
            var next = new byte[1];
            var filled = await FillAsync(content, buffer, 0, cancellationToken);
            if (!await HasMoreAsync(content, filled, next, cancellationToken))
            {
                await PutAsync(objectKey, buffer, filled, cancellationToken);
                return filled;
            }

            return await WriteMultipartAsync(objectKey, content, buffer, next, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private Task<int> FillAsync(Stream content, byte[] buffer, int offset, CancellationToken cancellationToken) =>
        content.ReadAtLeastAsync(buffer.AsMemory(offset, partSize - offset), partSize - offset, throwOnEndOfStream: false, cancellationToken).AsTask();

    /// <summary>After a full part, reads one byte ahead (into <paramref name="next"/>): is there another part?</summary>
    private async Task<bool> HasMoreAsync(Stream content, int filled, byte[] next, CancellationToken cancellationToken) =>
        filled == partSize && await content.ReadAsync(next, cancellationToken) > 0;

    private async Task PutAsync(string objectKey, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = objectKey,
            InputStream = new MemoryStream(buffer, 0, length, writable: false),
            ContentType = "application/octet-stream",
            // aws-chunked framing is not decoded by every S3-compatible server (test servers such as s3rver store it as content).
            UseChunkEncoding = false,
        };
        await S3Errors.TranslateAsync(objectKey, () => client.PutObjectAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>Called with a buffer holding one full part and <paramref name="next"/> holding the first byte of the next.</summary>
    private async Task<long> WriteMultipartAsync(string objectKey, Stream content, byte[] buffer, byte[] next, CancellationToken cancellationToken)
    {
        var initiate = new InitiateMultipartUploadRequest
        {
            BucketName = bucket,
            Key = objectKey,
            ContentType = "application/octet-stream",
            ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        };
        var uploadId = (await S3Errors.TranslateAsync(objectKey, () => client.InitiateMultipartUploadAsync(initiate, cancellationToken), cancellationToken)).UploadId;
        var completed = false;
        try
        {
            var parts = new List<PartETag>();
            var filled = partSize;
            var more = true;
            long total = 0;
            while (true)
            {
                parts.Add(await UploadPartAsync(objectKey, uploadId, parts.Count + 1, buffer, filled, cancellationToken));
                total += filled;
                if (!more)
                {
                    break;
                }

                buffer[0] = next[0];
                filled = 1 + await FillAsync(content, buffer, 1, cancellationToken);
                more = await HasMoreAsync(content, filled, next, cancellationToken);
            }

            var complete = new CompleteMultipartUploadRequest { BucketName = bucket, Key = objectKey, UploadId = uploadId, PartETags = parts };
            await S3Errors.TranslateAsync(objectKey, () => client.CompleteMultipartUploadAsync(complete, cancellationToken), cancellationToken);
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
        var response = await S3Errors.TranslateAsync(objectKey, () => client.UploadPartAsync(request, cancellationToken), cancellationToken);
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
            // visible either way; left-over parts are reclaimed by the bucket's AbortIncompleteMultipartUpload lifecycle rule.
        }
    }
}
