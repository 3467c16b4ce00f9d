using System.Net;
using System.Security.Cryptography;
using MediaVault.Core.Media;
using MediaVault.Core.Storage;
using MediaVault.Core.Uploads;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Storage.Tests;

/// <summary>
/// What a storage registration provides besides the <see cref="IBlobStore"/>: a staging area and a resumable upload
/// chunk store always, local files and presigned URLs where the backend has them. A backend's test class derives
/// from this and only says how to register the store (through the production AddXxx extension) and what it expects.
/// </summary>
public abstract class StorageCapabilityContractTests : IDisposable
{
    private ServiceProvider? _services;

    /// <summary>Registers the backend exactly as production does.</summary>
    protected abstract void AddStorage(IServiceCollection services);

    protected abstract bool HasLocalFiles { get; }

    protected abstract bool HasPresignedUrls { get; }

    protected IServiceProvider Services => _services ??= Build();

    protected IBlobStore Store => Services.GetRequiredService<IBlobStore>();

    protected IStagingArea Staging => Services.GetRequiredService<IStagingArea>();

    protected ITusChunkStore Chunks => Services.GetRequiredService<ITusChunkStore>();

    public virtual void Dispose()
    {
        if (_services is null)
        {
            return;
        }

        var staging = _services.GetService<IStagingArea>()?.Folder;
        _services.Dispose();
        if (staging is not null && Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public void The_registration_provides_exactly_the_capabilities_of_its_backend()
    {
        Assert.Equal(HasLocalFiles, Services.GetService<ILocalFiles>() is not null);
        Assert.Equal(HasPresignedUrls, Services.GetService<IPresignedUrls>() is not null);
        Assert.True(Directory.Exists(Staging.Folder));
        Assert.True(Path.IsPathFullyQualified(Staging.Folder));
        Assert.NotNull(Chunks);
    }

    [Fact]
    public async Task A_file_written_in_the_staging_area_imports_into_the_store_and_is_gone_afterwards()
    {
        var key = NewOriginal();
        var bytes = PatternStream.Bytes(30_000);
        var path = Path.Combine(Staging.Folder, Guid.NewGuid().ToString("N") + ".part");
        await File.WriteAllBytesAsync(path, bytes);

        await Store.ImportFileAsync(key, path, CancellationToken.None);

        Assert.False(File.Exists(path));
        Assert.Equal(bytes, await ReadAsync(key));
    }

    [Fact]
    public void The_staging_sweep_removes_only_what_was_not_written_since_the_cutoff()
    {
        var cutoff = DateTime.UtcNow.AddHours(-1);
        var stale = Path.Combine(Staging.Folder, "stale-" + Guid.NewGuid().ToString("N"));
        var staleFolder = Path.Combine(Staging.Folder, "work-" + Guid.NewGuid().ToString("N"));
        var fresh = Path.Combine(Staging.Folder, "fresh-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(stale, [1]);
        Directory.CreateDirectory(staleFolder);
        File.WriteAllBytes(fresh, [2]);
        File.SetLastWriteTimeUtc(stale, cutoff.AddMinutes(-1));
        Directory.SetLastWriteTimeUtc(staleFolder, cutoff.AddMinutes(-1));

        var removed = Staging.RemoveStale(cutoff);

        Assert.Equal(2, removed);
        Assert.False(File.Exists(stale));
        Assert.False(Directory.Exists(staleFolder));
        Assert.True(File.Exists(fresh));
    }

    [Fact]
    public async Task Local_files_name_the_stored_bytes_where_the_backend_has_them()
    {
        if (Services.GetService<ILocalFiles>() is not { } local)
        {
            return;
        }

        var key = NewOriginal();
        var bytes = PatternStream.Bytes(777);
        await UploadAsync(key, bytes);

        var path = local.TryGetPath(key);

        Assert.NotNull(path);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Null(local.TryGetPath(NewOriginal()));
    }

    [Fact]
    public async Task Presigned_urls_download_and_upload_the_exact_bytes_where_the_backend_has_them()
    {
        if (Services.GetService<IPresignedUrls>() is not { } presigned)
        {
            return;
        }

        var key = NewOriginal();
        var bytes = PatternStream.Bytes(70_001);
        using var http = new HttpClient();

        using var put = await http.PutAsync(presigned.PresignPut(key, TimeSpan.FromMinutes(5)), new ByteArrayContent(bytes));
        using var get = await http.GetAsync(presigned.PresignGet(key, "application/pdf", "Büro plan.pdf"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(bytes, await ReadAsync(key));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(bytes, await get.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", get.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Büro plan.pdf", get.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Chunks_append_hash_truncate_and_materialize_into_one_staged_file()
    {
        var (tenant, upload) = (Guid.NewGuid(), NewUploadId());
        var bytes = PatternStream.Bytes(250_000);
        await Chunks.CreateAsync(tenant, upload, CancellationToken.None);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        var first = await Chunks.AppendAsync(tenant, upload, 0, new MemoryStream(bytes[..100_000]), long.MaxValue, hash, null, CancellationToken.None);
        var wrong = await Chunks.AppendAsync(tenant, upload, 100_000, new MemoryStream(new byte[5000]), long.MaxValue, null, null, CancellationToken.None);
        await Chunks.TruncateAsync(tenant, upload, 100_000, CancellationToken.None);
        var second = await Chunks.AppendAsync(tenant, upload, 100_000, new MemoryStream(bytes[100_000..]), long.MaxValue, null, null, CancellationToken.None);
        var start = new byte[16];
        var read = await Chunks.ReadStartAsync(tenant, upload, start, CancellationToken.None);
        var path = await Chunks.MaterializeAsync(tenant, upload, CancellationToken.None);

        Assert.Equal(new TusAppendResult(100_000, TooLong: false, Interrupted: false), first);
        Assert.Equal(5000, wrong.Written);
        Assert.Equal(150_000, second.Written);
        Assert.Equal(SHA256.HashData(bytes.AsSpan(0, 100_000)), hash.GetHashAndReset());
        Assert.Equal(16, read);
        Assert.Equal(bytes[..16], start);
        Assert.StartsWith(Staging.Folder + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        await Store.ImportFileAsync(NewOriginal(), path, CancellationToken.None);
        await Chunks.DeleteAsync(tenant, upload, CancellationToken.None);
    }

    [Fact]
    public async Task Stored_chunks_hash_up_to_any_offset_and_report_what_survived()
    {
        var (tenant, upload) = (Guid.NewGuid(), NewUploadId());
        var bytes = PatternStream.Bytes(3 * 1024 * 1024);
        await Chunks.CreateAsync(tenant, upload, CancellationToken.None);
        await Chunks.AppendAsync(tenant, upload, 0, new MemoryStream(bytes[..1_500_000]), long.MaxValue, null, null, CancellationToken.None);
        await Chunks.AppendAsync(tenant, upload, 1_500_000, new MemoryStream(bytes[1_500_000..]), long.MaxValue, null, null, CancellationToken.None);
        using var prefix = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        await Chunks.HashStoredAsync(tenant, upload, 2_000_000, prefix, CancellationToken.None);
        await Chunks.HashStoredAsync(tenant, upload, bytes.Length, whole, CancellationToken.None);
        var survived = await Chunks.SurvivingLengthAsync(tenant, upload, CancellationToken.None);

        Assert.Equal(SHA256.HashData(bytes.AsSpan(0, 2_000_000)), prefix.GetHashAndReset());
        Assert.Equal(SHA256.HashData(bytes), whole.GetHashAndReset());
        // A store that syncs nothing per chunk says how much it kept; one whose chunks are durable says null.
        Assert.True(survived is null || survived == bytes.Length, $"survived {survived}");
        await Chunks.DeleteAsync(tenant, upload, CancellationToken.None);
    }

    [Fact]
    public async Task A_chunk_longer_than_allowed_is_refused_and_keeps_nothing_of_it()
    {
        var (tenant, upload) = (Guid.NewGuid(), NewUploadId());
        await Chunks.CreateAsync(tenant, upload, CancellationToken.None);
        await Chunks.AppendAsync(tenant, upload, 0, new MemoryStream(PatternStream.Bytes(10)), 100, null, null, CancellationToken.None);

        var result = await Chunks.AppendAsync(tenant, upload, 10, new MemoryStream(new byte[2 * 1024 * 1024]), 1000, null, null, CancellationToken.None);
        var path = await Chunks.MaterializeAsync(tenant, upload, CancellationToken.None);

        Assert.True(result.TooLong);
        Assert.Equal(PatternStream.Bytes(10), await File.ReadAllBytesAsync(path));
        await Chunks.DeleteAsync(tenant, upload, CancellationToken.None);
    }

    [Fact]
    public async Task Unfinished_uploads_survive_the_staging_sweep()
    {
        var (tenant, upload) = (Guid.NewGuid(), NewUploadId());
        var bytes = PatternStream.Bytes(1000);
        await Chunks.CreateAsync(tenant, upload, CancellationToken.None);
        await Chunks.AppendAsync(tenant, upload, 0, new MemoryStream(bytes), long.MaxValue, null, null, CancellationToken.None);
        foreach (var entry in new DirectoryInfo(Staging.Folder).EnumerateFileSystemInfos())
        {
            entry.LastWriteTimeUtc = DateTime.UtcNow.AddDays(-2);
        }

        Staging.RemoveStale(DateTime.UtcNow.AddDays(-1));
        var path = await Chunks.MaterializeAsync(tenant, upload, CancellationToken.None);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        await Chunks.DeleteAsync(tenant, upload, CancellationToken.None);
    }

    protected static BlobKey NewOriginal() => BlobKey.Original(StorageArea.Temporary, Guid.NewGuid(), MediaId.New());

    private static string NewUploadId() => MediaId.New();

    private async Task UploadAsync(BlobKey key, byte[] bytes)
    {
        await using var content = new MemoryStream(bytes);
        await Store.UploadAsync(key, content, CancellationToken.None);
    }

    private async Task<byte[]> ReadAsync(BlobKey key)
    {
        await using var stream = await Store.OpenReadAsync(key, null, CancellationToken.None);
        await using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        AddStorage(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
