using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using MediaVault.Core.Media;
using MediaVault.Core.Storage;
using MediaVault.Storage.S3;

namespace MediaVault.Storage.Tests.S3;

/// <summary>The contract suite and the S3-only behaviour, against a real S3 server; each test keeps its objects under its own prefix.</summary>
public sealed class S3BlobStoreTests(S3ServerFixture server) : BlobStoreContractTests, IClassFixture<S3ServerFixture>, IAsyncLifetime
{
    private const int FiveMiB = 5 * 1024 * 1024;
    // A top-level prefix of its own: the bucket may be shared with other tests and runs.
    private readonly string _prefix = $"test-{Guid.NewGuid():N}/";
    private readonly List<S3BlobStore> _stores = [];
    private readonly List<string> _createdBuckets = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        if (Directory.Exists(StagingFolder))
        {
            Directory.Delete(StagingFolder, recursive: true);
        }

        // A shared server keeps whatever a test leaves behind.
        using var client = S3ClientFactory.Create(server.Options(_prefix));
        await DeleteAllAsync(client, server.Bucket, _prefix);
        foreach (var bucket in _createdBuckets)
        {
            await DeleteAllAsync(client, bucket, "");
            await client.DeleteBucketAsync(bucket);
        }
    }

    protected override string StagingFolder { get; } = Path.Combine(Path.GetTempPath(), "mediavault-s3-contract-" + Guid.NewGuid().ToString("N"));

    protected override IBlobStore CreateStore() => NewStore();

    [Theory]
    [InlineData(FiveMiB, 0)]
    [InlineData(FiveMiB + 1, 2)]
    [InlineData(2 * FiveMiB, 2)]
    [InlineData(12 * 1024 * 1024, 3)]
    public async Task Uploads_longer_than_one_part_go_up_in_parts_and_read_back_identically(long length, int expectedPartUploads)
    {
        var parts = new PartUploadCountingHttpClientFactory();
        var store = NewStore(o => o.PartSizeBytes = FiveMiB, parts);
        var key = NewOriginal();
        await using var content = new PatternStream(length);

        Assert.Equal(length, await store.UploadAsync(key, content, CancellationToken.None));

        Assert.Equal(expectedPartUploads, parts.PartUploads);
        Assert.Equal(length, (await store.GetInfoAsync(key, CancellationToken.None))!.Size);
        await using var expected = new PatternStream(length);
        await using var stored = await store.OpenReadAsync(key, null, CancellationToken.None);
        Assert.Equal(await SHA256.HashDataAsync(expected), await SHA256.HashDataAsync(stored));
    }

    [Fact]
    public async Task Cancelled_multipart_upload_leaves_no_visible_object()
    {
        var parts = new PartUploadCountingHttpClientFactory();
        var store = NewStore(o => o.PartSizeBytes = FiveMiB, parts);
        var key = NewOriginal();
        using var cancellation = new CancellationTokenSource();
        await using var content = new PatternStream(12L * 1024 * 1024, beforeRead: served =>
        {
            if (served >= 7L * 1024 * 1024)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.UploadAsync(key, content, cancellation.Token));

        Assert.Equal(1, parts.PartUploads);
        Assert.Null(await store.GetInfoAsync(key, CancellationToken.None));
        await Assert.ThrowsAsync<BlobNotFoundException>(() => store.OpenReadAsync(key, null, CancellationToken.None));
        Assert.DoesNotContain(key, await ListKeysAsync(store, StorageArea.Temporary));
        using var client = S3ClientFactory.Create(server.Options(_prefix));
        var pending = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = server.Bucket, Prefix = _prefix });
        Assert.Empty(pending.MultipartUploads ?? []);
    }

    [Theory]
    [InlineData(2 * 1024 * 1024)]
    [InlineData(FiveMiB + 1)]
    public async Task An_upload_past_the_owners_quota_is_storage_full_and_leaves_nothing(int length)
    {
        // Ceph's RADOS Gateway answers 403 QuotaExceeded; only a server with a quota bucket configured can show it.
        if (server.QuotaOptions(_prefix) is not { } options)
        {
            return;
        }

        options.PartSizeBytes = FiveMiB;
        using var store = new S3BlobStore(options, S3ClientFactory.Create(options));
        var key = NewOriginal();

        await Assert.ThrowsAsync<StorageFullException>(() => UploadToAsync(store, key, PatternStream.Bytes(length)));

        Assert.Null(await store.GetInfoAsync(key, CancellationToken.None));
        using var client = S3ClientFactory.Create(options);
        var pending = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = options.Bucket, Prefix = _prefix });
        Assert.Empty(pending.MultipartUploads ?? []);
    }

    [Fact]
    public async Task List_returns_keys_without_the_prefix_and_ignores_foreign_objects()
    {
        var store = NewStore();
        var key = NewOriginal(StorageArea.Permanent);
        await UploadAsync(key, PatternStream.Bytes(33));
        using var client = S3ClientFactory.Create(server.Options(_prefix));
        await client.PutObjectAsync(new PutObjectRequest { BucketName = server.Bucket, Key = _prefix + "permanent/not-a-blob-key", ContentBody = "x", UseChunkEncoding = false });

        var listed = await store.ListAsync(StorageArea.Permanent, CancellationToken.None).ToListAsync();

        var info = Assert.Single(listed);
        Assert.Equal(key, info.Key);
        Assert.Equal(33, info.Size);
        Assert.Equal(DateTimeKind.Utc, info.LastModified.Kind);
    }

    [Fact]
    public async Task DeleteMedia_removes_more_objects_than_one_delete_batch()
    {
        var tenant = Guid.NewGuid();
        var mediaId = MediaId.New();
        var keys = Enumerable.Range(0, 1005).Select(i => BlobKey.Rendition(StorageArea.Temporary, tenant, mediaId, $"r{i:D4}.bin")).ToList();
        var survivor = BlobKey.Original(StorageArea.Permanent, tenant, mediaId);
        await Parallel.ForEachAsync(keys.Append(survivor), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, _) => await UploadAsync(key, [1, 2, 3]));

        Assert.Equal(keys.Count, await Store.DeleteMediaAsync(StorageArea.Temporary, tenant, mediaId, CancellationToken.None));

        Assert.Empty(await ListKeysAsync(Store, StorageArea.Temporary));
        Assert.NotNull(await Store.GetInfoAsync(survivor, CancellationToken.None));
    }

    [Fact]
    public async Task CreateBucket_creates_a_missing_bucket_once_under_concurrent_first_use()
    {
        var bucket = "mediavault-created-" + Guid.NewGuid().ToString("N")[..12];
        _createdBuckets.Add(bucket);
        var store = NewStore(o =>
        {
            o.Bucket = bucket;
            o.CreateBucket = true;
        });
        var keys = Enumerable.Range(0, 4).Select(_ => NewOriginal()).ToList();

        await Task.WhenAll(keys.Select(key => Task.Run(async () =>
        {
            await using var content = new MemoryStream(PatternStream.Bytes(100));
            await store.UploadAsync(key, content, CancellationToken.None);
        })));

        foreach (var key in keys)
        {
            Assert.Equal(100, (await store.GetInfoAsync(key, CancellationToken.None))!.Size);
        }
    }

    [Fact]
    public async Task A_missing_bucket_is_a_storage_failure_not_a_missing_object()
    {
        var store = NewStore(o => o.Bucket = "mediavault-missing-" + Guid.NewGuid().ToString("N")[..12]);

        await Assert.ThrowsAsync<StorageException>(() => store.OpenReadAsync(NewOriginal(), null, CancellationToken.None));
        await Assert.ThrowsAsync<StorageException>(() => UploadToAsync(store, NewOriginal(), [1]));
    }

    private S3BlobStore NewStore(Action<S3StorageOptions>? configure = null, PartUploadCountingHttpClientFactory? http = null)
    {
        var options = server.Options(_prefix);
        configure?.Invoke(options);
        var store = http is null
            ? new S3BlobStore(Microsoft.Extensions.Options.Options.Create(options))
            : new S3BlobStore(options, S3ClientFactory.Create(options, config => config.HttpClientFactory = http));
        _stores.Add(store);
        return store;
    }

    private static async Task<long> UploadToAsync(IBlobStore store, BlobKey key, byte[] bytes)
    {
        await using var content = new MemoryStream(bytes);
        return await store.UploadAsync(key, content, CancellationToken.None);
    }

    private static async Task<List<BlobKey>> ListKeysAsync(IBlobStore store, StorageArea area) =>
        await store.ListAsync(area, CancellationToken.None).Select(info => info.Key).ToListAsync();

    private static async Task DeleteAllAsync(IAmazonS3 client, string bucket, string prefix)
    {
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        do
        {
            var page = await client.ListObjectsV2Async(request);
            if (page.S3Objects is { Count: > 0 } objects)
            {
                await client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = objects.Select(o => new KeyVersion { Key = o.Key }).ToList() });
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }
}
