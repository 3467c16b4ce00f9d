using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using MediaVault.Core.Storage;
using Microsoft.Extensions.Options;

namespace MediaVault.Storage.S3;

/// <summary>
/// Stores objects in an S3-compatible bucket under <see cref="S3StorageOptions.Prefix"/> + <see cref="BlobKey.Path"/>.
/// Uploads stream in parts (see <see cref="S3MultipartWriter"/>), so an object appears only when complete; copies are
/// server-side. Issues presigned URLs (<see cref="IPresignedUrls"/>).
/// </summary>
public sealed class S3BlobStore : IBlobStore, IPresignedUrls, IDisposable
{
    // The most keys one ListObjectsV2 page and one DeleteObjects request take.
    private const int BatchSize = 1000;
    private readonly S3StorageOptions _options;
    private readonly IAmazonS3 _client;
    private readonly S3MultipartWriter _writer;
    private readonly S3BucketCreator _bucket;

    public S3BlobStore(IOptions<S3StorageOptions> options)
        : this(options.Value, S3ClientFactory.Create(options.Value))
    {
    }

    internal S3BlobStore(S3StorageOptions options, IAmazonS3 client)
    {
        _options = options;
        _client = client;
        _writer = new S3MultipartWriter(client, options.Bucket, options.PartSizeBytes);
        _bucket = new S3BucketCreator(client, options.Bucket, options.CreateBucket);
    }

    public async Task<long> UploadAsync(BlobKey key, Stream content, CancellationToken cancellationToken)
    {
        await _bucket.EnsureAsync(cancellationToken);
        return await _writer.WriteAsync(ObjectKey(key), content, cancellationToken);
    }

