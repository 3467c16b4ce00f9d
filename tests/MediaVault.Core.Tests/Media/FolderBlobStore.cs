using MediaVault.Core.Storage;

namespace MediaVault.Core.Tests.Media;

/// <summary>Just enough of a blob store for the ingestor: a staging folder and imported files moved under an objects folder.</summary>
internal sealed class FolderBlobStore : IBlobStore
{
    private readonly string _objects;

    public FolderBlobStore(string root)
    {
        StagingDirectory = Path.Combine(root, "staging");
        _objects = Path.Combine(root, "objects");
        Directory.CreateDirectory(_objects);
    }

    public string StagingDirectory { get; }

    public IEnumerable<string> StoredFiles => Directory.EnumerateFiles(_objects, "*", SearchOption.AllDirectories);

    public IEnumerable<string> StagedFiles =>
        Directory.Exists(StagingDirectory) ? Directory.EnumerateFileSystemEntries(StagingDirectory) : [];

    public string PathOf(BlobKey key) => Path.Combine(_objects, key.Path);

    public Task ImportFileAsync(BlobKey key, string localPath, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(localPath, target, overwrite: true);
        return Task.CompletedTask;
    }

    public Task<long> UploadAsync(BlobKey key, Stream content, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Stream> OpenReadAsync(BlobKey key, BlobRange? range, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<BlobInfo?> GetInfoAsync(BlobKey key, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CopyAsync(BlobKey source, BlobKey target, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> DeleteAsync(BlobKey key, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> DeleteMediaAsync(StorageArea area, Guid tenantId, string mediaId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public string? TryGetLocalPath(BlobKey key) => throw new NotSupportedException();

    public IAsyncEnumerable<BlobInfo> ListAsync(StorageArea area, CancellationToken cancellationToken) => throw new NotSupportedException();
}