    public async Task ImportFileAsync(BlobKey key, string localPath, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await UploadAsync(key, file, cancellationToken);
        }
        finally
        {
            File.Delete(localPath);
        }
    }

    public async Task<Stream> OpenReadAsync(BlobKey key, BlobRange? range, CancellationToken cancellationToken)
    {
        await _bucket.EnsureAsync(cancellationToken);
        var request = new GetObjectRequest { BucketName = _options.Bucket, Key = ObjectKey(key) };
        long? requested = null;
        if (range is { } r)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(r.From, nameof(range));
            if (r.To < r.From)
            {
                return await GetInfoAsync(key, cancellationToken) is null ? throw BlobNotFoundException.For(key) : EmptyStream();
            }

            request.ByteRange = r.To is { } to ? new ByteRange(r.From, to) : new ByteRange($"bytes={r.From}-");
            requested = r.To - r.From + 1;
        }

        var response = await S3Errors.TranslateAsync(request.Key, async () =>
        {
            try
            {
                return await _client.GetObjectAsync(request, cancellationToken);
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                // The range starts past the end (or the object is empty): like a file, that reads as nothing.
                return null;
            }
        }, cancellationToken);
        if (response is null)
        {
            return EmptyStream();
        }

        // Never more than was asked for, even from a server that answers a range with more (the s3rver test server did for bytes=0-0).
        var length = Math.Min(response.ContentLength, requested ?? long.MaxValue);
        return new BoundedReadStream(response.ResponseStream, length, response);
    }

    public async Task<BlobInfo?> GetInfoAsync(BlobKey key, CancellationToken cancellationToken)
    {
        await _bucket.EnsureAsync(cancellationToken);
        var objectKey = ObjectKey(key);
        try
        {
            var metadata = await S3Errors.TranslateAsync(objectKey, () => _client.GetObjectMetadataAsync(_options.Bucket, objectKey, cancellationToken), cancellationToken);
            return new BlobInfo(key, metadata.ContentLength, Utc(metadata.LastModified));
        }
        catch (BlobNotFoundException)
        {
            return null;
        }
    }

    public async Task CopyAsync(BlobKey source, BlobKey target, CancellationToken cancellationToken)
    {
        await _bucket.EnsureAsync(cancellationToken);
        var request = new CopyObjectRequest
        {
            SourceBucket = _options.Bucket,
            SourceKey = ObjectKey(source),
            DestinationBucket = _options.Bucket,
            DestinationKey = ObjectKey(target),
        };
        await S3Errors.TranslateAsync(request.SourceKey, () => _client.CopyObjectAsync(request, cancellationToken), cancellationToken);
    }

    public async Task<bool> DeleteAsync(BlobKey key, CancellationToken cancellationToken)
    {
        // S3 answers a delete the same whether or not the object was there, so ask first.
        if (await GetInfoAsync(key, cancellationToken) is null)
        {
            return false;
        }

        var objectKey = ObjectKey(key);
        await S3Errors.TranslateAsync(objectKey, () => _client.DeleteObjectAsync(_options.Bucket, objectKey, cancellationToken), cancellationToken);
        return true;
    }

    public async Task<int> DeleteMediaAsync(StorageArea area, Guid tenantId, string mediaId, CancellationToken cancellationToken)
    {
        await _bucket.EnsureAsync(cancellationToken);
        var prefix = _options.Prefix + BlobKey.MediaPrefix(area, tenantId, mediaId);
        var request = NewListRequest(prefix);
        var removed = 0;
        do
        {
            var page = await S3Errors.TranslateAsync(prefix, () => _client.ListObjectsV2Async(request, cancellationToken), cancellationToken);
            var keys = (page.S3Objects ?? []).Select(o => new KeyVersion { Key = o.Key }).ToList();
            if (keys.Count > 0)
            {
                var delete = new DeleteObjectsRequest { BucketName = _options.Bucket, Objects = keys, Quiet = true };
                await S3Errors.TranslateAsync(prefix, () => _client.DeleteObjectsAsync(delete, cancellationToken), cancellationToken);
                removed += keys.Count;
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return removed;
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(StorageArea area, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _bucket.EnsureAsync(cancellationToken);
        var prefix = _options.Prefix + BlobKey.AreaFolder(area) + "/";
        var request = NewListRequest(prefix);
        do
        {
            var page = await S3Errors.TranslateAsync(prefix, () => _client.ListObjectsV2Async(request, cancellationToken), cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                if (BlobKey.TryParse(item.Key[_options.Prefix.Length..], out var key))
                {
                    yield return new BlobInfo(key, item.Size ?? 0, Utc(item.LastModified));
                }
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }

    /// <summary>Valid for <see cref="S3StorageOptions.PresignedUrlLifetime"/>.</summary>
    public Uri PresignGet(BlobKey key, string contentType, string? downloadName)
    {
        var request = NewPresignRequest(key, HttpVerb.GET, _options.PresignedUrlLifetime);
        request.ResponseHeaderOverrides.ContentType = contentType;
        if (downloadName is not null)
        {
            request.ResponseHeaderOverrides.ContentDisposition = AttachmentHeader(downloadName);
        }

        return new Uri(_client.GetPreSignedURL(request));
    }

    public Uri PresignPut(BlobKey key, TimeSpan lifetime) => new(_client.GetPreSignedURL(NewPresignRequest(key, HttpVerb.PUT, lifetime)));

    public void Dispose()
    {
        _client.Dispose();
        _bucket.Dispose();
    }

    private string ObjectKey(BlobKey key) => _options.Prefix + key.Path;

    private ListObjectsV2Request NewListRequest(string prefix) =>
        new() { BucketName = _options.Bucket, Prefix = prefix, MaxKeys = BatchSize };

    private GetPreSignedUrlRequest NewPresignRequest(BlobKey key, HttpVerb verb, TimeSpan lifetime) => new()
    {
        BucketName = _options.Bucket,
        Key = ObjectKey(key),
        Verb = verb,
        Expires = DateTime.UtcNow.Add(lifetime),
        // The SDK presigns https URLs unless told otherwise, whatever the endpoint's scheme.
        Protocol = _options.ServiceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
    };

    private static MemoryStream EmptyStream() => new([], writable: false);

    private static DateTime Utc(DateTime? time) => time?.ToUniversalTime() ?? DateTime.UnixEpoch;

    private static string AttachmentHeader(string downloadName)
    {
        var ascii = new string(downloadName.Select(c => c is >= ' ' and < '\x7f' and not '"' and not '\\' ? c : '_').ToArray());
        return new ContentDispositionHeaderValue("attachment") { FileName = $"\"{ascii}\"", FileNameStar = downloadName }.ToString();
    }
}
